package dev.goferry.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message exists in both languages with the same placeholders, and keys route to their file. */
class CatalogTest {

    private static final Path DIR = Path.of("src/main/resources/dev/goferry/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d{1,2}}");

    static Stream<String> areas() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_zh_CN"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void catalogIsNotEmpty() throws IOException {
        assertThat(areas()).contains("cli");
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyKeyIsInBothLanguagesWithTheSamePlaceholders(String area) {
        Properties en = Messages.file(area, Language.EN);
        Properties zh = Messages.file(area, Language.ZH_CN);
        assertThat(zh.stringPropertyNames()).as("keys of %s_zh_CN", area).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(zh.getProperty(key)))
                    .as("placeholders of %s in Chinese", key)
                    .isEqualTo(placeholders(en.getProperty(key)));
            assertThat(zh.getProperty(key)).as("Chinese text of %s", key).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("areas")
    void everyKeyLivesInTheFileItsPrefixNames(String area) {
        for (String key : Messages.file(area, Language.EN).stringPropertyNames()) {
            assertThat(Messages.area(key)).as("area of key %s in %s.properties", key, area).isEqualTo(area);
        }
    }

    @Test
    void formatSubstitutesPositionsLiterally() {
        assertThat(Messages.format("{1} isn't {0}", "a", "b")).isEqualTo("b isn't a");
        assertThat(Messages.format("{json} {5}", "a")).isEqualTo("{json} {5}");
    }

    @Test
    void languageFollowsPosixPrecedence() {
        assertThat(Language.fromEnvironment(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Language.ZH_CN);
        assertThat(Language.fromEnvironment(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"))).isEqualTo(Language.EN);
        assertThat(Language.fromEnvironment(Map.of("LC_ALL", "", "LC_MESSAGES", "zh_TW", "LANG", "en_US")))
                .isEqualTo(Language.ZH_CN);
        assertThat(Language.fromEnvironment(Map.of())).isEqualTo(Language.EN);
        assertThat(Language.parse("zh-CN")).contains(Language.ZH_CN);
        assertThat(Language.parse("fr")).isEmpty();
    }

    @Test
    void missingKeysRenderAsTheKey() {
        assertThat(Messages.of(Language.ZH_CN).get("cli.no-such-key")).isEqualTo("cli.no-such-key");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
