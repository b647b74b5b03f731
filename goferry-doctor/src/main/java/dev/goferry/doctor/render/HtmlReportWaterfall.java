package dev.goferry.doctor.render;

import dev.goferry.doctor.Durations;
import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.Finding;
import dev.goferry.doctor.diagnosis.TargetReport;
import dev.goferry.doctor.evidence.TargetEvidence;
import dev.goferry.i18n.Messages;
import dev.goferry.net.Phase;
import dev.goferry.net.PhaseTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One target's timing waterfall as inline SVG: a row per phase (DNS, connect, proxy, TLS, first
 * byte, transfer), each bar placed where the phase started and as long as it took, red when the
 * phase failed. DNS is the resolution Go's resolver made for the target ({@code dns} finding); the
 * other phases come from the timeline of the request walked as Go's transport would walk it,
 * shifted to start when DNS ended (that walk reuses the resolved addresses).
 */
final class HtmlReportWaterfall {

    /**
     * One bar.
     *
     * @param phase     the phase, as its catalog suffix ({@code dns}, {@code connect}, …)
     * @param detail    the address or name of this attempt, untrusted text
     * @param start     from the start of the request
     * @param duration  how long it took
     * @param succeeded false when the phase failed
     */
    record Bar(String phase, String detail, Duration start, Duration duration, boolean succeeded) {
        Bar {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
        }

        Duration end() {
            return start.plus(duration);
        }
    }

    private static final int LABEL = 118;
    private static final int BARS = 470;
    private static final int TIME = 84;
    private static final int ROW = 22;

    private HtmlReportWaterfall() {}

    /** {@return the bars of one target, in the order the request walked them; empty when it was not timed} */
    static List<Bar> bars(TargetEvidence evidence, TargetReport report) {
        List<Bar> out = new ArrayList<>();
        Duration dns = Duration.ZERO;
        Finding f = report.finding(Layer.DNS).orElse(null);
        if (f != null && f.elapsed().isPresent()) {
            dns = f.elapsed().get();
            out.add(new Bar("dns", evidence.dns().map(d -> d.name()).orElse(""), Duration.ZERO, dns,
                    f.status() != Status.FAIL));
        }
        if (evidence.walk().isEmpty()) {
            return out;
        }
        List<PhaseTiming> phases = evidence.walk().get().timeline().phases().stream()
                .filter(p -> p.phase() != Phase.DNS).toList();
        long origin = phases.stream().mapToLong(PhaseTiming::startNanos).min().orElse(0);
        for (PhaseTiming p : phases) {
            out.add(new Bar(p.phase().name().toLowerCase(Locale.ROOT), p.detail(),
                    dns.plusNanos(p.startNanos() - origin), p.duration(), p.succeeded()));
        }
        return out;
    }

    /** {@return the SVG of {@code bars}, labels in {@code messages}' language, every text escaped} */
    static String svg(List<Bar> bars, Messages messages, String title) {
        long total = bars.stream().map(Bar::end).mapToLong(Duration::toNanos).max().orElse(1);
        total = Math.max(total, 1);
        int height = ROW * bars.size() + 26;
        int width = LABEL + BARS + TIME;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"waterfall\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\">");
        b.append("<title>").append(HtmlReport.esc(title)).append("</title>");
        for (int q = 0; q <= 4; q++) {
            double x = LABEL + BARS * q / 4.0;
            b.append("<line class=\"grid\" x1=\"").append(fmt(x)).append("\" y1=\"0\" x2=\"").append(fmt(x))
                    .append("\" y2=\"").append(height - 18).append("\"/>");
            b.append("<text class=\"tick\" x=\"").append(fmt(x)).append("\" y=\"").append(height - 4)
                    .append("\" text-anchor=\"middle\">").append(q == 0 ? "0" : HtmlReport.esc(Durations.human(
                            Duration.ofNanos(total * q / 4)))).append("</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 3;
            double x = LABEL + BARS * (double) bar.start().toNanos() / total;
            double w = Math.max(2, BARS * (double) bar.duration().toNanos() / total);
            String label = messages.get("report.phase." + bar.phase());
            b.append("<g class=\"row ").append(bar.succeeded() ? "ok" : "fail").append("\">");
            b.append("<text class=\"label\" x=\"0\" y=\"").append(y + 13).append("\">").append(HtmlReport.esc(label))
                    .append("</text>");
            b.append("<rect class=\"bar phase-").append(bar.phase()).append("\" x=\"").append(fmt(x)).append("\" y=\"")
                    .append(y).append("\" width=\"").append(fmt(w)).append("\" height=\"16\" rx=\"3\">")
                    .append("<title>").append(HtmlReport.esc(label + (bar.detail().isEmpty() ? "" : " " + bar.detail())
                            + ": " + Durations.human(bar.duration()))).append("</title></rect>");
            b.append("<text class=\"time\" x=\"").append(width).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\">").append(HtmlReport.esc(Durations.human(bar.duration())))
                    .append(bar.succeeded() ? "" : " ✗").append("</text>");
            b.append("</g>");
        }
        return b.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
