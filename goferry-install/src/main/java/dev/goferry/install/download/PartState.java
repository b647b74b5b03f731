package dev.goferry.install.download;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The small state file next to {@code <name>.part}: which file the part bytes belong to (by the
 * index's SHA-256 and size) and where they last came from, so a later run resumes only a part of
 * the very same file. The byte count is the part file's length itself.
 *
 * @param filename the release file name
 * @param sha256 the index's checksum ("" if none)
 * @param size the index's size (0 if unknown)
 * @param lastSource the name of the source that wrote the last bytes
 */
public record PartState(String filename, String sha256, long size, String lastSource) {

    /** {@return the state stored at this path, empty if absent or unreadable} */
    public static Optional<PartState> read(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new PartState(p.getProperty("filename", ""), p.getProperty("sha256", ""),
                    Long.parseLong(p.getProperty("size", "0")), p.getProperty("source", "")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes the state atomically (temp file, then rename). */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("filename", filename);
        p.setProperty("sha256", sha256);
        p.setProperty("size", Long.toString(size));
        p.setProperty("source", lastSource);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "goferry download state; the byte count is the .part file's length");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@return whether a part described by this state belongs to the same file} */
    public boolean sameFile(String filename, String sha256, long size) {
        return this.filename.equals(filename) && this.sha256.equals(sha256) && this.size == size;
    }
}
