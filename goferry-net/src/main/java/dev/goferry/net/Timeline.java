package dev.goferry.net;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase durations computed from recorded {@link ProbeEvent}s by pure code: each start is paired
 * with the first later end or failure of the same endpoint, phase and detail. {@code FirstByte}
 * closes WAIT and opens BODY; {@code ResponseFailed} fails WAIT when no byte came, else BODY.
 *
 * @param phases     paired attempts, in the order their phases ended
 * @param unfinished starts never closed (a probe still running, or cut off by its deadline)
 * @param unmatched  ends or failures with no open start (a listener contract break, kept as evidence)
 */
public record Timeline(List<PhaseTiming> phases, List<ProbeEvent> unfinished, List<ProbeEvent> unmatched) {

    public Timeline {
        phases = List.copyOf(phases);
        unfinished = List.copyOf(unfinished);
        unmatched = List.copyOf(unmatched);
    }

    /** Pairs {@code events} (in recording order) into a timeline. */
    public static Timeline of(List<? extends ProbeEvent> events) {
        record Key(Endpoint endpoint, Phase phase, String detail) {}
        Map<Key, Deque<ProbeEvent>> open = new LinkedHashMap<>();
        List<PhaseTiming> phases = new ArrayList<>();
        List<ProbeEvent> unmatched = new ArrayList<>();
        for (ProbeEvent event : events) {
            Key key = new Key(event.endpoint(), event.phase(), event.detail());
            switch (event) {
                case ProbeEvent.FirstByte fb -> {
                    ProbeEvent start = poll(open, key);
                    if (start == null) {
                        unmatched.add(fb);
                    } else {
                        phases.add(timing(start, fb, true));
                    }
                    open.computeIfAbsent(new Key(fb.endpoint(), Phase.BODY, ""), k -> new ArrayDeque<>()).add(fb);
                }
                case ProbeEvent.ResponseFailed rf -> {
                    Key wait = new Key(rf.endpoint(), Phase.WAIT, "");
                    ProbeEvent start = poll(open, wait);
                    Phase phase = Phase.WAIT;
                    if (start == null) {
                        start = poll(open, key);
                        phase = Phase.BODY;
                    }
                    if (start == null) {
                        unmatched.add(rf);
                    } else {
                        phases.add(new PhaseTiming(rf.endpoint(), phase, "", start.nanoTime(),
                                Duration.ofNanos(rf.nanoTime() - start.nanoTime()), false));
                    }
                }
                default -> {
                    switch (event.kind()) {
                        case START -> open.computeIfAbsent(key, k -> new ArrayDeque<>()).add(event);
                        case END, FAILED -> {
                            ProbeEvent start = poll(open, key);
                            if (start == null) {
                                unmatched.add(event);
                            } else {
                                phases.add(timing(start, event, event.kind() == ProbeEvent.Kind.END));
                            }
                        }
                        case MARK -> { }
                    }
                }
            }
        }
        List<ProbeEvent> unfinished = new ArrayList<>();
        open.values().forEach(unfinished::addAll);
        unfinished.sort((a, b) -> Long.compare(a.nanoTime(), b.nanoTime()));
        return new Timeline(phases, unfinished, unmatched);
    }

    private static ProbeEvent poll(Map<?, Deque<ProbeEvent>> open, Object key) {
        Deque<ProbeEvent> starts = open.get(key);
        if (starts == null) {
            return null;
        }
        ProbeEvent start = starts.pollFirst();
        if (starts.isEmpty()) {
            open.remove(key);
        }
        return start;
    }

    private static PhaseTiming timing(ProbeEvent start, ProbeEvent end, boolean succeeded) {
        return new PhaseTiming(start.endpoint(), end.phase(),
                start.detail(), start.nanoTime(), Duration.ofNanos(end.nanoTime() - start.nanoTime()), succeeded);
    }

    /** {@return the attempts at {@code phase}, for any endpoint} */
    public List<PhaseTiming> of(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).toList();
    }

    /** {@return the summed duration of every attempt at {@code phase} for {@code endpoint}} */
    public Duration total(Endpoint endpoint, Phase phase) {
        return phases.stream()
                .filter(p -> p.phase() == phase && p.endpoint().equals(endpoint))
                .map(PhaseTiming::duration)
                .reduce(Duration.ZERO, Duration::plus);
    }
}
