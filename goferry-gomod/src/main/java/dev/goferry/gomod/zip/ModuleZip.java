package dev.goferry.gomod.zip;

import dev.goferry.gomod.gostd.GoPath;
import dev.goferry.gomod.gostd.GoQuote;
import dev.goferry.gomod.module.ModError;
import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.gomod.module.ModuleVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Checks and writes module zip files with x/mod's rules and messages (see the package comment).
 */
public final class ModuleZip {

    /** The largest module zip, and the largest total of its files' sizes: 500 MiB. */
    public static final long MAX_ZIP_FILE = 500L << 20;
    /** The largest root go.mod: 16 MiB. */
    public static final long MAX_GO_MOD = 16L << 20;
    /** The largest root LICENSE: 16 MiB. */
    public static final long MAX_LICENSE = 16L << 20;

    static final String NOT_CLEAN = "file path is not clean";
    static final String NOT_RELATIVE = "file path is not relative";
    static final String GO_MOD_CASE = "go.mod files must have lowercase names";
    static final String GO_MOD_SIZE = "go.mod file too large (max size is " + MAX_GO_MOD + " bytes)";
    static final String LICENSE_SIZE = "LICENSE file too large (max size is " + MAX_LICENSE + " bytes)";
    static final String VENDORED = "file is in vendor directory";
    static final String SUBMODULE_FILE = "file is in another module";
    static final String HG_ARCHIVAL = "file is inserted by 'hg archive' and is always omitted";
    static final String SYMLINK = "file is a symbolic link";
    static final String NOT_REGULAR = "not a regular file";

    private ModuleZip() {}

    /** The result of checking a file list, with the files to write and their declared sizes. */
    private record Checked(CheckedFiles report, List<ModuleFile> files, List<Long> sizes) {}

    /**
     * Sorts files into valid, omitted and invalid for a module zip (x/mod {@code CheckFiles}).
     * Files are not opened, except the root go.mod whose {@code go} line decides the vendor rule,
     * so {@link #create} may still fail on I/O errors or files larger than they claimed.
     */
    public static CheckedFiles checkFiles(List<? extends ModuleFile> files) {
        return checkFiles(files, VendorRule.current());
    }

    /** Like {@link #checkFiles(List)}, with the vendored-package rule of a given go release. */
    public static CheckedFiles checkFiles(List<? extends ModuleFile> files, VendorRule rule) {
        return check(files, rule).report();
    }

