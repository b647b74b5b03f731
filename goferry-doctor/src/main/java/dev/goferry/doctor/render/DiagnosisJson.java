package dev.goferry.doctor.render;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.Finding;
import dev.goferry.doctor.diagnosis.TargetReport;
import dev.goferry.doctor.target.Target;
import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code goferry doctor --json}: the document of schema {@code goferry.doctor/v1} (docs/json.md),
 * as plain maps and lists for the CLI's JSON writer. Ids, layers, statuses and evidence are
 * stable; {@code title}, {@code explanation}, {@code why} and fix {@code text} follow the language.
 */
public final class DiagnosisJson {

    public static final String SCHEMA = "goferry.doctor/v1";

    private DiagnosisJson() {}

    /** {@return the document for {@code d}, texts in {@code messages}' language} */
    public static Map<String, Object> of(Diagnosis d, Messages messages) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("healthy", d.healthy());
        doc.put("exitCode", d.exitCode());
        doc.put("local", d.local().stream().map(DiagnosisJson::finding).toList());
        List<Object> targets = new ArrayList<>();
        for (TargetReport r : d.targets()) {
            Target t = r.target();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("kind", t.kind().id());
            m.put("base", t.base());
            m.put("url", t.url().map(Object::toString).orElse(null));
            m.put("host", t.host());
            m.put("port", t.port());
            m.put("proxy", proxy(t.proxy()));
            m.put("module", t.module().orElse(null));
            m.put("why", messages.get(t.why().key(), t.why().args().toArray()));
            m.put("status", r.status().id());
            m.put("rootCause", r.root().map(CauseId::id).orElse(null));
            m.put("layers", r.findings().stream().map(DiagnosisJson::finding).toList());
            targets.add(m);
        }
        doc.put("targets", targets);
        List<Object> causes = new ArrayList<>();
        for (Cause c : d.causes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Object[] args = c.explanation().args().toArray();
            m.put("id", c.id().id());
            m.put("layer", c.layer().id());
            m.put("severity", c.severity().id());
            m.put("title", messages.get(c.id().titleKey(), args));
            m.put("targets", c.targets());
            m.put("hosts", c.hosts());
            m.put("evidence", c.evidence());
            m.put("explanation", messages.get(c.explanation().key(), args));
            m.put("fixes", c.fixes().stream().map(f -> fix(f, messages)).toList());
            causes.add(m);
        }
        doc.put("causes", causes);
        return doc;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", f.layer().id());
        m.put("status", f.status().id());
        m.put("elapsedMs", f.elapsed().map(e -> e.toNanos() / 1e6).orElse(null));
        m.put("detail", f.detail());
        m.put("cause", f.cause().map(CauseId::id).orElse(null));
        return m;
    }

    private static Map<String, Object> proxy(ProxyDecision p) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (p) {
            case ProxyDecision.Direct d -> {
                m.put("mode", "direct");
                m.put("reason", d.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                m.put("detail", d.detail().orElse(null));
            }
            case ProxyDecision.Proxy x -> {
                m.put("mode", "proxy");
                m.put("url", x.proxy().redacted());
                m.put("variable", x.variable().name());
            }
            case ProxyDecision.Error e -> {
                m.put("mode", "error");
                m.put("goError", e.message());
            }
        }
        return m;
    }

    private static Map<String, Object> fix(Message f, Messages messages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.key());
        m.put("text", messages.get(f.key(), f.args().toArray()));
        m.put("args", f.args());
        return m;
    }
}
