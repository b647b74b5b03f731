package dev.goferry.doctor;

import java.time.Duration;
import java.util.Locale;

/** Formats durations and rates the way the report prints them: short, unit-suffixed, language-neutral. */
public final class Durations {

    private Durations() {}

    /** {@return e.g. {@code 850µs}, {@code 42ms}, {@code 1.3s}, {@code 3h12m}, {@code -5m}} */
    public static String human(Duration d) {
        if (d.isNegative()) {
            return "-" + human(d.negated());
        }
        long nanos = d.toNanos();
        if (nanos < 1_000_000) {
            return nanos / 1000 + "µs";
        }
        if (nanos < 1_000_000_000) {
            return nanos / 1_000_000 + "ms";
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
        }
        long s = d.toSeconds();
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
        }
        if (s < 86400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
        }
        return s / 86400 + "d" + (s % 86400 / 3600 == 0 ? "" : s % 86400 / 3600 + "h");
    }

    /** {@return e.g. {@code 512 B/s}, {@code 48.0 KiB/s}, {@code 3.2 MiB/s}} */
    public static String rate(double bytesPerSecond) {
        if (bytesPerSecond < 1024) {
            return String.format(Locale.ROOT, "%.0f B/s", bytesPerSecond);
        }
        if (bytesPerSecond < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB/s", bytesPerSecond / 1024);
        }
        return String.format(Locale.ROOT, "%.1f MiB/s", bytesPerSecond / (1024 * 1024));
    }
}
