package dev.goferry.doctor.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies an {@link EnvChange}: first a byte-for-byte backup of the go/env file next to it
 * ({@code env.goferry-bak}, or {@code env.goferry-bak.<epoch seconds>} when an older backup is
 * there and must not be overwritten), then the atomic replacement. The result names the shell
 * command that undoes it, so the user never depends on goferry to get their settings back.
 */
public final class EnvFileFixer {

    private final Clock clock;

    /** A fixer naming timestamped backups by {@code clock}. */
    public EnvFileFixer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What was done.
     *
     * @param file   the go/env file
     * @param backup the copy of the previous content, empty when the file did not exist before
     * @param undo   a POSIX shell command restoring the previous state byte for byte
     */
    public record Applied(Path file, Optional<Path> backup, String undo) {
        public Applied {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(undo, "undo");
        }
    }

    /**
     * Backs the file up and writes {@code change.after()}.
     *
     * @throws IOException when the file changed since the change was planned, or cannot be written;
     *                     the file is then left as it was
     */
    public Applied apply(EnvChange change) throws IOException {
        Path file = change.file();
        Optional<byte[]> now = Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        Optional<byte[]> expected = change.before().map(s -> s.getBytes(StandardCharsets.UTF_8));
        if (now.isPresent() != expected.isPresent()
                || now.isPresent() && !Arrays.equals(now.get(), expected.get())) {
            throw new IOException("go env config \"" + file + "\": changed since goferry read it; run doctor --fix again");
        }
        Optional<Path> backup = Optional.empty();
        if (now.isPresent()) {
            Path b = file.resolveSibling(file.getFileName() + ".goferry-bak");
            if (Files.exists(b)) {
                b = file.resolveSibling(file.getFileName() + ".goferry-bak." + clock.instant().getEpochSecond());
            }
            Files.copy(file, b, StandardCopyOption.COPY_ATTRIBUTES);
            backup = Optional.of(b);
        }
        AtomicFile.write(file, change.after().getBytes(StandardCharsets.UTF_8));
        String undo = backup.map(b -> "cp -p " + quote(b) + " " + quote(file)).orElse("rm " + quote(file));
        return new Applied(file, backup, undo);
    }

    /** {@return {@code path} as one POSIX shell word} */
    static String quote(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }
}
