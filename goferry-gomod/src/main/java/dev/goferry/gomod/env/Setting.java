package dev.goferry.gomod.env;

/**
 * One effective go command setting, as {@code go env KEY} would print it, with where it came from.
 */
public record Setting(String key, String value, SettingSource source) {
    public Setting {
        java.util.Objects.requireNonNull(key);
        java.util.Objects.requireNonNull(value);
        java.util.Objects.requireNonNull(source);
    }
}
