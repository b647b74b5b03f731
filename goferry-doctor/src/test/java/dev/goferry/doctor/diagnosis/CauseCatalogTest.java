package dev.goferry.doctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.i18n.Language;
import dev.goferry.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cause catalog: ids are stable (a golden list), and every id has its title, explanation and
 * fix in English and in Chinese (the i18n module's CatalogTest checks the placeholders match).
 */
class CauseCatalogTest {

    static final Messages EN = Messages.of(Language.EN);
    static final Messages ZH = Messages.of(Language.ZH_CN);

    static List<String> golden() throws IOException {
        try (InputStream in = CauseCatalogTest.class.getResourceAsStream("/testdata/cause-ids.golden")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void idsAndLayersAreStable() throws IOException {
        List<String> ids = Arrays.stream(CauseId.values()).map(c -> c.id() + " " + c.layer().id()).toList();
        assertThat(ids).as("CauseId values against testdata/cause-ids.golden").isEqualTo(golden());
    }

    @Test
    void idsRoundTrip() {
        for (CauseId c : CauseId.values()) {
            assertThat(CauseId.of(c.id())).as("CauseId.of(%s)", c.id()).contains(c);
        }
        assertThat(CauseId.of("dns.no-such-cause")).isEmpty();
    }

    static Stream<String> keys() {
        Stream<String> perCause = Arrays.stream(CauseId.values())
                .flatMap(c -> Stream.of(c.titleKey(), c.explainKey(), c.fixKey()));
        return Stream.concat(perCause, Stream.of("cause.fix.mirror.goproxy", "cause.fix.mirror.sumdb",
                "cause.proxy.auth-required.fix.negotiate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everyKeyHasEnglishAndChineseText(String key) {
        assertThat(EN.has(key)).as("English text of %s", key).isTrue();
        String en = EN.get(key);
        String zh = ZH.get(key);
        assertThat(zh).as("Chinese text of %s is its own, not the English fallback", key).isNotEqualTo(en);
        assertThat(zh.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                .as("Chinese text of %s: %s", key, zh).isTrue();
    }

    @Test
    void interceptionFixNeverSuggestsTurningChecksOff() {
        for (Messages m : List.of(EN, ZH)) {
            String fix = m.get(CauseId.TLS_INTERCEPTED.fixKey(), "Corp Root");
            assertThat(fix).contains("SSL_CERT_FILE", "update-ca-certificates");
            // named only to warn against them
            assertThat(fix.indexOf("GOINSECURE")).isGreaterThan(fix.indexOf("SSL_CERT_FILE"));
        }
    }
}
