package dev.goferry.doctor.run;

import com.sun.net.httpserver.HttpServer;
import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.net.dns.DnsClient;
import dev.goferry.net.dns.ResolverFiles;
import dev.goferry.net.tcp.SocketConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A loopback lab for doctor runs: module proxies on 127.0.0.1 (JDK HttpServer) answering with a
 * fixed status and body per path, a listener that never answers, and seams that describe a
 * connected machine whose only resolver is 127.0.0.1, guarded loopback-only.
 */
final class Lab {

    private Lab() {}

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A GOPROXY that works: the reference module's list, the toolchain's list, the checksum database supported. */
    static final Map<String, Response> GOOD_PROXY = Map.of(
            "/golang.org/x/text/@v/list", new Response(200, "text/plain; charset=utf-8", "v0.3.0\nv0.14.0\n"),
            "/golang.org/toolchain/@v/list", new Response(200, "text/plain; charset=utf-8",
                    "v0.0.1-go1.21.0.linux-amd64\n"),
            "/sumdb/sum.golang.org/supported", new Response(200, "text/plain; charset=utf-8", ""));

    record Response(int status, String contentType, String body) {}

    /** A loopback HTTP server answering every path in {@code routes}, 404 elsewhere, or {@code all} everywhere. */
    static HttpServer proxy(Map<String, Response> routes, Optional<Response> all) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 16);
            s.createContext("/", ex -> {
                Response r = all.orElseGet(() -> routes.getOrDefault(ex.getRequestURI().getPath(),
                        new Response(404, "text/plain; charset=utf-8", "not found")));
                byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", r.contentType());
                ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    ex.getResponseBody().write(body);
                }
                ex.close();
            });
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort();
    }

    /** A listener that accepts connections (the kernel does) and never answers: a blackholed server. */
    static ServerSocket silent() {
        try {
            return new ServerSocket(0, 50, LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connected machine whose resolver is 127.0.0.1, behind {@code guard}. */
    static DoctorRunner.Seams seams(LoopbackGuard guard) {
        LocalSource machine = new LocalSource() {
            @Override
            public List<LocalEvidence.NetInterface> interfaces() {
                return List.of(new LocalEvidence.NetInterface("lo", true, true, List.of(LOOPBACK)),
                        new LocalEvidence.NetInterface("eth0", true, false, List.of()));
            }

            @Override
            public Optional<String> routesV4() {
                return Optional.of("""
                        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
                        eth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\t0\t0\t0
                        """);
            }

            @Override
            public Optional<String> routesV6() {
                return Optional.of("");
            }
        };
        return new DoctorRunner.Seams(ResolverFiles.ofText("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
                "127.0.0.1 localhost\n", "lab"), SocketConnector.SYSTEM, guard, DnsClient.system(), machine,
                Clock.systemUTC());
    }

    /** No public resolvers, the given deadline, no extra roots, one attempt per address. */
    static RunOptions options(Duration timeout) {
        return new RunOptions(timeout, List.of(), List.of(), 1, timeout);
    }

    /** As {@link #options}, with layers allowed to wait longer than the run: the deadline must cut them off. */
    static RunOptions cutOff(Duration timeout) {
        return new RunOptions(timeout, List.of(), List.of(), 1, Duration.ofSeconds(10));
    }
}
