package dev.goferry.testkit.netlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real nginx in one of a {@link NetLab}'s namespaces, one server block per {@link Site}: plain
 * HTTP or TLS with the site's own certificate (made by {@link TestPki}), each answering a fixed
 * set of paths. It runs without a master process, so closing it stops everything.
 */
public final class LabWeb implements AutoCloseable {

    /**
     * A fixed answer: status, Content-Type and body (the body is ignored for 3xx-5xx but 200), or a
     * file's bytes (for objects too large for an nginx {@code return}).
     */
    public record Reply(int status, String contentType, String body, Optional<Path> file) {

        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, Optional.empty());
        }

        public static Reply ok(String contentType, String body) {
            return new Reply(200, contentType, body);
        }

        public static Reply status(int status) {
            return new Reply(status, "text/plain", "");
        }

        /** {@return a 200 answer with {@code file}'s bytes} */
        public static Reply file(String contentType, Path file) {
            return new Reply(200, contentType, "", Optional.of(file));
        }
    }

    /**
     * A server block.
     *
     * @param address       the listening address (an address of the namespace)
     * @param port          the listening port
     * @param certificate   the leaf certificate (its key beside it, see {@link TestPki#keyOf}); empty for plain HTTP
     * @param tlsDirectives nginx directives for TLS, e.g. {@code ssl_protocols TLSv1.2 TLSv1.3;}
     * @param routes        exact path (no query) → reply
     * @param fallback      the reply for any other path
     */
    public record Site(String address, int port, Optional<Path> certificate, String tlsDirectives,
                       Map<String, Reply> routes, Reply fallback) {

        public static Site https(String address, Path certificate, Map<String, Reply> routes) {
            return new Site(address, 443, Optional.of(certificate), "ssl_protocols TLSv1.2 TLSv1.3;", routes,
                    Reply.status(404));
        }

        public Site withCertificate(Path pem) {
            return new Site(address, port, Optional.of(pem), tlsDirectives, routes, fallback);
        }

        public Site withTls(String directives) {
            return new Site(address, port, certificate, directives, routes, fallback);
        }

        /** The same site with one more route. */
        public Site withRoute(String path, Reply reply) {
            Map<String, Reply> more = new java.util.LinkedHashMap<>(routes);
            more.put(path, reply);
            return new Site(address, port, certificate, tlsDirectives, more, fallback);
        }

        /** The same site answering every path with {@code reply}. */
        public Site answering(Reply reply) {
            return new Site(address, port, certificate, tlsDirectives, Map.of(), reply);
        }
    }

    private final ServerProcess process;

    private LabWeb(ServerProcess process) {
        this.process = process;
    }

    /** Starts nginx with {@code sites} in {@code namespace}; its files go to {@code lab.scratch()/name}. */
    public static LabWeb start(NetLab lab, String namespace, String name, List<Site> sites) {
        return start(lab, namespace, name, sites, Optional.empty());
    }

    /**
     * Like {@link #start(NetLab, String, String, List)}, with nginx's clock moved by {@code clockOffset}
     * (faketime's syntax, e.g. {@code +3d}): its {@code Date} headers then come from that time.
     */
    public static LabWeb start(NetLab lab, String namespace, String name, List<Site> sites,
                               Optional<String> clockOffset) {
        String binary = ServerProcess.requireBinary("nginx", "nginx").toString();
        try {
            Path root = Files.createDirectories(lab.scratch().resolve(name));
            StringBuilder conf = new StringBuilder("""
                    daemon off;
                    master_process off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log info;
                    events { worker_connections 256; }
                    http {
                      access_log %1$s/access.log;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      server_tokens off;
                    """.formatted(root));
            for (Site site : sites) {
                String listen = (site.address().contains(":") ? "[" + site.address() + "]" : site.address())
                        + ":" + site.port();
                conf.append("  server {\n");
                if (site.certificate().isPresent()) {
                    Path pem = site.certificate().get();
                    conf.append("    listen ").append(listen).append(" ssl http2;\n")
                            .append("    ssl_certificate ").append(pem).append(";\n")
                            .append("    ssl_certificate_key ").append(TestPki.keyOf(pem)).append(";\n")
                            .append("    ").append(site.tlsDirectives()).append('\n');
                } else {
                    conf.append("    listen ").append(listen).append(";\n");
                }
                site.routes().forEach((path, reply) -> conf.append("    location = ").append(path).append(" { ")
                        .append(directives(reply)).append(" }\n"));
                conf.append("    location / { ").append(directives(site.fallback())).append(" }\n");
                conf.append("  }\n");
            }
            conf.append("}\n");
            Path confFile = root.resolve("nginx.conf");
            Files.writeString(confFile, conf.toString());
            List<String> cmd = new ArrayList<>();
            // env execs nginx in place (the faketime wrapper would fork, and closing would leave nginx running)
            clockOffset.ifPresent(o -> cmd.addAll(List.of("env", "LD_PRELOAD=" + libfaketime(), "FAKETIME=" + o)));
            cmd.addAll(List.of(binary, "-p", root.toString(), "-c", confFile.toString(), "-e",
                    root.resolve("error.log").toString()));
            String first = sites.getFirst().address();
            return new LabWeb(lab.start(namespace, name, cmd, "tcp:" + first + ":" + sites.getFirst().port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String libfaketime() {
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib")) {
            Path lib = Path.of(dir, "faketime", "libfaketime.so.1");
            if (Files.isReadable(lib)) {
                return lib.toString();
            }
        }
        org.junit.jupiter.api.Assumptions.abort("libfaketime is not installed (Debian package faketime); skipping");
        return "";
    }

    private static String directives(Reply r) {
        String type = "default_type \"" + r.contentType() + "\";";
        if (r.file().isPresent()) {
            return type + " alias " + r.file().get() + ";";
        }
        if (r.status() == 200) {
            return type + " return 200 '" + r.body().replace("\\", "\\\\").replace("'", "\\'") + "';";
        }
        return type + " return " + r.status() + ";";
    }

    @Override
    public void close() {
        process.close();
    }
}
