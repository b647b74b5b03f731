package dev.goferry.cli;

import dev.goferry.install.download.DownloadListener;
import dev.goferry.install.source.ReleaseSource;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The download's own progress line on a terminal: percent, bytes, rate, ETA and the source,
 * redrawn in place at most ten times a second. Off the terminal (or with --json) nothing is drawn
 * but source failures, one plain line each, so a log still shows why a fallback happened.
 */
final class ProgressLine implements DownloadListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final Console console;
    private final PrintWriter err;
    private final boolean live;
    private final LongSupplier clock;
    private String source = "";
    private long startNanos;
    private long startBytes;
    private long lastDraw;
    private int drawnWidth;

    ProgressLine(Console console, LongSupplier clock) {
        this.console = console;
        this.err = console.err();
        this.live = console.terminal();
        this.clock = clock;
    }

    @Override
    public void requesting(ReleaseSource source, URI url, long offset, long total) {
        this.source = source.name();
        this.startNanos = clock.getAsLong();
        this.startBytes = offset;
        this.lastDraw = 0;
    }

    @Override
    public void progress(long done, long total) {
        if (!live) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastDraw < REDRAW_NANOS && done != total) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = (done - startBytes) / seconds;
        String line = render(done, total, rate, source);
        err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        drawnWidth = line.length();
        err.flush();
    }

    /** {@return e.g. " 45%  2.2 MB / 4.9 MB  12.1 MB/s  ETA 0:01  from aliyun"} */
    static String render(long done, long total, double rate, String source) {
        StringBuilder b = new StringBuilder();
        if (total > 0) {
            b.append(String.format(Locale.ROOT, "%3d%%  %s / %s", done * 100 / total, size(done), size(total)));
        } else {
            b.append(size(done));
        }
        b.append("  ").append(size((long) rate)).append("/s");
        if (total > 0 && rate > 0) {
            long eta = (long) ((total - done) / rate);
            b.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return b.append("  ").append(source).toString();
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    @Override
    public void failed(ReleaseSource failed, String reason) {
        if (console.json()) {
            return;
        }
        clearLine();
        err.println(console.text("install.source-failed", failed.name(), reason));
        err.flush();
    }

    @Override
    public void finished(long bytes) {
        clearLine();
    }

    private void clearLine() {
        if (live && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }
}
