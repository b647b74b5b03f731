package dev.goferry.gomod.httpproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each NO_PROXY entry becomes the rule Go's config.init makes of it. */
class NoProxyListTest {

    private static final ProxyRules NEW = ProxyRules.LATEST;
    private static final ProxyRules OLD = ProxyRules.forGoVersion("go1.19.8");

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of(NEW, "corp.example.com", "Domain[entry=corp.example.com, suffix=.corp.example.com, matchesItself=true, port=Optional.empty]"),
                Arguments.of(NEW, " .Corp.Example.com ", "Domain[entry=.corp.example.com, suffix=.corp.example.com, matchesItself=false, port=Optional.empty]"),
                Arguments.of(NEW, "*.corp.io:443", "Domain[entry=*.corp.io:443, suffix=.corp.io, matchesItself=false, port=Optional[443]]"),
                Arguments.of(NEW, "corp.io:", "Domain[entry=corp.io:, suffix=.corp.io, matchesItself=true, port=Optional.empty]"),
                Arguments.of(NEW, "bücher.example", "Domain[entry=bücher.example, suffix=.xn--bcher-kva.example, matchesItself=true, port=Optional.empty]"),
                Arguments.of(NEW, "10.1.2.3", "Ip[entry=10.1.2.3, address=10.1.2.3, port=Optional.empty]"),
                Arguments.of(NEW, "10.1.2.3:8443", "Ip[entry=10.1.2.3:8443, address=10.1.2.3, port=Optional[8443]]"),
                Arguments.of(NEW, "[2001:db8::1]:443", "Ip[entry=[2001:db8::1]:443, address=2001:db8::1, port=Optional[443]]"),
                Arguments.of(NEW, "2001:db8::1", "Ip[entry=2001:db8::1, address=2001:db8::1, port=Optional.empty]"),
                Arguments.of(NEW, "[2001:db8::1]", "Domain[entry=[2001:db8::1], suffix=.[2001:db8::1], matchesItself=true, port=Optional.empty]"),
                Arguments.of(NEW, "2001:db8::00001", "Domain[entry=2001:db8::00001, suffix=.2001:db8::00001, matchesItself=true, port=Optional.empty]"),
                Arguments.of(OLD, "2001:db8::00001", "Ip[entry=2001:db8::00001, address=2001:db8::00001, port=Optional.empty]"),
                Arguments.of(NEW, "010.1.2.3", "Domain[entry=010.1.2.3, suffix=.010.1.2.3, matchesItself=true, port=Optional.empty]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("entries")
    void entryBecomesRule(ProxyRules rules, String entry, String want) {
        assertThat(NoProxyList.parse(entry, rules).rules()).as("parse(%s)", entry).singleElement()
                .hasToString(want);
    }

    static Stream<Arguments> lists() {
        // value, rule entries kept, entries ignored
        return Stream.of(
                Arguments.of("a.com,*,b.com", List.of("*"), List.of()),
                Arguments.of("a.com, ,,b.com", List.of("a.com", "b.com"), List.of()),
                Arguments.of("a.com;b.com", List.of("a.com;b.com"), List.of()),
                Arguments.of(":1,[]:2,a.com", List.of("a.com"), List.of(":1", "[]:2")),
                Arguments.of("10.0.0.0/8,2001:db8::/32,10.0.0.0/33", List.of("10.0.0.0/8", "2001:db8::/32", "10.0.0.0/33"),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void listKeepsWhatGoKeeps(String value, List<String> kept, List<String> ignored) {
        NoProxyList list = NoProxyList.parse(value, NEW);
        assertThat(list.rules()).extracting(NoProxyRule::entry).as("rules of %s", value).isEqualTo(kept);
        assertThat(list.ignored()).as("ignored of %s", value).isEqualTo(ignored);
    }

    static Stream<Arguments> cidrs() {
        // entry, host IP, contained
        return Stream.of(
                Arguments.of("10.0.0.0/8", "10.255.0.1", true),
                Arguments.of("10.0.0.0/8", "11.0.0.1", false),
                Arguments.of("10.0.0.0/8", "::ffff:10.1.1.1", true),
                Arguments.of("2001:db8::/32", "2001:db8:ffff::1", true),
                Arguments.of("2001:db8::/32", "2001:db9::1", false),
                Arguments.of("2001:db8::/32", "10.0.0.1", false),
                Arguments.of("::ffff:0:0/96", "8.8.8.8", true),
                Arguments.of("::/0", "8.8.8.8", false),
                Arguments.of("0.0.0.0/0", "2001:db8::1", false));
    }

    @ParameterizedTest(name = "{0} ∋ {1}")
    @MethodSource("cidrs")
    void cidrContainsAsGo(String entry, String ip, boolean want) {
        NoProxyRule.Cidr cidr = (NoProxyRule.Cidr) NoProxyList.parse(entry, NEW).rules().get(0);
        assertThat(cidr.contains(IpLiteral.parse(ip, true).orElseThrow())).as("%s contains %s", entry, ip)
                .isEqualTo(want);
    }

    static Stream<Arguments> ips() {
        // text, strict (netip) parses, loose (Go 1.19) parses
        return Stream.of(
                Arguments.of("1.2.3.4", true, true),
                Arguments.of("01.2.3.4", false, false),
                Arguments.of("1.2.3", false, false),
                Arguments.of("256.1.1.1", false, false),
                Arguments.of("::1", true, true),
                Arguments.of("::00001", false, true),
                Arguments.of("::ffff:1.2.3.4", true, true),
                Arguments.of("1:2:3:4:5:6:7:8", true, true),
                Arguments.of("1:2:3:4:5:6:7:8:9", false, false),
                Arguments.of("1::2::3", false, false),
                Arguments.of("fe80::1%en0", false, false),
                Arguments.of("localhost", false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ips")
    void ipLiteralsAsNetParseIp(String text, boolean strict, boolean loose) {
        assertThat(IpLiteral.parse(text, true)).as("strict %s", text).matches(o -> o.isPresent() == strict);
        assertThat(IpLiteral.parse(text, false)).as("loose %s", text).matches(o -> o.isPresent() == loose);
    }

    @org.junit.jupiter.api.Test
    void zonesOnlyWhereNetipAllowsThem() {
        Optional<IpLiteral> ip = IpLiteral.parse("fe80::1%eth0.corp", true, true);
        assertThat(ip).get().extracting(IpLiteral::zone).isEqualTo("eth0.corp");
        assertThat(IpLiteral.parse("fe80::1%", true, true)).isEmpty();
        assertThat(IpLiteral.parse("::1%lo", true, true)).get().matches(IpLiteral::isLoopback);
    }
}
