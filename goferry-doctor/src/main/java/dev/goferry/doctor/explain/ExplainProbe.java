package dev.goferry.doctor.explain;

import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.run.DoctorRun;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.route.RouteSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code goferry explain --probe}: the doctor's checks for the hosts a log names, to confirm or
 * refute each cause. The URLs the log quotes are probed as they are (so a {@code 404} the log saw
 * can be seen again); a host named without a URL is probed as {@code https://host/}. Only causes
 * of the doctor's catalog can be checked this way; log-only causes are reported as not probed.
 */
public final class ExplainProbe {

    /** At most this many URLs are probed, so a long log cannot start a long run. */
    static final int MAX_TARGETS = 16;

    private ExplainProbe() {}

    /** {@return the URLs to probe for {@code e}, at most {@value #MAX_TARGETS}, distinct, in log order} */
    public static List<URI> urls(Explanation e) {
        Set<URI> out = new LinkedHashSet<>();
        for (CauseGroup g : e.groups()) {
            for (URI u : urls(g)) {
                if (out.size() < MAX_TARGETS) {
                    out.add(u);
                }
            }
        }
        return List.copyOf(out);
    }

    /** {@return the URLs the samples of {@code g} name, when the doctor can probe for its cause} */
    private static List<URI> urls(CauseGroup g) {
        if (!(g.meaning() instanceof Meaning.Doctor)) {
            return List.of();
        }
        Set<URI> out = new LinkedHashSet<>();
        for (Occurrence o : g.samples()) {
            Optional.ofNullable(o.facts().get("url")).flatMap(ExplainProbe::uri)
                    .or(() -> Optional.ofNullable(o.facts().get("host")).flatMap(h -> uri("https://"
                            + (h.contains(":") ? "[" + h + "]" : h) + "/")))
                    .ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** {@return the doctor's targets for {@code urls} under {@code settings}: one per URL, as {@code --target} would make it} */
    public static List<Target> targets(RouteSettings settings, List<URI> urls) {
        TargetOptions options = new TargetOptions(TargetOptions.REFERENCE_MODULE, Optional.empty(), Optional.empty(),
                Optional.empty(), urls);
        return TargetPlanner.plan(settings, options).stream().filter(t -> t.kind() == TargetKind.USER).toList();
    }

    /**
     * {@return per cause and probed URL, what {@code probe} (the doctor run over {@code targets}, made by
     * {@link #targets}) found; {@code probe} is called once, and not at all when there is nothing to probe}
     */
    public static List<Confirmation> confirm(Explanation e, List<Target> targets, Function<List<Target>, DoctorRun> probe) {
        DoctorRun run = targets.isEmpty() ? null : probe.apply(targets);
        Map<String, List<String>> found = new LinkedHashMap<>();
        Set<String> unfinished = new LinkedHashSet<>();
        if (run != null) {
            for (Cause c : run.diagnosis().causes()) {
                if (c.id() != CauseId.HEALTHY) {
                    c.targets().forEach(t -> found.computeIfAbsent(t, k -> new ArrayList<>()).add(c.id().id()));
                }
            }
            run.unfinished().forEach(u -> unfinished.add(u.targetId()));
        }
        List<Confirmation> out = new ArrayList<>();
        for (CauseGroup g : e.groups()) {
            String id = g.meaning().id();
            List<URI> mine = urls(g);
            List<Target> probed = run == null ? List.of()
                    : targets.stream().filter(t -> t.url().filter(mine::contains).isPresent()).toList();
            if (probed.isEmpty()) {
                out.add(new Confirmation(id, "", Confirmation.State.NOT_PROBED, List.of()));
                continue;
            }
            for (Target t : probed) {
                List<String> doctor = found.getOrDefault(t.id(), List.of()).stream().distinct().toList();
                Confirmation.State state = doctor.contains(id) ? Confirmation.State.CONFIRMED
                        : unfinished.contains(t.id()) ? Confirmation.State.UNFINISHED
                        : doctor.isEmpty() ? Confirmation.State.REFUTED : Confirmation.State.DIFFERENT;
                out.add(new Confirmation(id, t.url().orElseThrow().toString(), state, doctor));
            }
        }
        return out;
    }

    private static Optional<URI> uri(String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme();
            return u.getHost() != null && ("http".equals(scheme) || "https".equals(scheme)) ? Optional.of(u)
                    : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
