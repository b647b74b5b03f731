import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.SumDbServer;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.testkit.sumdb.TestSumDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The GOPROXY side of bench/install-toolchain-segmented.sh: writes OUT_DIR/golang.org/toolchain/@v/
 * (list, .info, .mod and a .zip of the installed Debian Go 1.19's VERSION, bin/ and
 * pkg/tool/linux_amd64/ as {@code golang.org/toolchain@v0.0.1-go1.19.8.linux-amd64}), starts a
 * loopback checksum database holding the zip's and go.mod's h1, writes the GOSUMDB value to
 * GOSUMDB_FILE and serves until killed:
 * {@code java -cp goferry.jar:testkit-classes bench/lib/ToolchainProxyTree.java OUT_DIR GOSUMDB_FILE}.
 */
public final class ToolchainProxyTree {

    static final Path GO = Path.of("/usr/lib/go-1.19");
    static final String VERSION = "v0.0.1-go1.19.8.linux-amd64";
    static final byte[] GO_MOD = "module golang.org/toolchain\n".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]).resolve("golang.org/toolchain/@v"));
        Path zip = dir.resolve(VERSION + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files()) {
                out.putNextEntry(new ZipEntry("golang.org/toolchain@" + VERSION + "/" + GO.relativize(file)));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        Files.writeString(dir.resolve("list"), VERSION + "\n");
        Files.writeString(dir.resolve(VERSION + ".info"), "{\"Version\":\"" + VERSION + "\",\"Time\":\"2023-04-04T17:31:45Z\"}\n");
        Files.write(dir.resolve(VERSION + ".mod"), GO_MOD);

        Keys.KeyStrings key = Keys.generate("sum.golang.bench", new SecureRandom());
        MemoryLog log = new MemoryLog(key.signerKey());
        log.add(new MemoryLog.Entry("golang.org/toolchain", VERSION, Dirhash.hashZip(zip), Dirhash.hashGoMod(GO_MOD)));
        TestSumDb db = TestSumDb.start("", new SumDbServer(log)::write);
        Files.writeString(Path.of(args[1]), key.verifierKey() + " " + db.url() + "\n");
        System.err.printf("toolchain zip: %d bytes; checksum database at %s%n", Files.size(zip), db.url());
        Thread.currentThread().join();  // serve until killed
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> bin = Files.list(GO.resolve("bin")); Stream<Path> tools = Files.list(GO.resolve("pkg/tool/linux_amd64"))) {
            return Stream.concat(Stream.of(GO.resolve("VERSION")), Stream.concat(bin, tools))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }
}
