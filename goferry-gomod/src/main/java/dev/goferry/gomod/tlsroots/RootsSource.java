package dev.goferry.gomod.tlsroots;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How one place in a {@link RootsPlan} was read. */
public sealed interface RootsSource {

    /** {@return the path as Go names it} */
    String path();

    /**
     * A bundle file. Go reads files in order and stops at the first readable one.
     *
     * @param outcome what reading it gave
     * @param reason the error, for {@link FileOutcome#UNREADABLE}
     */
    record File(String path, FileOutcome outcome, Optional<String> reason) implements RootsSource {
        public File {
            Objects.requireNonNull(path);
            Objects.requireNonNull(outcome);
            Objects.requireNonNull(reason);
        }
    }

    /** What happened to one bundle file. */
    enum FileOutcome {
        /** Read; its certificates are in the pool and later files are not tried. */
        USED,
        /** Does not exist; Go tries the next one without complaint. */
        NOT_FOUND,
        /** Exists but could not be read (a directory, no permission); Go tries the next one. */
        UNREADABLE,
        /** Not tried because an earlier file was used. */
        NOT_TRIED
    }

    /**
     * A certificate directory. Go reads all of them.
     *
     * @param exists whether it could be listed
     * @param reason the listing error, other than "does not exist"
     * @param read entries whose contents were parsed (names)
     * @param skippedSymlinks entries skipped as same-directory symlinks (target without '/')
     */
    record Directory(String path, boolean exists, Optional<String> reason, List<String> read,
                     List<String> skippedSymlinks) implements RootsSource {
        public Directory {
            Objects.requireNonNull(path);
            Objects.requireNonNull(reason);
            read = List.copyOf(read);
            skippedSymlinks = List.copyOf(skippedSymlinks);
        }
    }
}
