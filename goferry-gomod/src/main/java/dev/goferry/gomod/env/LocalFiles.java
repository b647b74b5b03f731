package dev.goferry.gomod.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The few file-system questions the settings model asks: the seam that keeps the model pure
 * (tests answer from a map) while the CLI reads the real disk.
 */
public interface LocalFiles {

    /** {@return the file's content as text, or empty when it cannot be read} */
    Optional<String> read(String path);

    /** Reports whether {@code path} is an executable regular file. */
    boolean isExecutable(String path);

    /** Reports whether {@code path} is a directory. */
    boolean isDirectory(String path);

    /** {@return the path with every symbolic link resolved, or empty when it does not exist} */
    Optional<String> realPath(String path);

    /** The real file system. */
    LocalFiles SYSTEM = new LocalFiles() {
        @Override
        public Optional<String> read(String path) {
            try {
                // Go reads bytes and never decodes; invalid UTF-8 is rare in go/env and becomes U+FFFD here.
                return Optional.of(new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override
        public boolean isExecutable(String path) {
            try {
                Path p = Path.of(path);
                return Files.isRegularFile(p) && Files.isExecutable(p);
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public boolean isDirectory(String path) {
            try {
                return Files.isDirectory(Path.of(path));
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public Optional<String> realPath(String path) {
            try {
                return Optional.of(Path.of(path).toRealPath().toString());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    };
}
