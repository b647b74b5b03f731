package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.evidence.LocalEvidence;
import dev.goferry.doctor.run.AddressGuard;
import dev.goferry.doctor.run.DoctorRunner;
import dev.goferry.doctor.run.LocalSource;
import dev.goferry.net.dns.DnsClient;
import dev.goferry.net.dns.ResolverFiles;
import dev.goferry.net.tcp.SocketConnector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Replaces {@link DoctorCommand#seams} for in-process doctor runs: a machine whose only resolver is
 * 127.0.0.1, with an interface and a default route (so it is not "offline"), and a guard that fails
 * on any non-loopback address. {@link #close()} puts the real seams back and fails when anything
 * else was reached for.
 */
final class LoopbackSeams implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<InetSocketAddress> violations = new CopyOnWriteArrayList<>();
    private final Function<Map<String, String>, DoctorRunner.Seams> saved = DoctorCommand.seams;

    private LoopbackSeams() {
        AddressGuard guard = a -> {
            if (a.isUnresolved() || !a.getAddress().isLoopbackAddress()) {
                violations.add(a);
                throw new AssertionError("non-loopback address \"" + a + "\": tests may reach loopback only");
            }
        };
        LocalSource machine = new LocalSource() {
            @Override
            public List<LocalEvidence.NetInterface> interfaces() {
                return List.of(new LocalEvidence.NetInterface("lo", true, true, List.of(LOOPBACK)),
                        new LocalEvidence.NetInterface("eth0", true, false, List.of()));
            }

            @Override
            public Optional<String> routesV4() {
                return Optional.of("Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                        + "eth0\t00000000\t0100000A\t0003\t0\t0\t0\t00000000\n");
            }

            @Override
            public Optional<String> routesV6() {
                return Optional.empty();
            }
        };
        DoctorCommand.seams = env -> new DoctorRunner.Seams(
                ResolverFiles.ofText("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n", "127.0.0.1 localhost\n",
                        "lab"), SocketConnector.SYSTEM, guard, DnsClient.system(), machine, Clock.systemUTC());
    }

    /** {@return the loopback seams, installed} */
    static LoopbackSeams install() {
        return new LoopbackSeams();
    }

    @Override
    public void close() {
        DoctorCommand.seams = saved;
        assertThat(violations).as("non-loopback addresses reached for").isEmpty();
    }
}
