package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoPath;

/** The operating systems whose user-config folder rules goferry knows (Go's {@code os.UserConfigDir}). */
public enum GoOs {
    LINUX, DARWIN, WINDOWS;

    /** {@return the OS goferry runs on} (anything not macOS or Windows follows the Unix rules) */
    public static GoOs current() {
        String name = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? DARWIN : LINUX;
    }

    /** {@return the GOPATH list separator, as {@code filepath.ListSeparator}} */
    public char listSeparator() {
        return this == WINDOWS ? ';' : ':';
    }

    /** {@return the path separator, as {@code filepath.Separator}} */
    public char separator() {
        return this == WINDOWS ? '\\' : '/';
    }

    /** {@return the name of the go binary on PATH} */
    public String goBinaryName() {
        return this == WINDOWS ? "go.exe" : "go";
    }

    /** {@code filepath.IsAbs} for this OS. */
    public boolean isAbs(String path) {
        if (this != WINDOWS) {
            return path.startsWith("/");
        }
        if (path.startsWith("\\\\") || path.startsWith("//")) {
            return true;
        }
        return path.length() >= 3 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':'
                && (path.charAt(2) == '\\' || path.charAt(2) == '/');
    }

    /** {@code filepath.Join} of two non-empty parts (with a clean of the result, as Go does). */
    public String join(String dir, String child) {
        String joined = dir.endsWith(String.valueOf(separator())) ? dir + child : dir + separator() + child;
        return this == WINDOWS ? joined : GoPath.clean(joined);
    }
}
