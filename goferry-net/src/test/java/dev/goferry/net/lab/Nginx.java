package dev.goferry.net.lab;

import dev.goferry.testkit.netlab.ServerProcess;
import dev.goferry.testkit.netlab.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real nginx on loopback: one server block per named site, each either plain HTTP or TLS with
 * its own certificate, all serving the same small set of locations:
 * <ul>
 *   <li>{@code /ok} → 200 {@code hello\n}</li>
 *   <li>{@code /redirect} → 302 to {@code /ok}</li>
 *   <li>{@code /big} → 200, a {@value #BIG_BYTES}-byte file</li>
 *   <li>anything else → 404</li>
 * </ul>
 * It runs in the foreground without a master process, so closing it stops everything.
 */
public final class Nginx implements AutoCloseable {

    /** Size of {@code /big}. */
    public static final int BIG_BYTES = 256 * 1024;

    /**
     * A site: {@code certificate} empty for plain HTTP; {@code tlsDirectives} replace the default
     * {@code ssl_protocols TLSv1.2 TLSv1.3;} line (e.g. to offer only a cipher no client takes).
     */
    public record Site(String name, java.util.Optional<Path> certificate, String tlsDirectives) {
        public static Site plain(String name) {
            return new Site(name, java.util.Optional.empty(), "");
        }

        public static Site tls(String name, Path certificatePem) {
            return new Site(name, java.util.Optional.of(certificatePem), "ssl_protocols TLSv1.2 TLSv1.3;");
        }

        public static Site tls(String name, Path certificatePem, String tlsDirectives) {
            return new Site(name, java.util.Optional.of(certificatePem), tlsDirectives);
        }
    }

    private final ServerProcess process;
    private final Map<String, Integer> ports;

    private Nginx(ServerProcess process, Map<String, Integer> ports) {
        this.process = process;
        this.ports = ports;
    }

    /** Starts nginx with {@code sites} in {@code scratch}. */
    public static Nginx start(Path scratch, List<Site> sites) {
        Path binary = ServerProcess.requireBinary("nginx", "nginx");
        try {
            Path root = Files.createDirectories(scratch.resolve("nginx"));
            Path www = Files.createDirectories(root.resolve("www"));
            Files.write(www.resolve("big"), new byte[BIG_BYTES]);
            Map<String, Integer> ports = new LinkedHashMap<>();
            StringBuilder conf = new StringBuilder("""
                    daemon off;
                    master_process off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log info;
                    events { worker_connections 64; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      default_type text/plain;
                    """.formatted(root));
            for (Site site : sites) {
                int port = Loopback.freePort();
                ports.put(site.name(), port);
                conf.append("  server {\n");
                if (site.certificate().isPresent()) {
                    Path pem = site.certificate().get();
                    conf.append("    listen 127.0.0.1:").append(port).append(" ssl http2;\n")
                            .append("    ssl_certificate ").append(pem).append(";\n")
                            .append("    ssl_certificate_key ").append(TestPki.keyOf(pem)).append(";\n")
                            .append("    ").append(site.tlsDirectives()).append('\n');
                } else {
                    conf.append("    listen 127.0.0.1:").append(port).append(";\n");
                }
                conf.append("    root ").append(www).append(";\n")
                        .append("    location = /ok { return 200 \"hello\\n\"; }\n")
                        .append("    location = /redirect { return 302 /ok; }\n")
                        .append("    location = /big { }\n")
                        .append("    location / { return 404; }\n")
                        .append("  }\n");
            }
            conf.append("}\n");
            Path confFile = root.resolve("nginx.conf");
            Files.writeString(confFile, conf.toString());
            List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-p", root.toString(), "-c",
                    confFile.toString(), "-e", root.resolve("error.log").toString()));
            ServerProcess p = ServerProcess.start("nginx", cmd, scratch, () -> ports.values().stream()
                    .allMatch(port -> Loopback.accepts(new InetSocketAddress(Loopback.v4(), port))));
            return new Nginx(p, ports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the port of site {@code name}} */
    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("nginx site \"" + name + "\": not configured");
        }
        return port;
    }

    /** {@return the loopback address of site {@code name}} */
    public InetSocketAddress address(String name) {
        return new InetSocketAddress(Loopback.v4(), port(name));
    }

    @Override
    public void close() {
        process.close();
    }
}
