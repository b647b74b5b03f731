package dev.goferry.cli;

import dev.goferry.install.mirrors.MirrorCatalog;
import dev.goferry.install.mirrors.MirrorKind;
import dev.goferry.install.mirrors.MirrorRanking;
import dev.goferry.install.mirrors.MirrorReport;
import dev.goferry.install.mirrors.MirrorStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders a mirror ranking: a table per kind, or the {@code goferry.mirrors/v1} JSON document (docs/json.md). */
final class MirrorsReport {

    private MirrorsReport() {}

    static void text(Console console, MirrorCatalog catalog, MirrorRanking ranking, Set<MirrorKind> kinds) {
        PrintWriter out = console.out();
        boolean first = true;
        for (MirrorKind kind : MirrorKind.values()) {
            if (!kinds.contains(kind)) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            String freshest = ranking.freshest().getOrDefault(kind, "-");
            String heading = switch (kind) {
                case GOPROXY -> console.text("mirrors.heading.goproxy", catalog.referenceModule(), freshest);
                case SUMDB -> console.text("mirrors.heading.sumdb", keyName(catalog.sumdbKey()), freshest);
                case RELEASE -> console.text("mirrors.heading.release", freshest);
            };
            out.println(console.style(Console.Style.BOLD, heading));
            List<MirrorReport> reports = ranking.of(kind);
            if (reports.isEmpty()) {
                out.println("  " + console.text("mirrors.empty"));
                continue;
            }
            // Only a GOPROXY can serve golang.org/toolchain (install --goproxy): its table has that column.
            boolean toolchain = kind == MirrorKind.GOPROXY;
            List<String[]> rows = new ArrayList<>();
            rows.add(row(toolchain, "#", console.text("mirrors.column.name"), console.text("mirrors.column.status"),
                    console.text("mirrors.column.latency"), console.text("mirrors.column.throughput"),
                    console.text("mirrors.column.newest"), console.text("mirrors.column.toolchain"), console.text("mirrors.column.url")));
            for (MirrorReport r : reports) {
                rows.add(row(toolchain, Integer.toString(r.rank()), r.mirror().name(), console.text("mirrors.status." + r.status().id()),
                        r.latency().map(MirrorsReport::millis).orElse("-"),
                        r.throughput().isPresent() ? rate(r.throughput().getAsDouble()) : "-",
                        r.newest().orElse("-"), r.toolchain().orElse("-"), r.mirror().url().toString()));
            }
            int[] widths = new int[rows.getFirst().length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], columns(row[i]));
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                StringBuilder line = new StringBuilder("  ");
                for (int c = 0; c < row.length; c++) {
                    String cell = c == row.length - 1 ? row[c] : row[c] + " ".repeat(widths[c] - columns(row[c]) + 2);
                    line.append(i > 0 && c == 2 ? console.style(style(reports.get(i - 1).status()), cell) : cell);
                }
                out.println(i == 0 ? console.style(Console.Style.DIM, line.toString()) : line.toString());
                if (i > 0) {
                    reports.get(i - 1).detail().ifPresent(d -> out.println("      " + console.style(Console.Style.DIM, d)));
                }
            }
            if (kind == MirrorKind.RELEASE) {
                ranking.releaseIndexProblem().ifPresent(p -> out.println("  " + console.text("mirrors.index-problem", p)));
            }
            if (ranking.best(kind).isEmpty()) {
                out.println("  " + console.style(Console.Style.FAIL, console.text("mirrors.none-working", kind.id())));
            }
        }
        out.flush();
    }

    /** {@return the cells of one table row, without the toolchain cell (the second to last) unless {@code toolchain}} */
    private static String[] row(boolean toolchain, String... cells) {
        if (toolchain) {
            return cells;
        }
        String[] without = Arrays.copyOf(cells, cells.length - 1);
        without[without.length - 1] = cells[cells.length - 1];
        return without;
    }

    private static Console.Style style(MirrorStatus status) {
        return switch (status) {
            case OK -> Console.Style.OK;
            case STALE, NOT_CHECKED -> Console.Style.WARN;
            case BROKEN, UNREACHABLE, TIMED_OUT -> Console.Style.FAIL;
        };
    }

    static Map<String, Object> json(Console console, MirrorCatalog catalog, MirrorRanking ranking, Set<MirrorKind> kinds,
                                    Duration deadline) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "goferry.mirrors/v1");
        doc.put("deadlineMs", deadline.toMillis());
        doc.put("kinds", kinds.stream().sorted().map(MirrorKind::id).toList());
        doc.put("referenceModule", catalog.referenceModule());
        doc.put("sumdbKey", catalog.sumdbKey());
        Map<String, Object> freshest = new LinkedHashMap<>();
        for (MirrorKind k : MirrorKind.values()) {
            if (kinds.contains(k)) {
                freshest.put(k.id(), ranking.freshest().get(k));
            }
        }
        doc.put("freshest", freshest);
        doc.put("releaseIndexProblem", ranking.releaseIndexProblem().orElse(null));
        doc.put("mirrors", ranking.reports().stream().map(MirrorsReport::json).toList());
        return doc;
    }

    static Map<String, Object> json(MirrorReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.mirror().kind().id());
        m.put("rank", r.rank());
        m.put("name", r.mirror().name());
        m.put("url", r.mirror().url().toString());
        m.put("status", r.status().id());
        m.put("latencyMs", r.latency().map(Duration::toMillis).orElse(null));
        m.put("throughputBytesPerSecond", r.throughput().isPresent() ? Math.round(r.throughput().getAsDouble()) : null);
        m.put("newest", r.newest().orElse(null));
        m.put("detail", r.detail().orElse(null));
        if (r.mirror().kind() == MirrorKind.GOPROXY) {
            m.put("toolchain", r.toolchain().orElse(null));
        }
        return m;
    }

    /** {@return the terminal columns {@code text} takes: CJK characters take two} (the zh-CN headers and statuses) */
    static int columns(String text) {
        return text.codePoints().map(c -> (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1).sum();
    }

    static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    static String rate(double bytesPerSecond) {
        return bytesPerSecond >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB/s", bytesPerSecond / (1 << 20))
                : String.format(Locale.ROOT, "%.0f KiB/s", bytesPerSecond / 1024);
    }

    static String keyName(String key) {
        int plus = key.indexOf('+');
        return plus < 0 ? key : key.substring(0, plus);
    }
}
