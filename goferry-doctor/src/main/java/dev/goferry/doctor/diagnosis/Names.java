package dev.goferry.doctor.diagnosis;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What goferry knows about names and addresses without asking the network: which hosts are public
 * (their real certificates come from public CAs), which proxies are public, which module paths
 * look private, which addresses a public name can never have, which issuers are middleboxes.
 */
final class Names {

    private Names() {}

    /** Hosts the go command and goferry use by default, and popular public mirrors and code hosts. */
    private static final Set<String> PUBLIC_HOSTS = Set.of(
            "proxy.golang.org", "sum.golang.org", "sum.golang.google.cn", "index.golang.org", "go.dev",
            "golang.org", "golang.google.cn", "dl.google.com", "storage.googleapis.com", "goproxy.cn",
            "goproxy.io", "mirrors.aliyun.com", "mirrors.tencent.com", "repo.huaweicloud.com", "goproxy.baidu.com",
            "github.com", "codeload.github.com", "gitlab.com", "bitbucket.org", "go.googlesource.com",
            "gopkg.in", "google.golang.org", "cloud.google.com", "gitee.com", "k8s.io", "sigs.k8s.io",
            "go.uber.org", "go.opentelemetry.io", "honnef.co", "mvdan.cc");

    /** Module proxies run for the public: a private path sent there leaks and gets 404/410. */
    private static final Set<String> PUBLIC_PROXIES = Set.of("proxy.golang.org", "goproxy.cn", "goproxy.io",
            "mirrors.aliyun.com", "mirrors.tencent.com", "repo.huaweicloud.com", "goproxy.baidu.com");

    /** Suffixes that never resolve on the internet (RFC 6762, RFC 8375, common private practice). */
    private static final List<String> PRIVATE_SUFFIXES = List.of(".local", ".lan", ".internal", ".intranet",
            ".corp", ".home", ".home.arpa", ".localdomain", ".private", ".test", ".example", ".invalid");

    /** Leading labels typical of self-hosted code servers. */
    private static final List<String> CODE_HOST_LABELS = List.of("git", "gitlab", "gitea", "gogs", "gerrit",
            "code", "scm", "svn", "bitbucket", "stash", "repo", "repos", "vcs", "dev");

    /** Issuer fragments of TLS-inspecting products; matched case-insensitively in issuer DNs. */
    private static final List<String> MIDDLEBOX_ISSUERS = List.of("zscaler", "fortinet", "fortigate", "palo alto",
            "paloalto", "blue coat", "bluecoat", "sophos", "netskope", "forcepoint", "websense", "check point",
            "checkpoint", "barracuda", "cisco umbrella", "mcafee web gateway", "kaspersky", "avast", "avg web",
            "eset ssl filter", "bitdefender", "mitmproxy", "charles proxy", "do_not_trust_fiddlerroot",
            "portswigger", "sangfor", "深信服", "qi-anxin", "qianxin", "奇安信", "hillstone", "ruijie",
            "securly", "lightspeed", "contentkeeper", "cyberoam", "watchguard", "untangle", "smoothwall",
            "squid", "proxy ca", "inspection", "interception");

    /** Reports whether {@code host} is a well-known public name. */
    static boolean isWellKnownPublic(String host) {
        return PUBLIC_HOSTS.contains(normal(host));
    }

    /** Reports whether {@code host} is a public module proxy. */
    static boolean isPublicProxy(String host) {
        return PUBLIC_PROXIES.contains(normal(host));
    }

    /**
     * Reports whether a module path looks private: its first element ends in a suffix that never
     * resolves publicly, or starts with a self-hosted code server label on a domain that is not a
     * known public code host.
     */
    static boolean looksPrivate(String modulePath) {
        String first = normal(modulePath.split("/", 2)[0]);
        if (PUBLIC_HOSTS.contains(first)) {
            return false;
        }
        for (String suffix : PRIVATE_SUFFIXES) {
            if (first.endsWith(suffix)) {
                return true;
            }
        }
        String label = first.split("\\.", 2)[0];
        return first.contains(".") && CODE_HOST_LABELS.contains(label);
    }

    /** {@return the middlebox product named by {@code issuer}, if it names one} */
    static Optional<String> middlebox(String issuer) {
        String lower = issuer.toLowerCase(Locale.ROOT);
        return MIDDLEBOX_ISSUERS.stream().filter(lower::contains).findFirst();
    }

    /**
     * Reports whether a public name can never legitimately resolve to {@code a}: unspecified,
     * loopback, link-local, private (RFC 1918, ULA), shared (RFC 6598), benchmarking, documentation,
     * reserved and multicast ranges.
     */
    static boolean isBogon(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff;
            int o1 = b[1] & 0xff;
            int o2 = b[2] & 0xff;
            return o0 == 0 || o0 >= 240 || o0 == 100 && o1 >= 64 && o1 <= 127 || o0 == 198 && (o1 == 18 || o1 == 19)
                    || o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2) || o0 == 198 && o1 == 51 && o2 == 100
                    || o0 == 203 && o1 == 0 && o2 == 113;
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            return (first & 0xfe) == 0xfc || first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d
                    && (b[3] & 0xff) == 0xb8;
        }
        return false;
    }

    /** {@return {@code a} as text without the JDK's leading slash} */
    static String text(InetAddress a) {
        return a.getHostAddress();
    }

    private static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
