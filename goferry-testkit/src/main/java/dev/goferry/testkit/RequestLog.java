package dev.goferry.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The bounded, thread-safe, arrival-ordered log behind the recording servers. Past {@link #CAP}
 * entries it stops recording (a runaway client must not exhaust the test JVM) and says so.
 */
final class RequestLog {

    static final int CAP = 10_000;

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final List<RecordedRequest> requests = new ArrayList<>();
    private boolean overflowed;

    /** {@return the next arrival number, shared by every recorder in the JVM} */
    static long nextSequence() {
        return SEQUENCE.incrementAndGet();
    }

    synchronized void add(RecordedRequest request) {
        if (requests.size() < CAP) {
            requests.add(request);
        } else {
            overflowed = true;
        }
    }

    synchronized List<RecordedRequest> snapshot() {
        if (overflowed) {
            throw new IllegalStateException("more than " + CAP + " requests recorded: clear() between runs");
        }
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
        overflowed = false;
    }
}
