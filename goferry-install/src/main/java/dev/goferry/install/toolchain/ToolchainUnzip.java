package dev.goferry.install.toolchain;

import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.zip.CheckedFiles;
import dev.goferry.gomod.zip.ModuleZip;
import dev.goferry.install.unpack.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a verified {@code golang.org/toolchain} module zip into an empty folder as a GOROOT,
 * doing what the go command does after {@code modfetch.Download} (cmd/go
 * {@code toolchain.Select}), since module zips carry no file modes:
 *
 * <ul>
 *   <li>the zip must pass x/mod's {@code CheckZip} rules (goferry-gomod {@link ModuleZip#checkZip}):
 *       every name under {@code golang.org/toolchain@<version>/}, clean, no {@code ..}, no
 *       absolute paths, no case collisions, no nested {@code go.mod}, at most 500 MB; the prefix
 *       is dropped, so nothing can land outside the folder;
 *   <li>files are created {@code rw-r--r--} (less the umask) and directories {@code rwxr-xr-x};
 *       Go leaves the module cache read-only, goferry keeps the owner's write bit so the tree can
 *       be uninstalled;
 *   <li>the execute bits Go's {@code allowExec} sets: every file below {@code pkg/tool/} and
 *       {@code bin/}, and files below {@code lib/} named like {@code go_?*_?*_exec}
 *       ({@code lib/wasm/go_js_wasm_exec}); nothing else (not even {@code src/*.bash}, which the
 *       module form leaves unexecutable too);
 *   <li>every {@code _go.mod} is copied to {@code go.mod} beside it (cmd/distpack renamed them,
 *       because a module zip cannot hold nested {@code go.mod} files; Go copies them back).
 * </ul>
 */
public final class ToolchainUnzip {

    private static final Pattern LIB_EXEC = Pattern.compile("go_[^/][^/]*_[^/][^/]*_exec");

    private ToolchainUnzip() {}

    /**
     * Unpacks {@code zip} of {@code golang.org/toolchain@moduleVersion} into {@code emptyFolder}.
     *
     * @throws UnsafeArchiveException for the first entry the module zip rules refuse (nothing is written then)
     */
    public static void unpack(Path zip, String moduleVersion, Path emptyFolder) throws IOException {
        ModuleVersion m = new ModuleVersion(ToolchainModule.PATH, moduleVersion);
        CheckedFiles checked = ModuleZip.checkZip(m, zip);
        if (!checked.invalid().isEmpty()) {
            var first = checked.invalid().get(0);
            throw new UnsafeArchiveException(first.path(), first.reason());
        }
        if (checked.sizeError().isPresent()) {
            throw new UnsafeArchiveException(zip.getFileName().toString(), checked.sizeError().get());
        }
        String prefix = m.path() + "@" + m.version() + "/";
        Set<String> valid = Set.copyOf(checked.valid());
        Path root = emptyFolder.toAbsolutePath().normalize();
        List<Path> goMods = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (!valid.contains(e.getName()) || e.isDirectory()) {
                    continue;
                }
                String name = e.getName().substring(prefix.length());
                Path dest = root.resolve(name).normalize();
                if (!dest.startsWith(root) || dest.equals(root)) {
                    throw new UnsafeArchiveException(e.getName(), "outside the target folder");
                }
                // Only this loop writes below the (empty) folder, and it creates no links: no
                // parent can be a symbolic link.
                Files.createDirectories(dest.getParent());
                try (InputStream in = z.getInputStream(e);
                     OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    copyAtMost(in, out, e.getSize(), e.getName());
                }
                if (isExecutable(name)) {
                    allowExec(dest);
                }
                if (dest.getFileName().toString().equals("_go.mod")) {
                    goMods.add(dest);
                }
            }
        }
        for (Path underscored : goMods) {
            Path goMod = underscored.resolveSibling("go.mod");
            Files.copy(underscored, goMod, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reports whether Go's {@code allowExec} gives the file (slash-separated, below the GOROOT) execute bits. */
    public static boolean isExecutable(String name) {
        if (name.startsWith("pkg/tool/") || name.startsWith("bin/")) {
            return true;
        }
        return name.startsWith("lib/") && LIB_EXEC.matcher(name.substring(name.lastIndexOf('/') + 1)).matches();
    }

    /** Go's {@code os.Chmod(path, mode&0777|0111)}. */
    private static void allowExec(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = new java.util.HashSet<>(Files.getPosixFilePermissions(file));
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        perms.add(PosixFilePermission.GROUP_EXECUTE);
        perms.add(PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(file, perms);
    }

    /** Copies no more bytes than the central directory promised (a lying entry cannot fill the disk). */
    private static void copyAtMost(InputStream in, OutputStream out, long declared, String entry) throws IOException {
        long limit = declared < 0 ? ModuleZip.MAX_ZIP_FILE : declared;
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            written += n;
            if (written > limit) {
                throw new UnsafeArchiveException(entry, "holds more bytes than its declared size " + limit);
            }
            out.write(buffer, 0, n);
        }
    }
}
