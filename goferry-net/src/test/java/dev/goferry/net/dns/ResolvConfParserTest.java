package dev.goferry.net.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ResolvConfParserTest {

    private static final ResolverFiles NO_DOMAIN = ResolverFiles.ofText(null, null, "box");

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("no file content", "", List.of("127.0.0.1:53", "[::1]:53")),
                Arguments.of("one server", "nameserver 10.0.0.1\n", List.of("10.0.0.1:53")),
                Arguments.of("at most three", """
                        nameserver 10.0.0.1
                        nameserver 10.0.0.2
                        nameserver 10.0.0.3
                        nameserver 10.0.0.4
                        """, List.of("10.0.0.1:53", "10.0.0.2:53", "10.0.0.3:53")),
                Arguments.of("names are skipped, not resolved", """
                        nameserver dns.example.
                        nameserver 10.0.0.9
                        """, List.of("10.0.0.9:53")),
                Arguments.of("a port is not part of the syntax", "nameserver 10.0.0.1:5353\n",
                        List.of("127.0.0.1:53", "[::1]:53")),
                Arguments.of("ipv6 server", "nameserver 2001:db8::1\n", List.of("[2001:db8::1]:53")),
                Arguments.of("comment only at line start", "# nameserver 10.0.0.7\n;nameserver 10.0.0.8\n"
                        + "nameserver 10.0.0.1 # trailing words ignored\n", List.of("10.0.0.1:53")),
                Arguments.of("leading zeros rejected as Go does", "nameserver 010.0.0.1\n",
                        List.of("127.0.0.1:53", "[::1]:53")),
                Arguments.of("tabs and CRLF", "nameserver\t10.0.0.5\r\n", List.of("10.0.0.5:53")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void servers(String name, String text, List<String> want) {
        ResolvConf conf = ResolvConfParser.parse(text, NO_DOMAIN);
        assertThat(conf.servers()).as("servers of %s", name)
                .containsExactlyElementsOf(want.stream().map(ResolvConfParserTest::hostPort).toList());
    }

    /** Parses "10.0.0.1:53" or "[::1]:53" into the address the parser should produce. */
    static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(Ips.literal(host), Integer.parseInt(text.substring(colon + 1)));
    }

    record Options(int ndots, int timeoutSeconds, int attempts, boolean rotate, boolean single, boolean tcp,
                   boolean unknown) {}

    static Stream<Arguments> options() {
        return Stream.of(
                Arguments.of("defaults", "", new Options(1, 5, 2, false, false, false, false)),
                Arguments.of("all set", "options ndots:3 timeout:2 attempts:4 rotate single-request use-vc edns0\n",
                        new Options(3, 2, 4, true, true, true, false)),
                Arguments.of("clamped", "options ndots:99 timeout:0 attempts:0\n",
                        new Options(15, 1, 1, false, false, false, false)),
                Arguments.of("non-numeric reads as 0 then clamps", "options ndots:x timeout:x attempts:x\n",
                        new Options(0, 1, 1, false, false, false, false)),
                Arguments.of("leading digits count", "options ndots:2abc\n",
                        new Options(2, 5, 2, false, false, false, false)),
                Arguments.of("single-request-reopen, usevc, tcp aliases", "options single-request-reopen tcp\n",
                        new Options(1, 5, 2, false, true, true, false)),
                Arguments.of("unknown option noted, ignored", "options inet6 ndots:2\n",
                        new Options(2, 5, 2, false, false, false, true)),
                Arguments.of("unknown directive noted", "sortlist 10.0.0.0/8\n",
                        new Options(1, 5, 2, false, false, false, true)),
                Arguments.of("later options line wins per option", "options ndots:4\noptions timeout:3\n",
                        new Options(4, 3, 2, false, false, false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void options(String name, String text, Options want) {
        ResolvConf c = ResolvConfParser.parse(text, NO_DOMAIN);
        assertThat(new Options(c.ndots(), (int) c.timeout().toSeconds(), c.attempts(), c.rotate(), c.singleRequest(),
                c.useTcp(), c.unknownOption())).as("options of %s", name).isEqualTo(want);
    }

    static Stream<Arguments> search() {
        return Stream.of(
                Arguments.of("none, host name without domain", "", "box", List.of()),
                Arguments.of("none, host name with domain", "", "box.corp.example", List.of("corp.example.")),
                Arguments.of("search list rooted", "search a.example b.example.\n", "box", List.of("a.example.", "b.example.")),
                Arguments.of("domain", "domain corp.example\n", "box", List.of("corp.example.")),
                Arguments.of("last of domain/search wins", "search a.example\ndomain d.example\n", "box",
                        List.of("d.example.")),
                Arguments.of("search wins when last", "domain d.example\nsearch a.example\n", "box",
                        List.of("a.example.")),
                Arguments.of("root domain dropped, then default", "search .\n", "box.corp.example",
                        List.of("corp.example.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void search(String name, String text, String hostname, List<String> want) {
        ResolvConf c = ResolvConfParser.parse(text, ResolverFiles.ofText(null, null, hostname));
        assertThat(c.search()).as("search of %s", name).containsExactlyElementsOf(want);
    }

    @Test
    void unreadableFileGivesGoDefaultsAndTheReason() {
        ResolvConf c = ResolvConfParser.read(ResolverFiles.ofText(null, null, "box"));
        assertThat(c.servers()).isEqualTo(ResolvConf.DEFAULT_SERVERS);
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.attempts()).isEqualTo(2);
        assertThat(c.readError()).hasValueSatisfying(e -> assertThat(e).contains("resolv.conf"));
    }
}
