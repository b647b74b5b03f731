package dev.goferry.doctor.explain;

import dev.goferry.doctor.Message;
import dev.goferry.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code goferry explain --json}: the document of schema {@code goferry.explain/v1} (docs/json.md),
 * as plain maps and lists. Cause and pattern ids, line numbers, facts and the log's lines are
 * stable; {@code title}, {@code explanation} and fix {@code text} follow the language.
 */
public final class ExplainJson {

    public static final String SCHEMA = "goferry.explain/v1";

    private ExplainJson() {}

    /** {@return the document for {@code e}; {@code probed} is empty when {@code --probe} did not run} */
    public static Map<String, Object> of(Explanation e, Optional<List<Confirmation>> probed, Messages messages) {
        java.util.function.UnaryOperator<String> unknown = fact -> messages.has("explain.fact.unknown." + fact)
                ? messages.get("explain.fact.unknown." + fact) : messages.get("explain.fact.unknown");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("lines", e.lines());
        doc.put("bytes", e.size());
        doc.put("recognised", e.groups().stream().mapToLong(CauseGroup::count).sum());
        List<Object> causes = new ArrayList<>();
        for (CauseGroup g : e.groups()) {
            Message explanation = CauseTexts.explanation(g, unknown);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.meaning().id());
            m.put("source", g.meaning().source());
            m.put("layer", g.meaning().layer().id());
            m.put("title", messages.get(g.meaning().titleKey(), explanation.args().toArray()));
            m.put("count", g.count());
            m.put("patterns", g.patterns());
            m.put("hosts", g.hosts());
            m.put("modules", g.modules());
            m.put("facts", new TreeMap<>(g.facts()));
            m.put("lines", g.samples().stream().map(o -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("line", o.line());
                l.put("pattern", o.pattern());
                l.put("text", o.text());
                l.put("facts", new TreeMap<>(o.facts()));
                return l;
            }).toList());
            m.put("explanation", messages.get(explanation.key(), explanation.args().toArray()));
            m.put("fixes", CauseTexts.fixes(g, unknown).stream().map(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("key", f.key());
                x.put("text", messages.get(f.key(), f.args().toArray()));
                x.put("args", f.args());
                return x;
            }).toList());
            probed.ifPresent(list -> m.put("probe", list.stream().filter(c -> c.cause().equals(g.meaning().id()))
                    .map(c -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("target", c.target().isEmpty() ? null : c.target());
                        x.put("state", c.state().id());
                        x.put("doctor", c.doctor());
                        return x;
                    }).toList()));
            causes.add(m);
        }
        doc.put("causes", causes);
        doc.put("unrecognisedCount", e.unrecognisedCount());
        doc.put("unrecognised", e.unrecognised().stream().map(u -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("line", u.line());
            l.put("text", u.text());
            return l;
        }).toList());
        return doc;
    }
}
