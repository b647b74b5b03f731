package dev.goferry.doctor.evidence;

import dev.goferry.net.dns.ResolvConf;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this machine looks like, gathered once per run.
 *
 * @param interfaces    network interfaces
 * @param defaultRouteV4 the IPv4 default route's gateway or device, empty when there is none
 * @param defaultRouteV6 the IPv6 default route's gateway or device, empty when there is none
 * @param resolvConf    resolv.conf as Go reads it
 * @param hostsEntries  hosts-file entries for target names
 * @param clock         local clock readings compared with HTTP {@code Date} headers received
 */
public record LocalEvidence(List<NetInterface> interfaces, Optional<String> defaultRouteV4,
                            Optional<String> defaultRouteV6, Optional<ResolvConf> resolvConf,
                            List<HostsEntry> hostsEntries, List<ClockSample> clock) {

    public LocalEvidence {
        interfaces = List.copyOf(interfaces);
        Objects.requireNonNull(defaultRouteV4, "defaultRouteV4");
        Objects.requireNonNull(defaultRouteV6, "defaultRouteV6");
        Objects.requireNonNull(resolvConf, "resolvConf");
        hostsEntries = List.copyOf(hostsEntries);
        clock = List.copyOf(clock);
    }

    /** Reports whether any interface other than loopback is up. */
    public boolean anyInterfaceUp() {
        return interfaces.stream().anyMatch(i -> i.up() && !i.loopback());
    }

    /** Reports whether there is a default route in either family. */
    public boolean anyDefaultRoute() {
        return defaultRouteV4.isPresent() || defaultRouteV6.isPresent();
    }

    /**
     * {@return the median of local clock minus server clock, when any sample exists} A positive
     * value means this machine's clock is ahead.
     */
    public Optional<Duration> clockSkew() {
        if (clock.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> d = clock.stream().map(ClockSample::skew).sorted().toList();
        return Optional.of(d.get(d.size() / 2));
    }

    /**
     * One network interface.
     *
     * @param name      e.g. {@code eth0}
     * @param up        whether it is up
     * @param loopback  whether it is a loopback interface
     * @param addresses its addresses
     */
    public record NetInterface(String name, boolean up, boolean loopback, List<InetAddress> addresses) {
        public NetInterface {
            Objects.requireNonNull(name, "name");
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * A hosts-file entry for a target name.
     *
     * @param name      the target name
     * @param addresses what the hosts file maps it to, in file order
     */
    public record HostsEntry(String name, List<InetAddress> addresses) {
        public HostsEntry {
            Objects.requireNonNull(name, "name");
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * The local clock when a response arrived, and the response's {@code Date} header.
     *
     * @param host   the server
     * @param local  this machine's wall clock at the response
     * @param server the server's {@code Date} (one-second resolution)
     */
    public record ClockSample(String host, Instant local, Instant server) {
        public ClockSample {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(server, "server");
        }

        /** {@return local minus server} */
        public Duration skew() {
            return Duration.between(server, local);
        }
    }
}
