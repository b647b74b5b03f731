package dev.goferry.net.tls;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HostnameMatcherTest {

    @ParameterizedTest(name = "matchHostnames({0}, {1}) = {2}")
    @CsvSource({
            "proxy.golang.org, proxy.golang.org, true",
            "proxy.golang.org, PROXY.golang.org., true",
            "*.golang.org, proxy.golang.org, true",
            "*.golang.org, golang.org, false",
            "*.golang.org, a.proxy.golang.org, false",
            "proxy.*.org, proxy.golang.org, false",
            "p*.golang.org, proxy.golang.org, false",
            "'', proxy.golang.org, false",
    })
    void matchHostnames(String pattern, String host, boolean want) {
        assertThat(HostnameMatcher.matchHostnames(pattern, host)).as("matchHostnames(%s, %s)", pattern, host)
                .isEqualTo(want);
    }

    @ParameterizedTest(name = "{0} against DNS {1} / IP {2} = {3}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1, 127.0.0.1, true",
            "127.0.0.1, 127.0.0.1, '', false",     // an IP host never matches a DNS SAN
            "[::1], '', 0:0:0:0:0:0:0:1, true",
            "::1, '', 0:0:0:0:0:0:0:1, true",
            "localhost, localhost, 127.0.0.1, true",
    })
    void ipHostsUseIpSans(String host, String dns, String ip, boolean want) {
        CertificateInfo leaf = new CertificateInfo("CN=x", "CN=ca", Instant.EPOCH, Instant.EPOCH,
                dns.isEmpty() ? List.of() : List.of(dns), ip.isEmpty() ? List.of() : List.of(ip), "00");
        assertThat(HostnameMatcher.matches(host, leaf)).as("matches(%s)", host).isEqualTo(want);
    }

    @ParameterizedTest(name = "sni({0}) = {1}")
    @CsvSource({
            "proxy.golang.org, proxy.golang.org",
            "proxy.golang.org., proxy.golang.org",
            "127.0.0.1, ''",
            "[::1], ''",
            "fe80::1%eth0, ''",
    })
    void sniLikeGo(String host, String want) {
        assertThat(TlsProbe.sniName(host)).as("sniName(%s)", host)
                .isEqualTo(want.isEmpty() ? Optional.empty() : Optional.of(want));
    }
}
