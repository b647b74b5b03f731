package dev.goferry.doctor.explain;

import dev.goferry.doctor.Layer;
import dev.goferry.doctor.diagnosis.CauseId;
import java.util.Objects;

/**
 * What a recognised error line means: one of the doctor's root causes (texts shared with
 * {@code goferry doctor} through the {@code cause} area, never copied) or a cause only a log can
 * show ({@link LogCause}, area {@code explain}).
 */
public sealed interface Meaning permits Meaning.Doctor, Meaning.Log {

    /** {@return the stable cause id} */
    String id();

    /** {@return the layer the failure belongs to} */
    Layer layer();

    /** {@return the catalog key of the one-line title} */
    String titleKey();

    /** {@return the catalog key of the explanation} */
    String explainKey();

    /** {@return the catalog key of the main fix} */
    String fixKey();

    /** {@return {@code doctor} when the doctor can probe for this cause, else {@code log}} */
    default String source() {
        return this instanceof Doctor ? "doctor" : "log";
    }

    /** A doctor cause. */
    record Doctor(CauseId cause) implements Meaning {
        public Doctor {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String id() {
            return cause.id();
        }

        @Override
        public Layer layer() {
            return cause.layer();
        }

        @Override
        public String titleKey() {
            return cause.titleKey();
        }

        @Override
        public String explainKey() {
            return cause.explainKey();
        }

        @Override
        public String fixKey() {
            return cause.fixKey();
        }
    }

    /** A cause only the log shows. */
    record Log(LogCause cause) implements Meaning {
        public Log {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String id() {
            return cause.id();
        }

        @Override
        public Layer layer() {
            return cause.layer();
        }

        @Override
        public String titleKey() {
            return "explain.cause." + cause.id() + ".title";
        }

        @Override
        public String explainKey() {
            return "explain.cause." + cause.id() + ".explain";
        }

        @Override
        public String fixKey() {
            return "explain.cause." + cause.id() + ".fix";
        }
    }
}
