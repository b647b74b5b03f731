package dev.goferry.net.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seam through which the resolver model reads the machine: resolv.conf, the hosts file and
 * the host name. Tests pass text; {@link #SYSTEM} reads the paths Go reads on Linux.
 */
public interface ResolverFiles {

    /** {@return the text of resolv.conf} @throws IOException when it cannot be read (Go then uses defaults) */
    String resolvConf() throws IOException;

    /** {@return the text of the hosts file} @throws IOException when it cannot be read (Go then has no entries) */
    String hosts() throws IOException;

    /** {@return the host name, as Go's {@code os.Hostname} gives it} @throws IOException when unknown */
    String hostname() throws IOException;

    /** Reads {@code /etc/resolv.conf}, {@code /etc/hosts} and {@code /proc/sys/kernel/hostname}. */
    ResolverFiles SYSTEM = of(Path.of("/etc/resolv.conf"), Path.of("/etc/hosts"),
            Path.of("/proc/sys/kernel/hostname"));

    /** {@return files read from the given paths} */
    static ResolverFiles of(Path resolvConf, Path hosts, Path hostname) {
        return new ResolverFiles() {
            @Override public String resolvConf() throws IOException { return read(resolvConf); }
            @Override public String hosts() throws IOException { return read(hosts); }
            @Override public String hostname() throws IOException { return read(hostname).strip(); }

            private static String read(Path p) throws IOException {
                return Files.readString(p, StandardCharsets.ISO_8859_1);
            }
        };
    }

    /** {@return fixed texts; a null text reads as a missing file} */
    static ResolverFiles ofText(String resolvConf, String hosts, String hostname) {
        return new ResolverFiles() {
            @Override public String resolvConf() throws IOException { return present(resolvConf, "resolv.conf"); }
            @Override public String hosts() throws IOException { return present(hosts, "hosts"); }
            @Override public String hostname() throws IOException { return present(hostname, "hostname"); }

            private static String present(String text, String what) throws IOException {
                if (text == null) {
                    throw new java.nio.file.NoSuchFileException(what);
                }
                return text;
            }
        };
    }
}
