package dev.goferry.net.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://proxy.corp:3128 | proxy.corp | 3128 | '' | ''",
            "http://proxy.corp | proxy.corp | 80 | '' | ''",
            "HTTP://P:1 | P | 1 | '' | ''",
            "http://alice@proxy.corp:3128 | proxy.corp | 3128 | alice | ''",
            "http://alice:p%40ss@proxy.corp:3128 | proxy.corp | 3128 | alice | p@ss",
            "http://[::1]:8080 | ::1 | 8080 | '' | ''",
    })
    void parse(String url, String host, int port, String user, String pass) {
        ProxyUrl p = ProxyUrl.parse(url);
        assertThat(p.host()).as("host of %s", url).isEqualTo(host);
        assertThat(p.port()).as("port of %s", url).isEqualTo(port);
        assertThat(p.username().orElse("")).as("user of %s", url).isEqualTo(user);
        assertThat(p.password().orElse("")).as("password of %s", url).isEqualTo(pass);
        assertThat(p.toString()).doesNotContain("p@ss");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://proxy.corp:443", "socks5://proxy.corp:1080", "http://"})
    void rejectsWhatCannotBeProbedWithConnect(String url) {
        assertThatThrownBy(() -> ProxyUrl.parse(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("proxy url \"" + url + "\"");
    }
}
