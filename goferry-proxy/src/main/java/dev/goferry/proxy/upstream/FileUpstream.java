package dev.goferry.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code file://} upstream: a folder laid out as the GOPROXY URL space. As in the go command,
 * a missing file is "not found" (404).
 */
public final class FileUpstream implements Upstream {

    private final String name;
    private final Path root;

    public FileUpstream(String name, Path root) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public FetchOutcome fetch(String key, Path into, long maxBytes) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            return new FetchOutcome.Failed(name, "key leaves the upstream folder: " + key);
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(into)) {
            long size = Limits.copy(in, out, maxBytes);
            return new FetchOutcome.Fetched(name, into, size, Optional.empty());
        } catch (NoSuchFileException e) {
            return new FetchOutcome.NotFound(name, 404, "not found: " + key);
        } catch (Limits.TooLargeException e) {
            return new FetchOutcome.Failed(name, e.getMessage());
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                return new FetchOutcome.NotFound(name, 404, "not found: " + key);
            }
            return new FetchOutcome.Failed(name, "reading " + file + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }
}
