package dev.goferry.net.dns;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HostsFileTest {

    private static final String HOSTS = """
            127.0.0.1 localhost
            ::1 localhost ip6-localhost
            10.1.2.3  proxy.golang.org  Goproxy.Example.   # a comment
            10.1.2.4  proxy.golang.org#comment-glued
            # 10.9.9.9 commented.example
            not-an-ip bad.example
            10.1.2.5
            010.1.2.6 leading-zero.example
            10.1.2.7\tTabbed.example
            """;

    static Stream<Arguments> lookups() {
        return Stream.of(
                Arguments.of("localhost", List.of("127.0.0.1", "0:0:0:0:0:0:0:1")),
                Arguments.of("proxy.golang.org", List.of("10.1.2.3", "10.1.2.4")),
                Arguments.of("PROXY.golang.org.", List.of("10.1.2.3", "10.1.2.4")),
                Arguments.of("goproxy.example", List.of("10.1.2.3")),
                Arguments.of("commented.example", List.of()),
                Arguments.of("bad.example", List.of()),
                Arguments.of("leading-zero.example", List.of()),
                Arguments.of("tabbed.example", List.of("10.1.2.7")),
                Arguments.of("ip6-localhost", List.of("0:0:0:0:0:0:0:1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void lookup(String host, List<String> want) {
        assertThat(HostsFile.parse(HOSTS).lookup(host)).as("lookup(%s)", host)
                .map(InetAddress::getHostAddress).containsExactlyElementsOf(want);
    }
}
