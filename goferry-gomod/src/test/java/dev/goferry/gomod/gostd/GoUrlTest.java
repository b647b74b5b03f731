package dev.goferry.gomod.gostd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GoUrl parses and prints as Go's net/url (expected values from Go 1.24's url_test.go and runs). */
class GoUrlTest {

    static Stream<Arguments> roundTrips() {
        // input, String(), Hostname(), Port()
        return Stream.of(
                Arguments.of("http://proxy.corp:3128", "http://proxy.corp:3128", "proxy.corp", "3128"),
                Arguments.of("HTTP://P.Corp:1", "http://P.Corp:1", "P.Corp", "1"),
                Arguments.of("http://http://bad host:1", "http://http://bad%20host:1", "http", ""),
                Arguments.of("http://\"http://proxy.corp:3128\"", "http://\"http://proxy.corp:3128%22", "\"http", ""),
                Arguments.of("http://[2001:db8::1]:8080/x", "http://[2001:db8::1]:8080/x", "2001:db8::1", "8080"),
                Arguments.of("https://[fe80::1%25en0]/", "https://[fe80::1%25en0]/", "fe80::1%en0", ""),
                Arguments.of("http://us%65r:p%40ss@h:1/", "http://user:p%40ss@h:1/", "h", "1"),
                Arguments.of("http://my_host.corp/a b", "http://my_host.corp/a%20b", "my_host.corp", ""),
                Arguments.of("https://bücher.example/", "https://b%C3%BCcher.example/", "bücher.example", ""),
                Arguments.of("http://h/p%2Fq?x=1#f g", "http://h/p%2Fq?x=1#f%20g", "h", ""),
                Arguments.of("localhost", "localhost", "", ""),
                Arguments.of("proxy.corp:3128", "proxy.corp:3128", "", ""),
                Arguments.of("http:/path", "http:/path", "", ""),
                Arguments.of("http://h?", "http://h?", "h", ""),
                Arguments.of("mailto:x@y", "mailto:x@y", "", ""),
                Arguments.of("*", "*", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void parsesAndPrintsAsGo(String in, String string, String hostname, String port) throws Exception {
        GoUrl u = GoUrl.parse(in);
        assertThat(u.toString()).as("String(%s)", in).isEqualTo(string);
        assertThat(u.hostname()).as("Hostname(%s)", in).isEqualTo(hostname);
        assertThat(u.port()).as("Port(%s)", in).isEqualTo(port);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("http://bad host:1", "parse \"http://bad host:1\": invalid character \" \" in host name"),
                Arguments.of("10.0.0.1:3128", "parse \"10.0.0.1:3128\": first path segment in URL cannot contain colon"),
                Arguments.of("\"http://p:1\"", "parse \"\\\"http://p:1\\\"\": first path segment in URL cannot contain colon"),
                Arguments.of("http://%zz", "parse \"http://%zz\": invalid URL escape \"%zz\""),
                Arguments.of("http://%41", "parse \"http://%41\": invalid URL escape \"%41\""),
                Arguments.of("http://h:port", "parse \"http://h:port\": invalid port \":port\" after host"),
                Arguments.of("http://[::1", "parse \"http://[::1\": missing ']' in host"),
                Arguments.of("::", "parse \"::\": missing protocol scheme"),
                Arguments.of("http://a\nb", "parse \"http://a\\nb\": net/url: invalid control character in URL"),
                Arguments.of("http://a<b>@h", "parse \"http://a<b>@h\": net/url: invalid userinfo"),
                Arguments.of("http://h/#%zz", "parse \"http://h/#%zz\": invalid URL escape \"%zz\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void failsWithGosMessage(String in, String message) {
        assertThatThrownBy(() -> GoUrl.parse(in)).as("Parse(%s)", in)
                .isInstanceOf(GoUrl.ParseException.class).hasMessage(message);
    }

    static Stream<Arguments> redactions() {
        return Stream.of(
                Arguments.of("http://u:secret@p:1", "http://u:xxxxx@p:1"),
                Arguments.of("http://u@p:1", "http://u@p:1"),
                Arguments.of("http://p:1", "http://p:1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redactions")
    void redactsPasswords(String in, String want) throws Exception {
        assertThat(GoUrl.parse(in).redacted()).as("Redacted(%s)", in).isEqualTo(want);
    }
}
