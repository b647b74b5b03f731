package dev.goferry.doctor.render;

import dev.goferry.doctor.Durations;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.Finding;
import dev.goferry.doctor.diagnosis.TargetReport;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.doctor.fix.AtomicFile;
import dev.goferry.doctor.run.DoctorRun;
import dev.goferry.doctor.target.Target;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.Setting;
import dev.goferry.gomod.env.SettingSource;
import dev.goferry.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code goferry doctor --html FILE}: the whole run as one self-contained HTML page that can be
 * mailed or attached to a ticket: inline CSS and SVG only, no script, font, image or link to fetch.
 * Sections: summary, root causes (explanation, evidence, fixes), per target a timing waterfall and
 * the ✓ / ! / ✗ layer table, this machine's findings, the effective settings with their sources.
 *
 * <p>Everything that came from outside (target URLs, server replies, Go's error texts, setting
 * values) is untrusted and passes through {@link #esc}; the page carries a Content-Security-Policy
 * that forbids scripts, so a missed escape still could not run code.
 */
public final class HtmlReport {

    private final Messages messages;

    /** A renderer in {@code messages}' language (also the page's {@code lang}). */
    public HtmlReport(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** {@return the page for {@code run}, whose settings were {@code settings}} */
    public String render(DoctorRun run, GoSettings settings) {
        Diagnosis d = run.diagnosis();
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(esc(messages.language().tag())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(messages.get("report.title"))).append("</title>\n<style>")
                .append(HtmlReportStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        summary(b, d);
        causes(b, d);
        targets(b, run);
        local(b, d.local());
        settings(b, settings);
        unfinished(b, run);
        b.append("<footer>").append(esc(messages.get("report.footer"))).append("</footer>\n</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Writes {@code html} to {@code file} atomically (temporary file, then rename). */
    public static void write(Path file, String html) throws IOException {
        AtomicFile.write(file, html.getBytes(StandardCharsets.UTF_8));
    }

    private void summary(StringBuilder b, Diagnosis d) {
        long fails = d.causes().stream().filter(c -> c.severity() == Status.FAIL).count();
        long warns = d.causes().stream().filter(c -> c.severity() == Status.WARN).count();
        String text = d.healthy() ? messages.get("doctor.summary.healthy")
                : fails > 0 ? messages.get("doctor.summary.problems", fails, warns)
                : messages.get("doctor.summary.warnings", warns);
        Status overall = d.healthy() ? Status.OK : fails > 0 ? Status.FAIL : Status.WARN;
        b.append("<header class=\"summary ").append(overall.id()).append("\"><h1>")
                .append(esc(messages.get("report.heading"))).append("</h1><p class=\"verdict\"><span class=\"mark\">")
                .append(overall.mark()).append("</span> ").append(esc(text)).append("</p><p class=\"counts\">")
                .append(esc(messages.get("report.counts", d.targets().size(), d.causes().size()))).append("</p></header>\n");
    }

    private void causes(StringBuilder b, Diagnosis d) {
        b.append("<section id=\"causes\"><h2>").append(esc(messages.get("doctor.causes"))).append("</h2>\n");
        for (Cause c : d.causes()) {
            Message e = c.explanation();
            b.append("<article class=\"cause ").append(c.severity().id()).append("\" id=\"cause-")
                    .append(esc(c.id().id())).append("\"><h3><span class=\"mark\">").append(c.severity().mark())
                    .append("</span> <code class=\"cause-id\">").append(esc(c.id().id())).append("</code> <span class=\"layer\">")
                    .append(esc(messages.get("doctor.layer." + c.layer().id()))).append("</span> ")
                    .append(esc(messages.get(c.id().titleKey(), e.args().toArray()))).append("</h3>\n<p>")
                    .append(esc(messages.get(e.key(), e.args().toArray()))).append("</p>\n");
            if (!c.targets().isEmpty()) {
                b.append("<p class=\"affects\">").append(esc(messages.get("doctor.cause.targets", String.join(", ",
                        c.targets())))).append("</p>\n");
            }
            if (!c.evidence().isEmpty()) {
                b.append("<h4>").append(esc(messages.get("report.evidence"))).append("</h4><pre class=\"evidence\">");
                b.append(c.evidence().stream().map(HtmlReport::esc).collect(Collectors.joining("\n"))).append("</pre>\n");
            }
            if (!c.fixes().isEmpty()) {
                b.append("<h4>").append(esc(messages.get("report.fixes"))).append("</h4><ol class=\"fixes\">");
                for (Message f : c.fixes()) {
                    b.append("<li>").append(esc(messages.get(f.key(), f.args().toArray()))).append("</li>");
                }
                b.append("</ol>\n");
            }
            b.append("</article>\n");
        }
        b.append("</section>\n");
    }

    private void targets(StringBuilder b, DoctorRun run) {
        b.append("<section id=\"targets\"><h2>").append(esc(messages.get("report.targets"))).append("</h2>\n");
        List<TargetReport> reports = run.diagnosis().targets();
        for (int i = 0; i < reports.size(); i++) {
            TargetReport r = reports.get(i);
            Target t = r.target();
            String name = t.host().isEmpty() ? t.base() : t.host();
            b.append("<article class=\"target ").append(r.status().id()).append("\" id=\"target-").append(i)
                    .append("\"><h3><span class=\"mark\">").append(r.status().mark()).append("</span> ")
                    .append(esc(name)).append(" <code class=\"target-id\">").append(esc(t.id())).append("</code></h3>\n")
                    .append("<p class=\"why\">").append(esc(messages.get(t.why().key(), t.why().args().toArray())));
            t.url().ifPresent(u -> b.append(" · <span class=\"url\">").append(esc(u.toString())).append("</span>"));
            t.proxyUrl().ifPresent(p -> b.append(" · ").append(esc(messages.get("doctor.via-proxy", p))));
            t.module().ifPresent(m -> b.append(" · ").append(esc(messages.get("doctor.module", m))));
            r.root().ifPresent(c -> b.append(" · <a href=\"#cause-").append(esc(c.id())).append("\">")
                    .append(esc(c.id())).append("</a>"));
            b.append("</p>\n");
            List<HtmlReportWaterfall.Bar> bars = evidence(run, t).map(e -> HtmlReportWaterfall.bars(e, r))
                    .orElse(List.of());
            if (bars.isEmpty()) {
                b.append("<p class=\"no-timing\">").append(esc(messages.get("report.no-timing"))).append("</p>\n");
            } else {
                b.append("<figure>").append(HtmlReportWaterfall.svg(bars, messages, messages.get("report.waterfall", name)))
                        .append("</figure>\n");
            }
            findings(b, r.findings());
            b.append("</article>\n");
        }
        b.append("</section>\n");
    }

    private static java.util.Optional<TargetEvidence> evidence(DoctorRun run, Target t) {
        return run.evidence().stream().filter(e -> e.target().id().equals(t.id())).findFirst();
    }

    private void findings(StringBuilder b, List<Finding> findings) {
        b.append("<table class=\"layers\"><thead><tr><th class=\"c-mark\"></th><th class=\"c-layer\">")
                .append(esc(messages.get("report.col.layer"))).append("</th><th>")
                .append(esc(messages.get("report.col.detail"))).append("</th><th class=\"c-time\">")
                .append(esc(messages.get("report.col.time"))).append("</th><th class=\"c-cause\">")
                .append(esc(messages.get("report.col.cause"))).append("</th></tr></thead><tbody>\n");
        for (Finding f : findings) {
            b.append("<tr class=\"").append(f.status().id()).append("\"><td class=\"mark\">").append(f.status().mark())
                    .append("</td><td>").append(esc(messages.get("doctor.layer." + f.layer().id()))).append("</td><td>")
                    .append(esc(f.detail())).append("</td><td class=\"num\">")
                    .append(esc(f.elapsed().map(Durations::human).orElse(""))).append("</td><td class=\"cause\">")
                    .append(f.cause().map(c -> "<code>" + esc(c.id()) + "</code>").orElse("")).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private void local(StringBuilder b, List<Finding> local) {
        if (local.isEmpty()) {
            return;
        }
        b.append("<section id=\"local\"><h2>").append(esc(messages.get("doctor.local"))).append("</h2>\n");
        findings(b, local);
        b.append("</section>\n");
    }

    private void settings(StringBuilder b, GoSettings settings) {
        b.append("<section id=\"settings\"><h2>").append(esc(messages.get("report.settings"))).append("</h2>\n<p>")
                .append(esc(messages.get("report.settings.go", settings.go().version()))).append("</p>\n")
                .append("<table class=\"settings\"><thead><tr><th class=\"c-setting\">")
                .append(esc(messages.get("report.col.setting"))).append("</th><th>")
                .append(esc(messages.get("report.col.value"))).append("</th><th class=\"c-source\">")
                .append(esc(messages.get("report.col.source"))).append("</th></tr></thead><tbody>\n");
        for (Setting s : settings.settings()) {
            b.append("<tr><td><code>").append(esc(s.key())).append("</code></td><td>")
                    .append(s.value().isEmpty() ? "" : "<code>" + esc(s.value()) + "</code>")
                    .append("</td><td>").append(esc(source(s.source()))).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</section>\n");
    }

    /** The same wording {@code goferry env} uses for where a value comes from. */
    private String source(SettingSource s) {
        return switch (s) {
            case SettingSource.Environment e -> messages.get("env.source.environment");
            case SettingSource.UserFile u -> messages.get("env.source.user-file", u.file());
            case SettingSource.GorootFile g -> messages.get("env.source.goroot-file", g.file());
            case SettingSource.Default d -> messages.get(d.assumed() ? "env.source.default-assumed" : "env.source.default",
                    d.goVersion());
            case SettingSource.Derived d -> messages.get("env.source.derived", d.fromKey());
            case SettingSource.Discovered d -> messages.get("env.source.discovered", d.binary());
            case SettingSource.NotInThisVersion n -> messages.get("env.source.not-in-this-version", n.goVersion());
        };
    }

    private void unfinished(StringBuilder b, DoctorRun run) {
        if (run.unfinished().isEmpty()) {
            return;
        }
        b.append("<section id=\"unfinished\"><h2>").append(esc(messages.get("report.unfinished"))).append("</h2><ul>");
        run.unfinished().forEach(u -> b.append("<li>").append(esc(messages.get("doctor.unfinished.target", u.targetId(),
                u.layers().stream().map(l -> messages.get("doctor.layer." + l.id())).collect(Collectors.joining(", ")))))
                .append("</li>"));
        b.append("</ul></section>\n");
    }

    /** {@return {@code text} safe in HTML and SVG text and in double- or single-quoted attributes} */
    static String esc(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\0' -> b.append('\uFFFD');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
