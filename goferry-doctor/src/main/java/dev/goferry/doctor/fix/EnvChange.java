package dev.goferry.doctor.fix;

import dev.goferry.gomod.env.EnvFile;
import dev.goferry.gomod.env.EnvFileEditor;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.env.SettingSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The edit of the user's go/env file that applies some fixes, exactly as {@code go env -w} would
 * write it (gomod's {@code EnvFileEditor}: Go's checks, in-place update, sorted runs).
 *
 * @param file     the go/env file
 * @param before   its content now, empty when it does not exist yet
 * @param after    its content after the edit
 * @param diff     the changed lines, {@code - old} and {@code + new}
 * @param fixes    the fixes the edit applies
 * @param warnings Go's warnings for the edit
 */
public record EnvChange(Path file, Optional<String> before, String after, List<String> diff,
                        List<ApplicableFix> fixes, List<String> warnings) {

    public EnvChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        diff = List.copyOf(diff);
        fixes = List.copyOf(fixes);
        warnings = List.copyOf(warnings);
    }

    /** What planning an edit came to. */
    public sealed interface Outcome {}

    /** The edit, ready to show and apply; {@code shadowed} fixes were left out (see {@link Shadowed}). */
    public record Ready(EnvChange change, List<ApplicableFix> shadowed) implements Outcome {
        public Ready {
            Objects.requireNonNull(change, "change");
            shadowed = List.copyOf(shadowed);
        }
    }

    /**
     * Every fix names a variable the process environment sets: the go command reads the
     * environment first, so writing go/env would change nothing.
     */
    public record Shadowed(List<ApplicableFix> fixes) implements Outcome {
        public Shadowed {
            fixes = List.copyOf(fixes);
        }
    }

    /**
     * The go command would refuse the edit, or there is no go/env file to edit
     * ({@code GOENV=off}, no home folder).
     *
     * @param reason Go's message, verbatim
     */
    public record Impossible(String reason) implements Outcome {
        public Impossible {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** {@return the edit applying {@code fixes} under {@code settings} (resolved from {@code env})} */
    public static Outcome plan(List<ApplicableFix> fixes, GoSettings settings, Map<String, String> env, GoOs os,
                               LocalFiles files) {
        EnvFile.Location location = settings.envFile();
        if (location.path().isEmpty()) {
            return new Impossible("go: cannot find go env config: " + location.problem().orElse(""));
        }
        List<ApplicableFix> applied = new ArrayList<>();
        List<ApplicableFix> shadowed = new ArrayList<>();
        for (ApplicableFix f : fixes) {
            boolean fromEnv = GoSettings.KEYS.contains(f.variable())
                    ? settings.get(f.variable()).source() instanceof SettingSource.Environment
                    : !env.getOrDefault(f.variable(), "").isEmpty();
            (fromEnv ? shadowed : applied).add(f);
        }
        if (applied.isEmpty()) {
            return new Shadowed(shadowed);
        }
        String file = location.path().get();
        Optional<String> current = files.read(file);
        Set<String> known = new HashSet<>();
        current.ifPresent(text -> known.addAll(EnvFile.parse(text).keySet()));
        settings.go().goroot().flatMap(r -> files.read(os.join(r, "go.env")))
                .ifPresent(text -> known.addAll(EnvFile.parseGorootFile(text).keySet()));
        List<String> args = applied.stream().map(ApplicableFix::assignment).distinct().toList();
        EnvFileEditor.Result r = EnvFileEditor.write(args, current, known, env, settings.go(), os);
        if (r.error().isPresent()) {
            return new Impossible(r.error().get());
        }
        String after = r.content().orElseThrow();
        return new Ready(new EnvChange(Path.of(file), current, after, LineDiff.of(current.orElse(""), after), applied,
                r.warnings()), shadowed);
    }
}
