package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code go env -w} and {@code go env -u} as cmd/go's {@code envcmd} does them: the checks of
 * {@code runEnvW}/{@code runEnvU}/{@code checkEnvWrite} with Go's messages, and
 * {@code updateEnvFile}'s rewrite of the file (update in place, append new keys, keep only the
 * last of duplicated keys, sort each run of KEY=VALUE lines). Pure: the caller reads and writes
 * the file.
 */
public final class EnvFileEditor {

    private EnvFileEditor() {}

    /** The variables Go 1.19 knows ({@code cfg.KnownEnv}). */
    static final Set<String> KNOWN_1_19 = Set.of("AR", "CC", "CGO_CFLAGS", "CGO_CFLAGS_ALLOW", "CGO_CFLAGS_DISALLOW",
            "CGO_CPPFLAGS", "CGO_CPPFLAGS_ALLOW", "CGO_CPPFLAGS_DISALLOW", "CGO_CXXFLAGS", "CGO_CXXFLAGS_ALLOW",
            "CGO_CXXFLAGS_DISALLOW", "CGO_ENABLED", "CGO_FFLAGS", "CGO_FFLAGS_ALLOW", "CGO_FFLAGS_DISALLOW",
            "CGO_LDFLAGS", "CGO_LDFLAGS_ALLOW", "CGO_LDFLAGS_DISALLOW", "CXX", "FC", "GCCGO", "GO111MODULE", "GO386",
            "GOAMD64", "GOARCH", "GOARM", "GOBIN", "GOCACHE", "GOENV", "GOEXE", "GOEXPERIMENT", "GOFLAGS",
            "GOGCCFLAGS", "GOHOSTARCH", "GOHOSTOS", "GOINSECURE", "GOMIPS", "GOMIPS64", "GOMODCACHE", "GONOPROXY",
            "GONOSUMDB", "GOOS", "GOPATH", "GOPPC64", "GOPRIVATE", "GOPROXY", "GOROOT", "GOSUMDB", "GOTMPDIR",
            "GOTOOLDIR", "GOVCS", "GOWASM", "GOWORK", "GO_EXTLINK_ENABLED", "PKG_CONFIG");

    /** Variables added to {@code cfg.KnownEnv} after 1.19, with the minor version that added them. */
    static final Map<String, Integer> ADDED = Map.of("GOTOOLCHAIN", 21, "GOCACHEPROG", 24, "GOFIPS140", 24,
            "GOARM64", 23, "GORISCV64", 23, "GOAUTH", 24);

