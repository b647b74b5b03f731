package dev.goferry.doctor.fix;

import dev.goferry.doctor.diagnosis.CauseId;
import java.util.Objects;

/**
 * A change to one go command setting that this run showed would remove a cause: {@code go env -w
 * variable=value}.
 *
 * @param cause      the cause it removes
 * @param variable   the setting, e.g. {@code GOPROXY}
 * @param value      its new value
 * @param verifiedBy the id of the target of the same run whose evidence shows the value works (a mirror
 *                   that answered the protocol correctly, the proxy that answered 404 for a private path)
 */
public record ApplicableFix(CauseId cause, String variable, String value, String verifiedBy) {
    public ApplicableFix {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(verifiedBy, "verifiedBy");
    }

    /** {@return the {@code go env -w} argument, {@code VARIABLE=value}} */
    public String assignment() {
        return variable + "=" + value;
    }
}
