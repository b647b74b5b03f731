package dev.goferry.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages goferry speaks to its users.
 *
 * <p>The choice follows POSIX locale precedence: {@code --lang}, else the first non-empty of
 * {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}. Any Chinese locale ({@code zh_CN.UTF-8},
 * {@code zh_SG}, {@code zh_TW}, …) selects Simplified Chinese, the only Chinese catalog there is;
 * everything else, including {@code C} and {@code POSIX}, selects English.
 */
public enum Language {
    EN("en", ""),
    ZH_CN("zh-CN", "_zh_CN");

    private final String tag;
    private final String bundleSuffix;

    Language(String tag, String bundleSuffix) {
        this.tag = tag;
        this.bundleSuffix = bundleSuffix;
    }

    /** {@return the BCP 47 tag users type after {@code --lang}} */
    public String tag() {
        return tag;
    }

    String bundleSuffix() {
        return bundleSuffix;
    }

    /**
     * Parses a {@code --lang} value: {@code en}, {@code zh-CN}, or a POSIX locale name.
     *
     * @return the language, or empty when the value names none goferry has
     */
    public static Optional<Language> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (v.equals("zh") || v.startsWith("zh-") || v.startsWith("zh.")) {
            return Optional.of(ZH_CN);
        }
        if (v.equals("en") || v.startsWith("en-") || v.startsWith("en.")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** Chooses the language from the locale variables of {@code env}, defaulting to English. */
    public static Language fromEnvironment(Map<String, String> env) {
        for (String key : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(key);
            if (value != null && !value.isEmpty()) {
                return parse(value).orElse(EN);
            }
        }
        return EN;
    }
}