    /**
     * What an edit does, or Go's reason for refusing it.
     *
     * @param content the new file content
     * @param warnings Go's warnings, printed even when the edit succeeds
     */
    public record Result(Optional<String> content, Optional<String> error, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * {@code go env -w args…}.
     *
     * @param current the file's content, empty when it does not exist
     * @param known keys already in the user file or go.env (Go 1.21+ accepts any key found there)
     * @param osEnv the process environment (for the conflict warning)
     */
    public static Result write(List<String> args, Optional<String> current, Set<String> known,
                               Map<String, String> osEnv, GoInstallation go, GoOs os) {
        List<String> warnings = new ArrayList<>();
        if (args.isEmpty()) {
            return refused("go: no KEY=VALUE arguments given", warnings);
        }
        Map<String, String> add = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                return refused("go: arguments must be KEY=VALUE: invalid argument: " + arg, warnings);
            }
            String key = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            Optional<String> problem = checkWrite(key, value, known, go, os);
            if (problem.isPresent()) {
                return refused("go: " + problem.get(), warnings);
            }
            if (add.containsKey(key)) {
                return refused("go: multiple values for key: " + key, warnings);
            }
            add.put(key, value);
            String osValue = osEnv.getOrDefault(key, "");
            if (!osValue.isEmpty() && !osValue.equals(value)) {
                warnings.add("warning: go env -w " + key + "=... does not override conflicting OS environment variable");
            }
        }
        String tmp = add.get("GOTMPDIR");
        if (tmp != null && !tmp.isEmpty() && !os.isAbs(tmp)) {
            return refused("go: GOTMPDIR must be an absolute path", warnings);
        }
        return new Result(Optional.of(update(current.orElse(""), add, Set.of())), Optional.empty(), warnings);
    }

    /** {@code go env -u keys…}; {@code current} empty means the file does not exist. */
    public static Result unset(List<String> keys, Optional<String> current, String file, Set<String> known,
                               GoInstallation go, GoOs os) {
        if (keys.isEmpty()) {
            return refused("go: 'go env -u' requires an argument", List.of());
        }
        Set<String> del = new LinkedHashSet<>();
        for (String key : keys) {
            Optional<String> problem = checkWrite(key, "", known, go, os);
            if (problem.isPresent()) {
                return refused("go: " + problem.get(), List.of());
            }
            del.add(key);
        }
        if (current.isEmpty()) {
            return refused("go: reading go env config: open " + file + ": no such file or directory", List.of());
        }
        return new Result(Optional.of(update(current.get(), Map.of(), del)), Optional.empty(), List.of());
    }

    private static Result refused(String error, List<String> warnings) {
        return new Result(Optional.empty(), Optional.of(error), warnings);
    }

    /** cmd/go's checkEnvWrite: Go's reason (without {@code go: }) for refusing KEY=VALUE. */
    public static Optional<String> checkWrite(String key, String value, Set<String> known, GoInstallation go, GoOs os) {
        Set<String> readOnly = new LinkedHashSet<>(List.of("GOEXE", "GOGCCFLAGS", "GOHOSTARCH", "GOHOSTOS", "GOMOD",
                "GOWORK", "GOTOOLDIR", "GOVERSION"));
        if (go.atLeast(23)) {
            readOnly.addAll(List.of("GOTELEMETRY", "GOTELEMETRYDIR"));
        }
        if (readOnly.contains(key)) {
            return Optional.of(key + " cannot be modified");
        }
        if (key.equals("GOENV") || key.equals("GODEBUG") && go.atLeast(21)) {
            return Optional.of(key + " can only be set using the OS environment");
        }
        // Go 1.21+ accepts any key already in the user file or go.env; Go 1.19 only its KnownEnv (observed).
        if (!(go.atLeast(21) && known.contains(key)) && !isKnown(key, go)) {
            return Optional.of("unknown go command variable " + key);
        }
        switch (key) {
            case "GO111MODULE" -> {
                if (!List.of("", "auto", "on", "off").contains(value)) {
                    return Optional.of("invalid " + key + " value " + GoQuote.quote(value));
                }
            }
            case "GOPATH" -> {
                if (value.startsWith("~")) {
                    return Optional.of("GOPATH entry cannot start with shell metacharacter '~': " + GoQuote.quote(value));
                }
                if (!os.isAbs(value) && !value.isEmpty()) {
                    return Optional.of("GOPATH entry is relative; must be absolute path: " + GoQuote.quote(value));
                }
            }
            case "GOMODCACHE" -> {
                if (!os.isAbs(value) && !value.isEmpty()) {
                    return Optional.of("GOMODCACHE entry is relative; must be absolute path: " + GoQuote.quote(value));
                }
            }
            case "CC", "CXX" -> {
                if (!value.isEmpty() && !os.isAbs(value) && value.contains(String.valueOf(os.separator()))) {
                    return Optional.of(key + " entry is relative; must be absolute path: " + GoQuote.quote(value));
                }
            }
            default -> { }
        }
        if (!validUtf8(value)) {
            return Optional.of("invalid UTF-8 in " + key + "=... value");
        }
        if (value.indexOf('\0') >= 0) {
            return Optional.of("invalid NUL in " + key + "=... value");
        }
        if (value.indexOf('\u000b') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return Optional.of("invalid newline in " + key + "=... value");
        }
        return Optional.empty();
    }

    /** Reports whether the key is in this Go version's {@code cfg.KnownEnv}. */
    public static boolean isKnown(String key, GoInstallation go) {
        return KNOWN_1_19.contains(key) || ADDED.containsKey(key) && go.atLeast(ADDED.get(key));
    }

    /** A Java string holds UTF-16; a lone surrogate is what invalid UTF-8 bytes become on the way in. */
    private static boolean validUtf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\uFFFD') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** cmd/go's updateEnvFile on the text of the file. */
    public static String update(String data, Map<String, String> add, Set<String> del) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < data.length()) {
            int nl = data.indexOf('\n', start);
            if (nl < 0) {
                lines.add(data.substring(start) + "\n");
                break;
            }
            lines.add(data.substring(start, nl + 1));
            start = nl + 1;
        }
        Map<String, Integer> prev = new HashMap<>();
        for (int l = 0; l < lines.size(); l++) {
            String key = lineToKey(lines.get(l));
            if (!key.isEmpty()) {
                Integer p = prev.get(key);
                if (p != null) {
                    lines.set(p, "");
                }
                prev.put(key, l);
            }
        }
        Map<String, String> remaining = new LinkedHashMap<>(add);
        for (Map.Entry<String, String> e : add.entrySet()) {
            Integer p = prev.get(e.getKey());
            if (p != null) {
                lines.set(p, e.getKey() + "=" + e.getValue() + "\n");
                remaining.remove(e.getKey());
            }
        }
        remaining.forEach((k, v) -> lines.add(k + "=" + v + "\n"));
        for (String key : del) {
            Integer p = prev.get(key);
            if (p != null) {
                lines.set(p, "");
            }
        }
        int runStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lineToKey(lines.get(i)).isEmpty()) {
                lines.subList(runStart, i).sort((a, b) -> compareBytes(lineToKey(a), lineToKey(b)));
                runStart = i + 1;
            }
        }
        return String.join("", lines);
    }

    /** cmd/go's lineToKey: text before the first '=', or "" when there is none or it holds a '#'. */
    static String lineToKey(String line) {
        int i = line.indexOf('=');
        if (i < 0 || line.substring(0, i).contains("#")) {
            return "";
        }
        return line.substring(0, i);
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
