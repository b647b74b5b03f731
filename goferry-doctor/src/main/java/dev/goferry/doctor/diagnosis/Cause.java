package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import java.util.List;
import java.util.Objects;

/**
 * One root cause: what is wrong, where, on which targets, on what evidence, and what to paste.
 * Causes shared by several targets (a hijacking resolver, an intercepting proxy) are one cause
 * naming every target.
 *
 * @param id          the stable id
 * @param layer       the layer the failure is attributed to
 * @param severity    {@link Status#FAIL} when Go's downloads fail, {@link Status#WARN} when they work but
 *                    something is off (unverified downloads, slow, broken IPv6); {@link Status#OK} only for
 *                    {@link CauseId#HEALTHY}
 * @param targets     ids of the affected targets, in report order
 * @param hosts       their hosts, distinct, in the same order
 * @param evidence    the evidence lines it rests on: data and Go's verbatim error texts, never translated
 * @param explanation what is wrong (catalog key {@code cause.<id>.explain})
 * @param fixes       what to do, least invasive first; each a command or step the user can paste
 */
public record Cause(CauseId id, Layer layer, Status severity, List<String> targets, List<String> hosts,
                    List<String> evidence, Message explanation, List<Message> fixes) {
    public Cause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(severity, "severity");
        targets = List.copyOf(targets);
        hosts = List.copyOf(hosts);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(explanation, "explanation");
        fixes = List.copyOf(fixes);
    }
}
