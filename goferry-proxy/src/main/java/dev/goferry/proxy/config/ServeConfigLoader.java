package dev.goferry.proxy.config;

import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.proxy.sumdb.SumDbEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Builds a {@link ServeConfig} from layers: built-in defaults, then a YAML file (flat keys, e.g.
 * {@code upstream: https://goproxy.cn,https://proxy.golang.org}), then environment variables
 * {@code GOFERRY_SERVE_<KEY>} (camelCase keys in upper snake case: {@code upstreamTimeout} →
 * {@code GOFERRY_SERVE_UPSTREAM_TIMEOUT}), then command-line flags. Durations are written as Go
 * writes them ({@code 30s}, {@code 5m}, {@code 250ms}, {@code 1h}).
 */
public final class ServeConfigLoader {

    /** Every key with its default, in documentation order. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("listen", "127.0.0.1:3000");
        d.put("data", "goferry-data");
        d.put("upstream", "https://proxy.golang.org");
        d.put("offline", "false");
        d.put("upstreamTimeout", "30s");
        d.put("upstreamRetries", "2");
        d.put("upstreamBackoff", "200ms");
        d.put("ttl", "5m");
        d.put("negativeTtl", "1m");
        d.put("maxFetches", "64");
        d.put("maxBodyBytes", String.valueOf(16L << 20));
        d.put("shutdownGrace", "30s");
        d.put("accessLog", "true");
        d.put("sumdb", SumDbSetting.SUM_GOLANG_ORG_KEY);
        d.put("sumdbPrivate", "");
        d.put("sumdbAllowUnknown", "false");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** A configuration error, with a message fit for the user. */
    public static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }

    private ServeConfigLoader() {}

    /** {@return the environment variable for {@code key}} */
    public static String envName(String key) {
        return "GOFERRY_SERVE_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * Layers the sources; {@return the effective values, every key present}.
     *
     * @param file the YAML file, if any
     * @param env the process environment
     * @param flags values from the command line, by key
     */
    public static Map<String, String> layer(Optional<Path> file, Map<String, String> env, Map<String, String> flags)
            throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        if (file.isPresent()) {
            Map<?, ?> yaml;
            try {
                // SafeConstructor: plain maps, lists and scalars only, never arbitrary Java objects.
                Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file.get()));
                yaml = doc == null ? Map.of() : doc instanceof Map<?, ?> m ? m : null;
            } catch (IOException | RuntimeException e) { // SnakeYAML reports syntax errors as YAMLException
                throw new ConfigException("config file \"" + file.get() + "\": " + firstLine(e.getMessage()));
            }
            if (yaml == null) {
                throw new ConfigException("config file \"" + file.get() + "\": not a mapping of keys to values");
            }
            for (Map.Entry<?, ?> e : yaml.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!DEFAULTS.containsKey(key)) {
                    throw new ConfigException("config file \"" + file.get() + "\": unknown key \"" + key + "\" (known: "
                            + String.join(", ", DEFAULTS.keySet()) + ")");
                }
                if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                    throw new ConfigException("config file \"" + file.get() + "\": key \"" + key + "\" must be a single value");
                }
                values.put(key, e.getValue() == null ? "" : String.valueOf(e.getValue()));
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String v = env.get(envName(key));
            if (v != null) {
                values.put(key, v);
            }
        }
        for (Map.Entry<String, String> e : flags.entrySet()) {
            if (!DEFAULTS.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown flag key " + e.getKey());
            }
            values.put(e.getKey(), e.getValue());
        }
        return values;
    }

    /** {@return the configuration the layered {@code values} describe} */
    public static ServeConfig build(Map<String, String> values) throws ConfigException {
        String listen = values.get("listen");
        if (!listen.matches(".*:\\d{1,5}") || Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)) > 65535) {
            throw new ConfigException("listen \"" + listen + "\": want host:port");
        }
        try {
            SumDbEntry.parseList(values.get("sumdb").trim());
        } catch (SumDbEntry.InvalidSumDbException e) {
            throw new ConfigException(e.getMessage());
        }
        return new ServeConfig(listen, Path.of(values.get("data")), values.get("upstream"), bool(values, "offline"),
                duration(values, "upstreamTimeout"), integer(values, "upstreamRetries", 0, 10),
                duration(values, "upstreamBackoff"), duration(values, "ttl"), duration(values, "negativeTtl"),
                integer(values, "maxFetches", 1, 10_000), longValue(values, "maxBodyBytes"),
                duration(values, "shutdownGrace"), bool(values, "accessLog"), values.get("sumdb").trim(),
                values.get("sumdbPrivate").trim(), bool(values, "sumdbAllowUnknown"));
    }

    /** {@return {@code values} as YAML, with passwords in URLs masked} */
    public static String print(Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            b.append(e.getKey()).append(": ").append(quote(mask(e.getValue()))).append('\n');
        }
        return b.toString();
    }

    private static final Pattern USERINFO = Pattern.compile("(://[^/@:,|]*):[^/@,|]*@");

    /** {@return {@code value} with the password of every URL in it replaced by {@code xxxxx}} */
    public static String mask(String value) {
        Matcher m = USERINFO.matcher(value);
        return m.replaceAll("$1:xxxxx@");
    }

    private static String quote(String v) {
        return v.matches("[A-Za-z0-9_./:@,|+-]*") && !v.isEmpty() ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean bool(Map<String, String> values, String key) throws ConfigException {
        String v = values.get(key).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new ConfigException(key + " \"" + values.get(key) + "\": want true or false");
        };
    }

    private static int integer(Map<String, String> values, String key, int min, int max) throws ConfigException {
        long v = longValue(values, key);
        if (v < min || v > max) {
            throw new ConfigException(key + " \"" + values.get(key) + "\": want a number from " + min + " to " + max);
        }
        return (int) v;
    }

    private static long longValue(Map<String, String> values, String key) throws ConfigException {
        try {
            return Long.parseLong(values.get(key).trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " \"" + values.get(key) + "\": want a whole number");
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** Parses a Go-style duration: one number and unit. */
    static Duration duration(Map<String, String> values, String key) throws ConfigException {
        Matcher m = DURATION.matcher(values.get(key).trim());
        if (!m.matches()) {
            throw new ConfigException(key + " \"" + values.get(key) + "\": want a duration like 250ms, 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