    private static Checked check(List<? extends ModuleFile> files, VendorRule rule) {
        List<String> valid = new ArrayList<>();
        List<FileError> omitted = new ArrayList<>();
        List<FileError> invalid = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        List<ModuleFile> validFiles = new ArrayList<>();
        List<Long> validSizes = new ArrayList<>();
        Optional<String> sizeError = Optional.empty();

        // Directories (other than the root) holding a go.mod are other modules: their files are omitted.
        Set<String> haveGoMod = new HashSet<>();
        String goVersion = "";
        for (ModuleFile f : files) {
            String p = f.path();
            int slash = p.lastIndexOf('/');
            String dir = p.substring(0, slash + 1);
            String base = p.substring(slash + 1);
            if (base.equalsIgnoreCase("go.mod")) {
                ModuleFile.FileInfo info;
                try {
                    info = f.lstat();
                } catch (IOException e) {
                    if (reported.add(p)) {
                        invalid.add(new FileError(p, String.valueOf(e.getMessage())));
                    }
                    continue;
                }
                if (info.type() != ModuleFile.FileInfo.Type.REGULAR) {
                    continue;
                }
                haveGoMod.add(dir);
                if (base.equals("go.mod") && dir.isEmpty() && rule == VendorRule.GO_1_24) {
                    try (InputStream in = f.open()) {
                        goVersion = goLanguageVersion(in.readAllBytes()).orElse("");
                    } catch (IOException e) {
                        // as in Go: an unreadable go.mod leaves the version unknown
                    }
                }
            }
        }

        CollisionChecker collisions = new CollisionChecker();
        long maxSize = MAX_ZIP_FILE;
        for (ModuleFile f : files) {
            String p = f.path();
            if (reported.contains(p)) {
                continue;
            }
            Optional<FileError> omit = Optional.empty();
            Optional<String> bad = Optional.empty();
            ModuleFile.FileInfo info = null;
            if (!p.equals(GoPath.clean(p))) {
                bad = Optional.of(NOT_CLEAN);
            } else if (p.startsWith("/")) {
                bad = Optional.of(NOT_RELATIVE);
            } else if (isVendoredPackage(p, goVersion)) {
                omit = Optional.of(new FileError(p, VENDORED));
            } else if (inSubmodule(p, haveGoMod)) {
                omit = Optional.of(new FileError(p, SUBMODULE_FILE));
            } else if (p.equals(".hg_archival.txt")) {
                omit = Optional.of(new FileError(p, HG_ARCHIVAL));
            } else {
                Optional<ModError> pathErr = ModulePaths.checkFilePath(p);
                if (pathErr.isPresent()) {
                    bad = Optional.of(pathErr.get().message());
                } else if (p.toLowerCase(java.util.Locale.ROOT).equals("go.mod") && !p.equals("go.mod")) {
                    bad = Optional.of(GO_MOD_CASE);
                } else {
                    try {
                        info = f.lstat();
                    } catch (IOException e) {
                        bad = Optional.of(String.valueOf(e.getMessage()));
                    }
                }
            }
            if (info != null) {
                bad = collisions.check(p, info.type() == ModuleFile.FileInfo.Type.DIRECTORY);
                if (bad.isEmpty()) {
                    if (info.type() == ModuleFile.FileInfo.Type.SYMLINK) {
                        omit = Optional.of(new FileError(p, SYMLINK));
                    } else if (info.type() != ModuleFile.FileInfo.Type.REGULAR) {
                        omit = Optional.of(new FileError(p, NOT_REGULAR));
                    } else {
                        long size = info.size();
                        if (size >= 0 && size <= maxSize) {
                            maxSize -= size;
                        } else if (sizeError.isEmpty()) {
                            sizeError = Optional.of("module source tree too large (max size is " + MAX_ZIP_FILE + " bytes)");
                        }
                        if (p.equals("go.mod") && size > MAX_GO_MOD) {
                            bad = Optional.of(GO_MOD_SIZE);
                        } else if (p.equals("LICENSE") && size > MAX_LICENSE) {
                            bad = Optional.of(LICENSE_SIZE);
                        }
                    }
                }
            }
            if (omit.isPresent()) {
                if (reported.add(p)) {
                    omitted.add(omit.get());
                }
            } else if (bad.isPresent()) {
                if (reported.add(p)) {
                    invalid.add(new FileError(p, bad.get()));
                }
            } else {
                valid.add(p);
                validFiles.add(f);
                validSizes.add(info.size());
            }
        }
        return new Checked(new CheckedFiles(valid, omitted, invalid, sizeError), validFiles, validSizes);
    }

