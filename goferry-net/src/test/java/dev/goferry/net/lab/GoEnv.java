package dev.goferry.net.lab;

import dev.goferry.testkit.GoClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment for a real go run whose scratch folder JUnit deletes afterwards: the testkit's
 * hermetic base, a module cache that can be deleted ({@code -modcacherw}), and telemetry off.
 * Found here: Go 1.24 in its default "local" telemetry mode writes counter files under
 * HOME/.config/go/telemetry; once, JUnit then failed to delete the scratch folder ("directory not
 * empty"), most likely a telemetry child still writing there. With the mode file set to "off" no
 * telemetry files are written.
 */
public final class GoEnv {

    private GoEnv() {}

    /** {@return the base environment plus {@code GOFLAGS=-mod=mod -modcacherw} and GOSUMDB=off} */
    public static Map<String, String> of(GoClient go, Path scratch) {
        Map<String, String> env = new LinkedHashMap<>(go.baseEnvironment(scratch));
        try {
            Path mode = Files.createDirectories(Path.of(env.get("HOME"), ".config", "go", "telemetry"))
                    .resolve("mode");
            Files.writeString(mode, "off");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("GOFLAGS", "-mod=mod -modcacherw");
        env.put("GOSUMDB", "off");
        return env;
    }
}
