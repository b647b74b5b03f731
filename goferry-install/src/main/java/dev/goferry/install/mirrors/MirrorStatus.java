package dev.goferry.install.mirrors;

import java.util.Locale;

/** The verdict on one mirror, best first: the ranking sorts by it before speed. */
public enum MirrorStatus {
    /** Correct protocol answer, and it knows the newest version any mirror (or the index) knows. */
    OK,
    /** Correct protocol answer, but behind the freshest answer. */
    STALE,
    /** Answered with something that is not the protocol (HTML 200, wrong size, unverifiable tree). */
    BROKEN,
    /** No answer at all. */
    UNREACHABLE,
    /** Still probing when the deadline passed. */
    TIMED_OUT,
    /** Could not be judged (no release index). */
    NOT_CHECKED;

    /** {@return the lowercase name used in JSON and in message keys: "ok", "timed-out"} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@return whether the mirror gave a correct protocol answer (ok or stale)} */
    public boolean works() {
        return this == OK || this == STALE;
    }
}