    private static boolean inSubmodule(String p, Set<String> haveGoMod) {
        while (true) {
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return false;
            }
            String dir = p.substring(0, slash + 1);
            if (haveGoMod.contains(dir)) {
                return true;
            }
            p = p.substring(0, slash);
        }
    }

    /**
     * Reports whether a file belongs to a vendored package and is therefore left out of a
     * module zip. {@code goVersion} is the language version ({@code go1.24}) of the root go.mod's
     * {@code go} line, "" when unknown (and always "" under {@link VendorRule#GO_1_23}).
     *
     * <p>Files directly in the top {@code vendor/} directory ({@code vendor/modules.txt}) stay,
     * deeper ones go. For {@code a/vendor/…} Go used the wrong offset for years
     * (golang.org/issue/37397), so {@code a/vendor/x.go} is dropped while it should stay; fixing it
     * would change the hash of published modules, so modules whose go line is older than 1.24 keep
     * the bug. From go 1.24 the offset is right and {@code vendor/modules.txt} is dropped too.
     */
    public static boolean isVendoredPackage(String name, String goVersion) {
        boolean go124 = compareGoVersions(goVersion, "go1.24") >= 0;
        if (go124 && name.equals("vendor/modules.txt")) {
            return true;
        }
        int i;
        if (name.startsWith("vendor/")) {
            i = "vendor/".length();
        } else {
            int j = name.indexOf("/vendor/");
            if (j < 0) {
                return false;
            }
            i = go124 ? j + "/vendor/".length() : "/vendor/".length(); // the kept bug: offset 8 from the start
        }
        return name.substring(Math.min(i, name.length())).contains("/");
    }

    private static final Pattern GO_LINE = Pattern.compile("^\\s*go\\s+(\\S+)\\s*(//.*)?$");
    private static final Pattern GO_VERSION = Pattern.compile("^([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?$");

    private static final Pattern LAX_GO_VERSION = Pattern.compile("^v?(([1-9][0-9]*)\\.(0|[1-9][0-9]*))([^0-9].*)$");

    /**
     * Returns the language version ({@code go1.21}) named by a go.mod's {@code go} line, empty
     * if there is none or it is malformed. A line scan, not a full go.mod parser: enough for the
     * vendor rule, which is all it is used for.
     */
    static Optional<String> goLanguageVersion(byte[] goMod) {
        String text = new String(goMod, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            Matcher m = GO_LINE.matcher(line.strip());
            if (m.matches()) {
                Matcher v = GO_VERSION.matcher(m.group(1));
                if (v.matches()) {
                    return Optional.of("go" + v.group(1) + "." + v.group(2));
                }
                Matcher lax = LAX_GO_VERSION.matcher(m.group(1)); // modfile.ParseLax repairs e.g. "1.24beta"
                return lax.matches() ? Optional.of("go" + lax.group(2) + "." + lax.group(3)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Compares language versions {@code goX.Y}; "" (unknown) sorts before every version. */
    static int compareGoVersions(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty() ? 0 : a.isEmpty() ? -1 : 1;
        }
        String[] x = a.substring(2).split("\\.");
        String[] y = b.substring(2).split("\\.");
        for (int i = 0; i < 2; i++) {
            int c = new java.math.BigInteger(x[i]).compareTo(new java.math.BigInteger(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Checks a module zip on disk for module {@code m} (x/mod {@code CheckZip}): the version must
     * be canonical and agree with the path, and every entry must pass the rules in the package
     * comment. Entry names in the report are full names, prefix included.
     *
     * @throws ModuleZipException if {@code m} itself is malformed or the zip cannot be read
     */
    public static CheckedFiles checkZip(ModuleVersion m, Path zipFile) throws IOException {
        checkModule(m, "");
        long zipSize = Files.size(zipFile);
        if (zipSize > MAX_ZIP_FILE) {
            return CheckedFiles.ofSizeError("module zip file is too large (" + zipSize + " bytes; limit is "
                    + MAX_ZIP_FILE + " bytes)");
        }
        List<String> valid = new ArrayList<>();
        List<FileError> invalid = new ArrayList<>();
        Optional<String> sizeError = Optional.empty();
        String prefix = m.path() + "@" + m.version() + "/";
        CollisionChecker collisions = new CollisionChecker();
        long size = 0;
        try (ZipFile z = new ZipFile(zipFile.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry zf = en.nextElement();
                String full = zf.getName();
                if (!full.startsWith(prefix)) {
                    invalid.add(new FileError(full, "path does not have prefix " + GoQuote.quote(prefix)));
                    continue;
                }
                String name = full.substring(prefix.length());
                if (name.isEmpty()) {
                    continue;
                }
                boolean isDir = name.endsWith("/");
                if (isDir) {
                    name = name.substring(0, name.length() - 1);
                }
                if (!GoPath.clean(name).equals(name)) {
                    invalid.add(new FileError(full, NOT_CLEAN));
                    continue;
                }
                Optional<ModError> pathErr = ModulePaths.checkFilePath(name);
                if (pathErr.isPresent()) {
                    invalid.add(new FileError(full, pathErr.get().message()));
                    continue;
                }
                Optional<String> collision = collisions.check(name, isDir);
                if (collision.isPresent()) {
                    invalid.add(new FileError(full, collision.get()));
                    continue;
                }
                if (isDir) {
                    continue;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (base.equalsIgnoreCase("go.mod")) {
                    if (!base.equals(name)) {
                        invalid.add(new FileError(full, "go.mod file not in module root directory"));
                        continue;
                    }
                    if (!name.equals("go.mod")) {
                        invalid.add(new FileError(full, GO_MOD_CASE));
                        continue;
                    }
                }
                long sz = zf.getSize();
                if (sz >= 0 && MAX_ZIP_FILE - size >= sz) {
                    size += sz;
                } else if (sizeError.isEmpty()) {
                    sizeError = Optional.of("total uncompressed size of module contents too large (max size is "
                            + MAX_ZIP_FILE + " bytes)");
                }
                if (name.equals("go.mod") && sz > MAX_GO_MOD) {
                    invalid.add(new FileError(full, GO_MOD_SIZE));
                    continue;
                }
                if (name.equals("LICENSE") && sz > MAX_LICENSE) {
                    invalid.add(new FileError(full, LICENSE_SIZE));
                    continue;
                }
                valid.add(full);
            }
        }
        return new CheckedFiles(valid, List.of(), invalid, sizeError);
    }

    /**
     * Writes the module zip for {@code m} from {@code files} to {@code out} (x/mod
     * {@code Create}): omitted files are left out, and nothing is written unless every file is
     * valid. Entries are deflated, carry no directory entries and a fixed 1980-01-01 time, so the
     * same files always give the same bytes.
     *
     * @throws ModuleZipException ({@code create zip: …}) if {@code m} is malformed, a file is
     *     invalid, the module is too large, or a file holds more bytes than its size said
     */
    public static void create(OutputStream out, ModuleVersion m, List<? extends ModuleFile> files) throws IOException {
        create(out, m, files, VendorRule.current());
    }

    /** Like {@link #create(OutputStream, ModuleVersion, List)}, with the vendored-package rule of a given go release. */
    public static void create(OutputStream out, ModuleVersion m, List<? extends ModuleFile> files, VendorRule rule)
            throws IOException {
        checkModule(m, "create zip: ");
        Checked checked = check(files, rule);
        Optional<String> err = checked.report().err();
        if (err.isPresent()) {
            throw new ModuleZipException("create zip: " + err.get());
        }
        String prefix = m.path() + "@" + m.version() + "/";
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (int i = 0; i < checked.files().size(); i++) {
            ModuleFile f = checked.files().get(i);
            long size = checked.sizes().get(i);
            ZipEntry entry = new ZipEntry(prefix + f.path());
            entry.setTimeLocal(LocalDateTime.of(1980, 1, 1, 0, 0));
            zip.putNextEntry(entry);
            try (InputStream in = f.open()) {
                byte[] buf = new byte[64 * 1024];
                long left = size + 1;
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
                    zip.write(buf, 0, n);
                    left -= n;
                }
                if (left <= 0) {
                    throw new ModuleZipException("create zip: file " + GoQuote.quote(f.path()) + " is larger than declared size");
                }
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The checks both {@link #create} and {@link #checkZip} make on the module itself. */
    private static void checkModule(ModuleVersion m, String context) throws ModuleZipException {
        String canonical = ModulePaths.canonicalVersion(m.version());
        if (!canonical.equals(m.version())) {
            throw new ModuleZipException(context + "version " + GoQuote.quote(m.version())
                    + " is not canonical (should be " + GoQuote.quote(canonical) + ")");
        }
        Optional<ModError> err = ModulePaths.check(m.path(), m.version());
        if (err.isPresent()) {
            throw new ModuleZipException(context + err.get().message());
        }
    }

    /** {@return the module files of in-memory content, path to bytes, in the map's order} */
    public static List<ModuleFile> filesOf(Map<String, byte[]> contents) {
        List<ModuleFile> files = new ArrayList<>();
        contents.forEach((p, data) -> files.add(ModuleFile.of(p, data)));
        return files;
    }

}
