package dev.goferry.doctor.explain;

import java.util.List;
import java.util.Objects;

/**
 * What probing a host now says about a cause the log names.
 *
 * @param cause  the cause id from the log
 * @param target the URL probed (empty when nothing was probed)
 * @param state  the verdict
 * @param doctor the cause ids the doctor found on that host
 */
public record Confirmation(String cause, String target, State state, List<String> doctor) {

    /** The verdicts. */
    public enum State {
        /** The doctor finds the same cause there now. */
        CONFIRMED,
        /** The host works now. */
        REFUTED,
        /** The doctor finds another cause on the host. */
        DIFFERENT,
        /** The probe did not finish within the deadline. */
        UNFINISHED,
        /** No host to probe, or a cause probing cannot see. */
        NOT_PROBED;

        /** {@return the lowercase id the JSON output uses} */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Confirmation {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        doctor = List.copyOf(doctor);
    }
}
