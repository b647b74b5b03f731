package dev.goferry.doctor.explain;

import dev.goferry.doctor.Message;
import dev.goferry.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code goferry explain} as text: a summary, then per cause its title, how often and where the log
 * shows it, the facts, the log's own lines (verbatim, never translated), the explanation and the
 * fix, then the unrecognised lines as they are.
 */
public final class ExplainText {

    private final Messages messages;
    private final UnaryOperator<String> emphasis;

    /** A renderer in {@code messages}' language; {@code emphasis} styles titles (identity for plain text). */
    public ExplainText(Messages messages, UnaryOperator<String> emphasis) {
        this.messages = messages;
        this.emphasis = emphasis;
    }

    /** {@return the lines for {@code e}, with the probe verdicts when {@code --probe} ran} */
    public List<String> render(Explanation e, List<Confirmation> probed) {
        List<String> out = new ArrayList<>();
        long recognised = e.groups().stream().mapToLong(CauseGroup::count).sum();
        if (e.clean()) {
            out.add(messages.get("explain.clean", e.lines()));
            return out;
        }
        out.add(messages.get("explain.summary", e.lines(), recognised, e.groups().size(), e.unrecognisedCount()));
        java.util.function.UnaryOperator<String> unknown = fact -> messages.has("explain.fact.unknown." + fact)
                ? messages.get("explain.fact.unknown." + fact) : messages.get("explain.fact.unknown");
        long targets = probed.stream().map(Confirmation::target).filter(t -> !t.isEmpty()).distinct().count();
        if (targets > 0) {
            out.add(messages.get("explain.probe.title", targets));
        }
        if (!e.groups().isEmpty()) {
            out.add("");
            out.add(emphasis.apply(messages.get("explain.causes.title")));
        }
        for (CauseGroup g : e.groups()) {
            Message explanation = CauseTexts.explanation(g, unknown);
            out.add("");
            out.add(emphasis.apply("[" + g.meaning().id() + "] " + text(new Message(g.meaning().titleKey(),
                    explanation.args()))) + "  (" + messages.get("explain.group.seen", g.count(),
                    g.samples().getFirst().line()) + ")");
            if (!g.hosts().isEmpty()) {
                out.add("  " + messages.get("explain.group.hosts", String.join(", ", g.hosts())));
            }
            if (!g.modules().isEmpty()) {
                out.add("  " + messages.get("explain.group.modules", String.join(", ", g.modules())));
            }
            g.fact("response").ifPresent(r -> out.add("  " + messages.get("explain.group.response", r)));
            out.add("  " + messages.get("explain.group.lines"));
            g.samples().forEach(o -> out.add("    " + o.line() + ": " + o.text()));
            if (g.count() > g.samples().size()) {
                out.add("    " + messages.get("explain.group.more", g.count() - g.samples().size()));
            }
            out.add("  " + text(explanation));
            out.add("  " + messages.get("explain.group.fix"));
            CauseTexts.fixes(g, unknown).forEach(f -> out.add("    " + text(f)));
            probed.stream().filter(c -> c.cause().equals(g.meaning().id())).forEach(c -> out.add("  → " + verdict(c)));
        }
        if (e.unrecognisedCount() > 0) {
            out.add("");
            out.add(emphasis.apply(messages.get("explain.unrecognised.title")));
            e.unrecognised().forEach(u -> out.add("    " + u.line() + ": " + u.text()));
            long more = e.unrecognisedCount() - e.unrecognised().size();
            if (more > 0) {
                out.add("    " + messages.get("explain.unrecognised.more", more));
            }
        }
        return out;
    }

    private String verdict(Confirmation c) {
        String doctor = String.join(", ", c.doctor());
        return switch (c.state()) {
            case CONFIRMED -> messages.get("explain.probe.confirmed", c.target(), doctor);
            case REFUTED -> messages.get("explain.probe.refuted", c.target());
            case DIFFERENT -> messages.get("explain.probe.different", c.target(), doctor);
            case UNFINISHED -> messages.get("explain.probe.unfinished", c.target());
            case NOT_PROBED -> messages.get("explain.probe.not-probed");
        };
    }

    private String text(Message m) {
        return messages.get(m.key(), m.args().toArray());
    }
}
