package dev.goferry.doctor;

/** The verdict on one layer of one target. */
public enum Status {
    /** ✓ the layer works. */
    OK("✓"),
    /** ! the layer works but something deserves attention (slow, bypassed, suspicious). */
    WARN("!"),
    /** ✗ the layer failed. */
    FAIL("✗"),
    /** · the layer was not reached because a lower one failed, or does not apply. */
    SKIPPED("·");

    private final String mark;

    Status(String mark) {
        this.mark = mark;
    }

    /** {@return the one-character mark the text renderer prints} */
    public String mark() {
        return mark;
    }

    /** {@return the lowercase name the JSON output uses} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
