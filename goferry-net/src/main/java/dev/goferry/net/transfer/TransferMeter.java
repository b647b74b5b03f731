package dev.goferry.net.transfer;

import dev.goferry.net.Endpoint;
import dev.goferry.net.ProbeListener;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Watches a response arrive and counts stalls: gaps longer than {@code stallAfter} between the
 * first response byte, each body read and the end of the response. Keeps counters only, so it is
 * as cheap as a listener must be. One meter per download; hooks run on the probing thread.
 */
public final class TransferMeter implements ProbeListener {

    private final LongSupplier clock;
    private final long stallNanos;
    private long first = -1;
    private long last = -1;
    private long end = -1;
    private long bytes;
    private int stalls;
    private long longestGap;

    public TransferMeter(LongSupplier clock, Duration stallAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("stall threshold \"" + stallAfter + "\": must be positive");
        }
        this.stallNanos = stallAfter.toNanos();
    }

    @Override
    public void firstByte(Endpoint endpoint) {
        first = clock.getAsLong();
        last = first;
    }

    @Override
    public void bodyRead(Endpoint endpoint, long totalBytes) {
        bytes = totalBytes;
        tick();
    }

    @Override
    public void responseEnd(Endpoint endpoint, long bodyBytes) {
        finish();
    }

    @Override
    public void responseFailed(Endpoint endpoint, String reason) {
        finish();
    }

    private void finish() {
        if (last >= 0 && end < 0) {
            tick();
            end = last;
        }
    }

    private void tick() {
        long now = clock.getAsLong();
        if (last >= 0) {
            long gap = now - last;
            longestGap = Math.max(longestGap, gap);
            if (gap > stallNanos) {
                stalls++;
            }
        } else {
            first = now;
        }
        last = now;
    }

    /** {@return body bytes seen so far} */
    public long bytes() {
        return bytes;
    }

    /** {@return gaps longer than the stall threshold so far} */
    public int stalls() {
        return stalls;
    }

    /** {@return the longest gap seen between arrivals} */
    public Duration longestGap() {
        return Duration.ofNanos(longestGap);
    }

    /** {@return from the first response byte to the end of the response (or to the last arrival)} */
    public Duration elapsed() {
        return first < 0 ? Duration.ZERO : Duration.ofNanos((end >= 0 ? end : last) - first);
    }
}
