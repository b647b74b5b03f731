package dev.goferry.doctor.render;

import dev.goferry.doctor.Durations;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.Finding;
import dev.goferry.doctor.diagnosis.TargetReport;
import dev.goferry.doctor.target.Target;
import dev.goferry.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The human report: the machine's LOCAL lines, then per target one ✓ / ! / ✗ line per layer with
 * its time, then "Root causes" with explanation, evidence and fixes, then a one-line summary.
 * Labels come from the {@code doctor} catalog area, cause texts from {@code cause}; evidence stays
 * verbatim. Colour is the caller's business: {@code style} wraps a status mark and gets the status.
 */
public final class DiagnosisText {

    private final Messages messages;
    private final BiFunction<Status, String, String> style;

    /** A renderer in {@code messages}' language, with {@code style} applied to marks (identity for none). */
    public DiagnosisText(Messages messages, BiFunction<Status, String, String> style) {
        this.messages = messages;
        this.style = style;
    }

    /** {@return a renderer without colour} */
    public static DiagnosisText plain(Messages messages) {
        return new DiagnosisText(messages, (s, text) -> text);
    }

    /** {@return the report, one line per element, no trailing newline} */
    public List<String> render(Diagnosis d) {
        List<String> out = new ArrayList<>();
        if (!d.local().isEmpty()) {
            out.add(messages.get("doctor.local"));
            d.local().forEach(f -> out.add(line(f)));
            out.add("");
        }
        for (TargetReport r : d.targets()) {
            Target t = r.target();
            String name = t.host().isEmpty() ? t.base() : t.host();
            StringBuilder head = new StringBuilder(messages.get("doctor.target", name, t.id()));
            head.append("  — ").append(messages.get(t.why().key(), t.why().args().toArray()));
            t.proxyUrl().ifPresent(p -> head.append(", ").append(messages.get("doctor.via-proxy", p)));
            t.module().ifPresent(m -> head.append(", ").append(messages.get("doctor.module", m)));
            out.add(head.toString());
            r.findings().forEach(f -> out.add(line(f)));
            out.add("");
        }
        out.add(messages.get("doctor.causes"));
        for (Cause c : d.causes()) {
            Message e = c.explanation();
            out.add(style.apply(c.severity(), mark(c.severity())) + " " + c.id().id() + " ["
                    + messages.get("doctor.layer." + c.layer().id()) + "] "
                    + messages.get(c.id().titleKey(), e.args().toArray()));
            out.add("    " + messages.get(e.key(), e.args().toArray()));
            if (!c.evidence().isEmpty()) {
                out.add("    " + messages.get("doctor.cause.evidence"));
                c.evidence().forEach(line -> out.add("      " + line));
            }
            for (int i = 0; i < c.fixes().size(); i++) {
                Message f = c.fixes().get(i);
                String text = messages.get(f.key(), f.args().toArray());
                out.add("    " + (i == 0 ? messages.get("doctor.cause.fix", text) : "  " + messages.get("doctor.cause.or", text)));
            }
        }
        out.add("");
        long fails = d.causes().stream().filter(c -> c.severity() == Status.FAIL).count();
        long warns = d.causes().stream().filter(c -> c.severity() == Status.WARN).count();
        out.add(d.healthy() ? messages.get("doctor.summary.healthy")
                : fails > 0 ? messages.get("doctor.summary.problems", fails, warns)
                : messages.get("doctor.summary.warnings", warns));
        return out;
    }

    private String line(Finding f) {
        String layer = messages.get("doctor.layer." + f.layer().id());
        String time = f.elapsed().map(Durations::human).orElse("");
        StringBuilder b = new StringBuilder("  ").append(style.apply(f.status(), f.status().mark())).append(' ')
                .append(pad(layer, 10)).append(' ').append(f.detail());
        if (!time.isEmpty()) {
            b.append("  (").append(time).append(')');
        }
        f.cause().ifPresent(c -> b.append("  [").append(c.id()).append(']'));
        return b.toString();
    }

    private static String mark(Status s) {
        return s.mark();
    }

    /** Pads by display width: CJK characters take two columns. */
    static String pad(String s, int width) {
        int w = s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
        return w >= width ? s : s + " ".repeat(width - w);
    }
}
