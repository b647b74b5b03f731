package dev.goferry.install.toolchain;

/** The checksum database did not vouch for the toolchain: nothing was installed. */
public final class RefusedException extends Exception {

    private final transient Verdict verdict;

    public RefusedException(Verdict verdict) {
        super(verdict.message());
        if (verdict instanceof Verdict.Verified) {
            throw new IllegalArgumentException("a verified toolchain is not refused");
        }
        this.verdict = verdict;
    }

    /** {@return why: {@link Verdict.Unknown}, {@link Verdict.Mismatch} or {@link Verdict.DatabaseFailed}} */
    public Verdict verdict() {
        return verdict;
    }
}
