package dev.goferry.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one catalog of user-facing text, in English and Simplified Chinese.
 *
 * <p>Keys are dotted; the part before the first dot names the catalog file that holds the key
 * ({@code env.warn.gosumdb-off} lives in {@code env.properties} and {@code env_zh_CN.properties}),
 * so each command owns its own pair of files while callers see a single catalog. Files are UTF-8
 * and loaded lazily, once per area.
 *
 * <p>Placeholders are positional, {@code {0}}, {@code {1}}, …, replaced literally: unlike
 * {@link java.text.MessageFormat} there are no quoting rules, so an apostrophe is just an
 * apostrophe. A key missing from the Chinese file falls back to English (a catalog test forbids
 * that from shipping); a key missing from both renders as the key itself, never as an exception.
 */
public final class Messages {

    private static final String ROOT = "/dev/goferry/i18n/";
    private static final Map<String, Properties> FILES = new ConcurrentHashMap<>();

    private final Language language;

    private Messages(Language language) {
        this.language = language;
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    /** {@return the language this catalog renders} */
    public Language language() {
        return language;
    }

    /** Reports whether the key exists in English, the reference language. */
    public boolean has(String key) {
        return file(area(key), Language.EN).containsKey(key);
    }

    /** Renders {@code key} with its positional arguments substituted. */
    public String get(String key, Object... args) {
        String pattern = file(area(key), language).getProperty(key);
        if (pattern == null) {
            pattern = file(area(key), Language.EN).getProperty(key, key);
        }
        return format(pattern, args);
    }

    /**
     * Exposes one area as a {@link ResourceBundle} for libraries that take one (picocli's usage
     * help), with the {@code area.} prefix removed from its keys: {@code cli.usage.description}
     * is {@code usage.description} there. English stands in for keys the language lacks.
     */
    public ResourceBundle bundle(String area) {
        String prefix = area + ".";
        Properties own = file(area, language);
        Properties english = file(area, Language.EN);
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                String value = own.getProperty(prefix + key);
                return value != null ? value : english.getProperty(prefix + key);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(english.stringPropertyNames().stream()
                        .map(k -> k.substring(prefix.length()))
                        .toList());
            }
        };
    }

    static String format(String pattern, Object... args) {
        if (args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && isIndex(pattern, i + 1, close)) {
                int index = Integer.parseInt(pattern, i + 1, close, 10);
                out.append(index < args.length ? String.valueOf(args[index]) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isIndex(String s, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static String area(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    static Properties file(String area, Language language) {
        return FILES.computeIfAbsent(area + language.bundleSuffix(), Messages::load);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(ROOT + name + ".properties")) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("i18n: cannot read catalog " + name, e);
        }
        return properties;
    }
}
