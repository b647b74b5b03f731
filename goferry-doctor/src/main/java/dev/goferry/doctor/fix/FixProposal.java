package dev.goferry.doctor.fix;

import dev.goferry.doctor.diagnosis.CauseId;
import java.util.Objects;

/** What {@code --fix} does about one cause. */
public sealed interface FixProposal {

    /** {@return the cause this proposal is about} */
    CauseId cause();

    /** Apply {@code fix}: the run verified it. */
    record Apply(ApplicableFix fix) implements FixProposal {
        public Apply {
            Objects.requireNonNull(fix, "fix");
        }

        @Override
        public CauseId cause() {
            return fix.cause();
        }
    }

    /**
     * The only change that would make the failure go away lowers security: it is named and refused.
     *
     * @param cause     the cause
     * @param shortcut  the change refused, as the user would type it ({@code GOSUMDB=off})
     * @param reasonKey catalog key (area {@code fix}) saying why not, with the hosts as {0}
     * @param hosts     the affected hosts, for the explanation
     */
    record Refused(CauseId cause, String shortcut, String reasonKey, String hosts) implements FixProposal {
        public Refused {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(shortcut, "shortcut");
            Objects.requireNonNull(reasonKey, "reasonKey");
            Objects.requireNonNull(hosts, "hosts");
        }
    }

    /** Nothing in this run verified a setting that removes the cause: the report's fixes are for the user. */
    record Manual(CauseId cause) implements FixProposal {
        public Manual {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
