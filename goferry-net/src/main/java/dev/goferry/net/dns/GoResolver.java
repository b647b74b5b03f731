package dev.goferry.net.dns;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves a host as Go's pure-Go resolver would ({@code net/dnsclient_unix.go
 * goLookupIPCNAMEOrder} and {@code tryOneName}), recording every query as evidence:
 * <ol>
 *   <li>an IP literal is used as-is;</li>
 *   <li>the hosts file is read first ("files dns" order) and a hit ends the look-up;</li>
 *   <li>each name of the {@link NameList} is asked for A and AAAA (in parallel, or one after the
 *       other with {@code single-request}); the first name that yields any address ends it;</li>
 *   <li>for one name and type, {@code attempts} rounds go over the servers in order (starting one
 *       further each look-up with {@code rotate}), each query with the configured timeout.
 *       NXDOMAIN, or NOERROR without records from a server that is authoritative or recursive,
 *       ends the rounds ("no such host": another server won't help); SERVFAIL, REFUSED, other
 *       rcodes, lame referrals, timeouts and network errors move on to the next server.</li>
 * </ol>
 * Not modelled: {@code /etc/nsswitch.conf} orders other than "files dns", RFC 6724 sorting,
 * and the resolv.conf reload check.
 */
public final class GoResolver {

    private final ResolverFiles files;
    private final DnsClient client;
    private final AtomicInteger rotation = new AtomicInteger();

    public GoResolver(ResolverFiles files, DnsClient client) {
        this.files = Objects.requireNonNull(files, "files");
        this.client = Objects.requireNonNull(client, "client");
    }

    /** {@return a resolver over this machine's files and the system clock} */
    public static GoResolver system() {
        return new GoResolver(ResolverFiles.SYSTEM, DnsClient.system());
    }

    /** Resolves {@code host} like Go, reading the configuration afresh. */
    public GoResolution resolveLikeGo(String host) {
        return resolveLikeGo(host, Endpoint.https(host.isEmpty() ? "-" : host, 443), ProbeListener.NONE);
    }

    /** Resolves {@code host} like Go, reporting per-name events for {@code endpoint} to {@code listener}. */
    public GoResolution resolveLikeGo(String host, Endpoint endpoint, ProbeListener listener) {
        ResolvConf conf = ResolvConfParser.read(files);
        Optional<InetAddress> literal = Ips.parse(host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host);
        if (literal.isPresent()) {
            return new GoResolution(host, GoResolution.Source.LITERAL, conf, List.of(), List.of(),
                    List.of(literal.get()));
        }
        List<InetAddress> fromHosts = HostsFile.read(files).lookup(host);
        if (!fromHosts.isEmpty()) {
            listener.dnsStart(endpoint, host);
            listener.dnsEnd(endpoint, host, fromHosts);
            return new GoResolution(host, GoResolution.Source.HOSTS_FILE, conf, List.of(), List.of(), fromHosts);
        }
        List<String> names = NameList.of(host, conf);
        int offset = conf.rotate() ? Math.floorMod(rotation.getAndIncrement(), conf.servers().size()) : 0;
        List<DnsQuery> queries = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        for (String name : names) {
            listener.dnsStart(endpoint, name);
            List<List<DnsQuery>> perType = askBothTypes(conf, name, offset);
            perType.forEach(queries::addAll);
            for (List<DnsQuery> lane : perType) {
                if (!lane.isEmpty() && lane.getLast().outcome() instanceof DnsOutcome.Answer a) {
                    addresses.addAll(a.addresses());
                }
            }
            if (!addresses.isEmpty()) {
                listener.dnsEnd(endpoint, name, addresses);
                break;
            }
            listener.dnsFailed(endpoint, name, summary(perType));
        }
        return new GoResolution(host, GoResolution.Source.DNS, conf, names, queries, addresses);
    }

    private List<List<DnsQuery>> askBothTypes(ResolvConf conf, String name, int offset) {
        if (conf.singleRequest()) {
            return List.of(tryOneName(conf, name, QueryType.A, offset), tryOneName(conf, name, QueryType.AAAA, offset));
        }
        try (ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<DnsQuery>> a = lanes.submit(() -> tryOneName(conf, name, QueryType.A, offset));
            Future<List<DnsQuery>> aaaa = lanes.submit(() -> tryOneName(conf, name, QueryType.AAAA, offset));
            return List.of(a.get(), aaaa.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dns look-up of \"" + name + "\": interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dns look-up of \"" + name + "\": " + e.getCause(), e.getCause());
        }
    }

    /** Go's tryOneName: the queries for one name and type; the last one decided. */
    List<DnsQuery> tryOneName(ResolvConf conf, String name, QueryType type, int offset) {
        List<DnsQuery> queries = new ArrayList<>();
        List<InetSocketAddress> servers = conf.servers();
        for (int attempt = 0; attempt < conf.attempts(); attempt++) {
            for (int j = 0; j < servers.size(); j++) {
                InetSocketAddress server = servers.get((offset + j) % servers.size());
                DnsQuery q = client.query(server, name, type, conf.timeout(), conf.useTcp());
                queries.add(q);
                if (ends(q.outcome())) {
                    return queries;
                }
            }
        }
        return queries;
    }

    /** Reports whether Go stops asking further servers after this outcome. */
    static boolean ends(DnsOutcome outcome) {
        return switch (outcome) {
            case DnsOutcome.Answer a -> !a.records().isEmpty() || a.authoritative() || a.recursionAvailable();
            case DnsOutcome.NxDomain n -> true;
            case DnsOutcome.ServFail s -> false;
            case DnsOutcome.Refused r -> false;
            case DnsOutcome.OtherRcode o -> false;
            case DnsOutcome.Timeout t -> false;
            case DnsOutcome.NetworkError e -> false;
        };
    }

    private static String summary(List<List<DnsQuery>> perType) {
        List<String> parts = new ArrayList<>();
        for (List<DnsQuery> lane : perType) {
            if (!lane.isEmpty()) {
                DnsQuery last = lane.getLast();
                parts.add(last.type() + " " + last.outcome().getClass().getSimpleName());
            }
        }
        return String.join(", ", parts);
    }
}
