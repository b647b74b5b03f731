package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The go command's network-relevant settings, computed from the same sources and with the same
 * precedence as cmd/go ({@code cfg.Getenv}): a non-empty process environment value, else the
 * user go/env file (a key present there masks go.env even when empty), else
 * {@code $GOROOT/go.env} (Go 1.21+), else the built-in default of the Go version in use.
 * No go command needs to be installed; when none is found the latest Go's defaults are assumed
 * and every default says so.
 *
 * @param go the Go whose rules applied
 * @param envFile the user go/env file location (or why there is none)
 * @param settings the settings, in {@link #KEYS} order
 */
public record GoSettings(GoInstallation go, EnvFile.Location envFile, List<Setting> settings) {

    /** The settings goferry models, in the order it shows them. */
    public static final List<String> KEYS = List.of("GOPROXY", "GONOPROXY", "GOPRIVATE", "GONOSUMDB", "GOSUMDB",
            "GOINSECURE", "GOVCS", "GOFLAGS", "GOTOOLCHAIN", "GOAUTH", "GOENV", "GOROOT", "GOPATH", "GOMODCACHE");

    /** The standard go.env of Go 1.21+, used when no Go is found. */
    static final Map<String, String> STANDARD_GO_ENV = Map.of(
            "GOPROXY", "https://proxy.golang.org,direct", "GOSUMDB", "sum.golang.org", "GOTOOLCHAIN", "auto");

    public GoSettings {
        settings = List.copyOf(settings);
    }

    /** {@return the setting for key} (one of {@link #KEYS}) */
    public Setting get(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a modelled setting: " + key));
    }

    /** {@return the effective value of key} */
    public String value(String key) {
        return get(key).value();
    }

    /**
     * Computes the settings for a process environment.
     *
     * @param env the process environment the go command would run in
     * @param os whose file-system rules apply
     * @param files how to read local files
     */
    public static GoSettings resolve(Map<String, String> env, GoOs os, LocalFiles files) {
        return new Resolver(env, os, files).resolve();
    }

    /** One resolution; holds the sources while the settings are computed. */
    private static final class Resolver {
        private final Map<String, String> env;
        private final GoOs os;
        private final LocalFiles files;
        private Map<String, String> user = Map.of();
        private Map<String, String> gorootEnv = Map.of();
        private Optional<String> gorootFile = Optional.empty();
        private boolean standardGoEnvAssumed;
        private EnvFile.Location location;

        Resolver(Map<String, String> env, GoOs os, LocalFiles files) {
            this.env = env;
            this.os = os;
            this.files = files;
        }

        GoSettings resolve() {
            // The file location depends on the Go version only through a 1.24 rule about a
            // relative XDG_CONFIG_HOME, and the version depends on GOROOT, which a user file may
            // set: find a first GOROOT from the environment alone, then settle the rest.
            Discovery first = discoverGoroot(Optional.empty());
            GoInstallation firstGo = installation(first);
            location = EnvFile.locate(env, os, firstGo.minor());
            location.path().flatMap(files::read).ifPresent(content -> user = EnvFile.parse(content));
            // Go finds go.env through the user file's GOROOT first, then the environment's.
            Discovery discovery = discoverGoroot(Optional.ofNullable(user.get("GOROOT")).filter(s -> !s.isEmpty()));
            GoInstallation go = installation(discovery);
            if (go.atLeast(21)) {
                if (discovery.goroot().isPresent()) {
                    String file = os.join(discovery.goroot().get(), "go.env");
                    files.read(file).ifPresent(content -> {
                        gorootEnv = EnvFile.parseGorootFile(content);
                        gorootFile = Optional.of(file);
                    });
                } else {
                    gorootEnv = STANDARD_GO_ENV;
                    standardGoEnvAssumed = true;
                }
            }
            Map<String, Setting> out = new LinkedHashMap<>();
            SettingSource builtIn = new SettingSource.Default(go.version(), go.assumed());
            boolean old = !go.atLeast(21);
            put(out, getOr("GOPROXY", go, new Setting("GOPROXY", old ? "https://proxy.golang.org,direct" : "", builtIn)));
            Setting goprivate = getOr("GOPRIVATE", go, new Setting("GOPRIVATE", "", builtIn));
            put(out, getOr("GONOPROXY", go, derived("GONOPROXY", goprivate)));
            put(out, goprivate);
            put(out, getOr("GONOSUMDB", go, derived("GONOSUMDB", goprivate)));
            put(out, getOr("GOSUMDB", go, new Setting("GOSUMDB", old ? "sum.golang.org" : "", builtIn)));
            for (String key : List.of("GOINSECURE", "GOVCS", "GOFLAGS")) {
                put(out, getOr(key, go, new Setting(key, "", builtIn)));
            }
            put(out, go.atLeast(21)
                    ? getOr("GOTOOLCHAIN", go, new Setting("GOTOOLCHAIN", "", builtIn))
                    : new Setting("GOTOOLCHAIN", "", new SettingSource.NotInThisVersion(go.version())));
            put(out, go.atLeast(24)
                    ? getOr("GOAUTH", go, new Setting("GOAUTH", "netrc", builtIn))
                    : new Setting("GOAUTH", "", new SettingSource.NotInThisVersion(go.version())));
            put(out, goenvSetting(go));
            put(out, gorootSetting(go));
            Setting gopath = getOr("GOPATH", go, defaultGopath(go, builtIn));
            put(out, gopath);
            String firstGopath = gopath.value().isEmpty() ? "" : gopath.value().split(
                    java.util.regex.Pattern.quote(String.valueOf(os.listSeparator())), -1)[0];
            put(out, getOr("GOMODCACHE", go, new Setting("GOMODCACHE",
                    firstGopath.isEmpty() ? "" : os.join(firstGopath, "pkg" + os.separator() + "mod"),
                    new SettingSource.Derived("GOPATH"))));
            return new GoSettings(go, location, List.copyOf(out.values()));
        }

        private static void put(Map<String, Setting> out, Setting s) {
            out.put(s.key(), s);
        }

        private static Setting derived(String key, Setting from) {
            return new Setting(key, from.value(), new SettingSource.Derived(from.key()));
        }

        /**
         * cfg.envOr / EnvOrAndChanged: the cfg.Getenv value, or the default when that value is
         * empty (an empty user-file line still masks go.env, and a non-empty default then wins;
         * with an empty default the user file stays the source, since it is what hid go.env).
         */
        private Setting getOr(String key, GoInstallation go, Setting fallback) {
            Optional<Setting> found = lookup(key, go);
            if (found.isEmpty() || found.get().value().isEmpty() && !fallback.value().isEmpty()) {
                return fallback;
            }
            return found.get();
        }

        /** cfg.Getenv: non-empty environment, else user file, else go.env. */
        private Optional<Setting> lookup(String key, GoInstallation go) {
            String fromEnv = env.getOrDefault(key, "");
            if (!fromEnv.isEmpty()) {
                return Optional.of(new Setting(key, fromEnv, new SettingSource.Environment()));
            }
            String file = envFilePath();
            if (user.containsKey(key)) {
                return Optional.of(new Setting(key, user.get(key), new SettingSource.UserFile(file)));
            }
            if (gorootEnv.containsKey(key)) {
                SettingSource source = standardGoEnvAssumed
                        ? new SettingSource.Default(go.version(), true)
                        : new SettingSource.GorootFile(gorootFile.orElseThrow());
                return Optional.of(new Setting(key, gorootEnv.get(key), source));
            }
            return Optional.empty();
        }

        private String envFilePath() {
            return location.path().orElse("");
        }

        private Setting goenvSetting(GoInstallation go) {
            String value = location.path().orElse("");
            SettingSource source = env.getOrDefault("GOENV", "").isEmpty()
                    ? new SettingSource.Default(go.version(), go.assumed())
                    : new SettingSource.Environment();
            return new Setting("GOENV", value, source);
        }

        private Setting gorootSetting(GoInstallation go) {
            String fromEnv = env.getOrDefault("GOROOT", "");
            if (!fromEnv.isEmpty()) {
                return new Setting("GOROOT", clean(fromEnv), new SettingSource.Environment());
            }
            String fromUser = user.getOrDefault("GOROOT", "");
            if (!fromUser.isEmpty()) {
                return new Setting("GOROOT", clean(fromUser), new SettingSource.UserFile(envFilePath()));
            }
            Discovery d = discoverGoroot(Optional.empty());
            return d.goroot().map(root -> new Setting("GOROOT", root, new SettingSource.Discovered(d.binary().orElse(""))))
                    .orElseGet(() -> new Setting("GOROOT", "", new SettingSource.Default(go.version(), go.assumed())));
        }

        private Setting defaultGopath(GoInstallation go, SettingSource builtIn) {
            String home = os == GoOs.WINDOWS ? env.getOrDefault("USERPROFILE", "") : env.getOrDefault("HOME", "");
            if (home.isEmpty()) {
                return new Setting("GOPATH", "", builtIn);
            }
            String def = os.join(home, "go");
            if (go.goroot().map(r -> r.equals(def)).orElse(false)) {
                return new Setting("GOPATH", "", builtIn);
            }
            return new Setting("GOPATH", def, builtIn);
        }

        private String clean(String path) {
            return os == GoOs.WINDOWS ? path : GoPath.clean(path);
        }

        /** A GOROOT and, when found from PATH, the go binary it came from. */
        private record Discovery(Optional<String> goroot, Optional<String> binary) {}

        private Discovery discoverGoroot(Optional<String> fromUserFile) {
            Optional<String> given = fromUserFile.or(() -> Optional.of(env.getOrDefault("GOROOT", ""))
                    .filter(s -> !s.isEmpty()));
            if (given.isPresent()) {
                return new Discovery(given.map(this::clean), Optional.empty());
            }
            String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
            for (String dir : path.split(java.util.regex.Pattern.quote(String.valueOf(os.listSeparator())))) {
                if (dir.isEmpty()) {
                    continue;
                }
                String binary = os.join(dir, os.goBinaryName());
                if (!files.isExecutable(binary)) {
                    continue;
                }
                String direct = parentOfParent(binary);
                if (isGoroot(direct)) {
                    return new Discovery(Optional.of(direct), Optional.of(binary));
                }
                Optional<String> real = files.realPath(binary);
                if (real.isPresent() && isGoroot(parentOfParent(real.get()))) {
                    return new Discovery(Optional.of(parentOfParent(real.get())), Optional.of(binary));
                }
                // A go on PATH outside any GOROOT (a wrapper script): keep looking, as a user would expect.
            }
            return new Discovery(Optional.empty(), Optional.empty());
        }

        private String parentOfParent(String binary) {
            String sep = String.valueOf(os.separator());
            String dir = binary.substring(0, Math.max(0, binary.lastIndexOf(sep)));
            String parent = dir.substring(0, Math.max(0, dir.lastIndexOf(sep)));
            return parent.isEmpty() ? sep : parent;
        }

        /** Go's isGOROOT: {@code $dir/pkg/tool} exists. */
        private boolean isGoroot(String dir) {
            return files.isDirectory(os.join(dir, "pkg" + os.separator() + "tool"));
        }

        private GoInstallation installation(Discovery discovery) {
            if (discovery.goroot().isEmpty()) {
                return new GoInstallation(GoInstallation.LATEST, Optional.empty(), true);
            }
            String root = discovery.goroot().get();
            Optional<String> version = files.read(os.join(root, "VERSION"))
                    .map(v -> v.split("\n", 2)[0].trim())
                    .filter(v -> GoInstallation.minorOf(v).isPresent());
            return version.map(v -> new GoInstallation(v, Optional.of(root), false))
                    .orElseGet(() -> new GoInstallation(GoInstallation.LATEST, Optional.of(root), true));
        }
    }
}
