package dev.goferry.gomod.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The go/env file format and location, as cmd/go's {@code cfg.readEnvFile} and
 * {@code cfg.EnvFile} define them: lines split on {@code \n}; a line counts only if it contains
 * {@code =} and starts with {@code A}–{@code Z}; the value is everything after the first
 * {@code =}, verbatim (no trimming, no quotes, no {@code \r} stripping); the last duplicate wins.
 */
public final class EnvFile {

    private EnvFile() {}

    /** {@return the settings of a user go/env file, in first-seen order, last duplicate winning} */
    public static Map<String, String> parse(String content) {
        return parse(content, false);
    }

    /**
     * {@return the settings of a {@code $GOROOT/go.env} file: there the first duplicate wins},
     * because cmd/go skips a go.env key it has already seen (observed with Go 1.24.4).
     */
    public static Map<String, String> parseGorootFile(String content) {
        return parse(content, true);
    }

    private static Map<String, String> parse(String content, boolean firstWins) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : content.split("\n", -1)) {
            if (line.isEmpty() || line.charAt(0) < 'A' || line.charAt(0) > 'Z') {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            if (firstWins) {
                values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            } else {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }

    /**
     * Where the user's go/env file is, or why there is none.
     *
     * @param path the file, when there is one
     * @param problem Go's reason when there is none ({@code GOENV=off}, no home folder, …)
     */
    public record Location(Optional<String> path, Optional<String> problem) {
        static Location of(String path) {
            return new Location(Optional.of(path), Optional.empty());
        }

        static Location none(String problem) {
            return new Location(Optional.empty(), Optional.of(problem));
        }
    }

    /**
     * Finds the go/env file: {@code $GOENV} if set ({@code off} means none), else the OS user
     * config folder + {@code /go/env}.
     *
     * @param goMinor the Go minor version (1.24 refuses a relative {@code $XDG_CONFIG_HOME})
     */
    public static Location locate(Map<String, String> env, GoOs os, int goMinor) {
        String goenv = env.getOrDefault("GOENV", "");
        if (!goenv.isEmpty()) {
            return goenv.equals("off") ? Location.none("GOENV=off") : Location.of(goenv);
        }
        String dir;
        switch (os) {
            case WINDOWS -> {
                dir = env.getOrDefault("AppData", env.getOrDefault("APPDATA", ""));
                if (dir.isEmpty()) {
                    return Location.none("%AppData% is not defined");
                }
            }
            case DARWIN -> {
                dir = env.getOrDefault("HOME", "");
                if (dir.isEmpty()) {
                    return Location.none("$HOME is not defined");
                }
                dir = dir + "/Library/Application Support";
            }
            default -> {
                dir = env.getOrDefault("XDG_CONFIG_HOME", "");
                if (dir.isEmpty()) {
                    dir = env.getOrDefault("HOME", "");
                    if (dir.isEmpty()) {
                        return Location.none("neither $XDG_CONFIG_HOME nor $HOME are defined");
                    }
                    dir = dir + "/.config";
                } else if (goMinor >= 24 && !os.isAbs(dir)) {
                    return Location.none("path in $XDG_CONFIG_HOME is relative");
                }
            }
        }
        return Location.of(os.join(dir, "go" + os.separator() + "env"));
    }
}
