package dev.goferry.doctor.run;

import dev.goferry.doctor.evidence.LocalEvidence;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where the machine-wide LOCAL evidence comes from: the interfaces and the kernel's default routes.
 * A seam so tests describe a machine instead of reading this one's.
 */
public interface LocalSource {

    /** {@return the network interfaces} */
    List<LocalEvidence.NetInterface> interfaces();

    /** {@return the text of {@code /proc/net/route}, empty when unreadable} */
    Optional<String> routesV4();

    /** {@return the text of {@code /proc/net/ipv6_route}, empty when unreadable} */
    Optional<String> routesV6();

    /** This machine: {@link NetworkInterface} and {@code /proc/net}. Reads only; sends nothing. */
    LocalSource SYSTEM = new LocalSource() {
        @Override
        public List<LocalEvidence.NetInterface> interfaces() {
            List<LocalEvidence.NetInterface> out = new ArrayList<>();
            try {
                for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    List<InetAddress> addrs = Collections.list(n.getInetAddresses());
                    out.add(new LocalEvidence.NetInterface(n.getName(), n.isUp(), n.isLoopback(), addrs));
                }
            } catch (SocketException | RuntimeException e) {
                // no interface list: the evidence says so by being empty
            }
            return out;
        }

        @Override
        public Optional<String> routesV4() {
            return read("/proc/net/route");
        }

        @Override
        public Optional<String> routesV6() {
            return read("/proc/net/ipv6_route");
        }

        private Optional<String> read(String path) {
            try {
                return Optional.of(Files.readString(Path.of(path)));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    };

    /** {@return the IPv4 default route ("gateway dev iface") in {@code /proc/net/route} text} */
    static Optional<String> defaultV4(String table) {
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // Iface Destination Gateway Flags ...; destination and mask 00000000 is the default route
            if (f.length >= 8 && f[1].equals("00000000") && f[7].equals("00000000") && !f[0].equals("Iface")) {
                return Optional.of(hexV4(f[2]) + " dev " + f[0]);
            }
        }
        return Optional.empty();
    }

    /** {@return the IPv6 default route ("dev iface") in {@code /proc/net/ipv6_route} text} */
    static Optional<String> defaultV6(String table) {
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // dest destlen src srclen nexthop metric refcnt use flags iface; ::/0 that is not the unreachable loopback entry
            if (f.length >= 10 && f[0].equals("00000000000000000000000000000000") && f[1].equals("00")
                    && !f[9].equals("lo")) {
                return Optional.of("dev " + f[9]);
            }
        }
        return Optional.empty();
    }

    private static String hexV4(String littleEndian) {
        long v = Long.parseLong(littleEndian, 16);
        return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
    }
}
