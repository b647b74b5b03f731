package dev.goferry.install.download;

import java.time.Duration;

/**
 * Bounds of one download: every wait is bounded, every loop counted.
 *
 * @param connectTimeout TCP (and proxy) connect
 * @param headersTimeout from the request until the response headers
 * @param stallTimeout no byte for this long while streaming ends the try
 * @param triesPerSource tries of one source (transient failures only) before the next source
 * @param userAgent sent with every request (some mirrors answer differently to Go's default one)
 */
public record DownloadSettings(Duration connectTimeout, Duration headersTimeout, Duration stallTimeout,
                               int triesPerSource, String userAgent) {

    public static final DownloadSettings DEFAULT = new DownloadSettings(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), 3, "goferry");

    public DownloadSettings {
        if (triesPerSource < 1) {
            throw new IllegalArgumentException("tries per source must be at least 1");
        }
    }
}
