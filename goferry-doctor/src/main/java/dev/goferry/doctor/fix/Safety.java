package dev.goferry.doctor.fix;

import dev.goferry.gomod.env.SumDbSetting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The veto on changes that lower security. {@code --fix} never turns off or narrows checksum
 * verification of public modules, never allows plain HTTP or unverified TLS, and never trusts a
 * checksum database key other than the official one, whatever a cause suggested: each of these
 * makes a failure disappear by no longer checking what was downloaded.
 */
public final class Safety {

    private Safety() {}

    /**
     * Code hosts of public modules: a GOPRIVATE or GONOSUMDB pattern naming one turns checksum
     * verification off for everybody's modules there.
     */
    static final Set<String> PUBLIC_CODE_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "golang.org",
            "google.golang.org", "gopkg.in", "go.googlesource.com", "cloud.google.com", "k8s.io", "sigs.k8s.io",
            "go.uber.org", "gitee.com", "go.opentelemetry.io", "honnef.co", "go.etcd.io");

    /**
     * {@return why setting {@code variable} to {@code value} lowers security, as a catalog key of area
     * {@code fix}, or empty when it does not}
     *
     * @param current the value in force now (patterns already there are the user's choice, not ours)
     */
    public static Optional<String> veto(String variable, String value, String current) {
        String v = value.strip();
        return switch (variable) {
            case "GOSUMDB" -> v.equals("off") ? Optional.of("fix.unsafe.gosumdb-off")
                    : officialTree(v) ? Optional.empty() : Optional.of("fix.unsafe.gosumdb-key");
            case "GOINSECURE" -> v.isEmpty() ? Optional.empty() : Optional.of("fix.unsafe.goinsecure");
            case "GOFLAGS" -> Arrays.stream(v.split("\\s+")).anyMatch(f -> f.equals("-insecure")
                    || f.startsWith("-insecure=")) ? Optional.of("fix.unsafe.goflags-insecure") : Optional.empty();
            case "GONOSUMDB", "GOPRIVATE" -> added(v, current).stream().anyMatch(Safety::coversPublic)
                    ? Optional.of("fix.unsafe.public-nosumdb") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Reports whether a GOSUMDB value trusts the official tree with Go's built-in key. */
    private static boolean officialTree(String gosumdb) {
        if (gosumdb.isEmpty() || gosumdb.equals("sum.golang.google.cn")) {
            return true;
        }
        String first = gosumdb.split("\\s+", 2)[0];
        return first.equals("sum.golang.org") || first.equals(SumDbSetting.SUM_GOLANG_ORG_KEY);
    }

    private static List<String> added(String value, String current) {
        Set<String> old = Set.of(current.split(","));
        return Arrays.stream(value.split(",")).map(String::strip).filter(p -> !p.isEmpty() && !old.contains(p)).toList();
    }

    /** Reports whether a path pattern matches modules on a public code host (or everything). */
    static boolean coversPublic(String pattern) {
        String first = pattern.split("/", 2)[0].toLowerCase(Locale.ROOT);
        if (first.isEmpty() || first.equals("*") || !first.contains(".") || first.startsWith("*.")
                && !first.substring(2).contains(".") || first.matches("[*?.\\[\\]]+")) {
            return true;
        }
        return PUBLIC_CODE_HOSTS.contains(first) || PUBLIC_CODE_HOSTS.stream().anyMatch(h -> globMatches(first, h));
    }

    private static boolean globMatches(String glob, String host) {
        if (!glob.contains("*") && !glob.contains("?")) {
            return false;
        }
        String regex = glob.replace(".", "\\.").replace("*", "[^.]*").replace("?", "[^.]");
        return host.matches(regex);
    }
}
