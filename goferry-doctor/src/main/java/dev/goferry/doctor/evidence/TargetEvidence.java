package dev.goferry.doctor.evidence;

import dev.goferry.doctor.protocol.ProtocolVerdict;
import dev.goferry.doctor.target.Target;
import dev.goferry.net.http.HttpProbeReport;
import dev.goferry.net.tcp.TcpAttempt;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the probes saw for one target, layer by layer. A layer not reached is empty. This is
 * the diagnosis step's only input about the network: probes fill it in, {@code Diagnoser} judges it.
 *
 * @param target     the target
 * @param dns        the name resolution of the host Go dials (the proxy's host when Go uses a proxy),
 *                   with direct queries to the configured and public resolvers
 * @param tcp        connect attempts to every resolved address, v4 and v6, several each (to the proxy
 *                   when Go uses one); when empty, the walk's own attempts in {@code walk} are used
 * @param walk       the request walked as Go's transport would: DNS, connect, CONNECT, TLS, HTTP
 * @param protocol   the body judged against the protocol ({@code ProtocolValidator}), when a body came
 * @param throughput a bounded download, when one was made
 * @param file       the on-disk check of a file:// proxy
 */
public record TargetEvidence(Target target, Optional<DnsEvidence> dns, List<TcpAttempt> tcp,
                             Optional<HttpProbeReport> walk, Optional<ProtocolVerdict> protocol,
                             Optional<ThroughputSample> throughput, Optional<FileProxyEvidence> file) {

    public TargetEvidence {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dns, "dns");
        tcp = List.copyOf(tcp);
        Objects.requireNonNull(walk, "walk");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(throughput, "throughput");
        Objects.requireNonNull(file, "file");
    }

    /** {@return evidence of a target that was not probed (a wildcard pattern, a run cut short)} */
    public static TargetEvidence none(Target target) {
        return new TargetEvidence(target, Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** {@return the TCP attempts to judge: the dedicated ones, else the walk's} */
    public List<TcpAttempt> tcpAttempts() {
        return !tcp.isEmpty() ? tcp : walk.map(HttpProbeReport::connects).orElse(List.of());
    }
}
