package dev.goferry.doctor.diagnosis;

import dev.goferry.doctor.Message;
import dev.goferry.doctor.Status;
import dev.goferry.doctor.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns candidates into causes: one cause per id and key, naming every target that shares it. */
final class Group {

    /** Evidence lines kept per cause; the rest is in the per-target table. */
    static final int MAX_EVIDENCE = 12;
    /** Hosts named in an explanation before "(+N)". */
    static final int MAX_HOSTS = 5;

    private Group() {}

    static List<Cause> of(List<Candidate> candidates, Fixes fixes) {
        record Key(CauseId id, List<String> key) {}
        Map<Key, List<Candidate>> groups = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            groups.computeIfAbsent(new Key(c.id(), c.key()), k -> new ArrayList<>()).add(c);
        }
        List<Cause> out = new ArrayList<>();
        groups.forEach((k, cs) -> {
            List<Target> targets = cs.stream().map(Candidate::target).distinct().toList();
            List<String> hosts = Diagnoser.hosts(targets);
            Set<String> evidence = new LinkedHashSet<>();
            for (Candidate c : cs) {
                String host = c.target().host().isEmpty() ? c.target().base() : c.target().host();
                for (String line : c.evidence()) {
                    evidence.add(line.contains(host) ? line : host + ": " + line);
                }
            }
            List<String> lines = new ArrayList<>(evidence);
            if (lines.size() > MAX_EVIDENCE) {
                int more = lines.size() - MAX_EVIDENCE;
                lines = new ArrayList<>(lines.subList(0, MAX_EVIDENCE));
                lines.add("(+" + more + ")");
            }
            List<String> args = new ArrayList<>();
            args.add(hostList(hosts));
            args.addAll(k.key());
            Status severity = cs.stream().anyMatch(c -> c.severity() == Status.FAIL) ? Status.FAIL : Status.WARN;
            out.add(new Cause(k.id(), cs.getFirst().layer(), severity, Diagnoser.ids(targets), hosts, lines,
                    new Message(k.id().explainKey(), args), fixes.of(k.id(), k.key(), targets)));
        });
        return out;
    }

    static String hostList(List<String> hosts) {
        return TargetJudge.join(hosts, MAX_HOSTS);
    }
}
