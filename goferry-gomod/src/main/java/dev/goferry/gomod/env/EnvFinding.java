package dev.goferry.gomod.env;

import java.util.List;

/** Something goferry has to say about the settings: a risky choice, or a value the go command rejects. */
public sealed interface EnvFinding {

    /** The setting it is about. */
    String key();

    /**
     * A setting that works but has a consequence the user may not intend.
     *
     * @param id the stable id, {@code env.warn.<id>} (also the catalog key of its text)
     * @param args the catalog placeholders, in order
     */
    record Warning(String id, String key, List<String> args) implements EnvFinding {
        public Warning {
            args = List.copyOf(args);
        }
    }

    /**
     * A value the go command rejects: every command that needs it fails with {@code goError}.
     *
     * @param goError Go's own text, verbatim (without the {@code go: } and module prefixes Go adds)
     * @param explanation the catalog key of goferry's plain explanation
     */
    record Error(String key, String goError, String explanation) implements EnvFinding {}
}
