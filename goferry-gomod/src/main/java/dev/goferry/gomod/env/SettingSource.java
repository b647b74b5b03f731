package dev.goferry.gomod.env;

/**
 * Where the go command takes a setting's value from. The first four are Go's own precedence
 * (process environment, user go/env file, {@code $GOROOT/go.env}, built-in default); the others
 * say why a value is what it is when none of those sets it.
 */
public sealed interface SettingSource {

    /** The kind name used in goferry's JSON. */
    String kind();

    /** {@return the file the value came from, if any} */
    default java.util.Optional<String> path() {
        return java.util.Optional.empty();
    }

    /** The process environment (a non-empty value; an empty one falls through, as in Go). */
    record Environment() implements SettingSource {
        @Override
        public String kind() {
            return "environment";
        }
    }

    /** The user's go/env file, written by {@code go env -w} (a present key masks go.env even when empty). */
    record UserFile(String file) implements SettingSource {
        @Override
        public String kind() {
            return "userFile";
        }

        @Override
        public java.util.Optional<String> path() {
            return java.util.Optional.of(file);
        }
    }

    /** {@code $GOROOT/go.env} (Go 1.21 and newer). */
    record GorootFile(String file) implements SettingSource {
        @Override
        public String kind() {
            return "gorootFile";
        }

        @Override
        public java.util.Optional<String> path() {
            return java.util.Optional.of(file);
        }
    }

    /**
     * The go command's built-in default.
     *
     * @param goVersion the Go version whose default it is
     * @param assumed true when no Go was found and goferry assumed that version
     */
    record Default(String goVersion, boolean assumed) implements SettingSource {
        @Override
        public String kind() {
            return "default";
        }
    }

    /** Unset, so it takes the value of another setting (GONOPROXY and GONOSUMDB from GOPRIVATE, GOMODCACHE from GOPATH). */
    record Derived(String fromKey) implements SettingSource {
        @Override
        public String kind() {
            return "derived";
        }
    }

    /** Found from the go binary on PATH (GOROOT). */
    record Discovered(String binary) implements SettingSource {
        @Override
        public String kind() {
            return "discovered";
        }

        @Override
        public java.util.Optional<String> path() {
            return java.util.Optional.of(binary);
        }
    }

    /** The Go version in use does not have this setting; the go command reports it empty. */
    record NotInThisVersion(String goVersion) implements SettingSource {
        @Override
        public String kind() {
            return "notInThisVersion";
        }
    }
}
