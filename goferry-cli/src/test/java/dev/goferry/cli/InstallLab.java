package dev.goferry.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small loopback release lab for the command tests: {@code /index.json}, {@code /good/<file>} (the
 * real Go 1.19.8 toolchain repacked as an official-looking archive) and {@code /corrupt/<file>}
 * (one byte flipped). The install module's tests cover the faults in depth; here the commands'
 * output and exit codes are what is tested.
 */
final class InstallLab implements AutoCloseable {

    static final String NAME = "go1.19.8.linux-amd64.tar.gz";

    final HttpServer server;
    final byte[] archive;
    final Path archiveFile;
    final List<String> log = new CopyOnWriteArrayList<>();

    InstallLab(Path dir) throws IOException {
        archiveFile = dir.resolve(NAME);
        repack(archiveFile);
        archive = Files.readAllBytes(archiveFile);
        byte[] corrupt = archive.clone();
        corrupt[corrupt.length / 2] ^= 1;
        byte[] index = index().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                log.add(path);
                byte[] body = path.equals("/index.json") ? index
                        : path.equals("/good/" + NAME) ? archive
                        : path.equals("/corrupt/" + NAME) ? corrupt : null;
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private String index() {
        String sha;
        try {
            sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(archive));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return """
                [{"version": "go1.20.3", "stable": true, "files": []},
                 {"version": "go1.19.8", "stable": true, "files": [
                   {"filename": "%s", "os": "linux", "arch": "amd64", "version": "go1.19.8", "sha256": "%s", "size": %d, "kind": "archive"}]},
                 {"version": "go1.19.7", "stable": true, "files": []}]
                """.formatted(NAME, sha, archive.length);
    }

    /** go/VERSION and go/bin/go from the Debian toolchain: enough for {@code go version}. */
    static void repack(Path archive) throws IOException {
        Path goroot = Path.of("/usr/lib/go-1.19");
        try (OutputStream file = Files.newOutputStream(archive);
             GZIPOutputStream gz = new GZIPOutputStream(file, 65536) {
                 {
                     def.setLevel(Deflater.BEST_SPEED);
                 }
             };
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (String name : List.of("VERSION", "bin/go")) {
                byte[] content = Files.readAllBytes(goroot.resolve(name));
                TarArchiveEntry e = new TarArchiveEntry("go/" + name);
                e.setMode(name.startsWith("bin/") ? 0100755 : 0100644);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
