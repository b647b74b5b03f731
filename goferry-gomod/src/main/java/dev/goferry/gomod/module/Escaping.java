package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;

/**
 * The case encoding of module paths and versions in proxy URLs and module cache folders.
 *
 * <p>Module paths may contain upper-case letters but are served from case-insensitive file
 * systems, so every upper-case ASCII letter is written as {@code !} plus its lower-case form:
 * {@code github.com/Azure/sdk} becomes {@code github.com/!azure/sdk}. Since a valid path never
 * contains {@code !}, the encoding is reversible; an escaped string with an upper-case letter, a
 * {@code !} not followed by a lower-case letter, or a non-ASCII character is malformed. Because
 * every path is checked on the way in and on the way out, a decoded path can never hold
 * {@code ..}, a leading {@code /} or any other way out of a directory tree.
 */
public final class Escaping {

    private Escaping() {}

    /**
     * Returns the escaped form of a module path.
     *
     * @throws ModException with an {@link InvalidPathError} if the path is not a valid module path
     */
    public static String escapePath(String path) {
        ModulePaths.checkPath(path).ifPresent(e -> {
            throw e.toException();
        });
        return escapeString(path);
    }

    /**
     * Returns the escaped form of a version (or any query like {@code master}).
     *
     * @throws ModException with an {@link InvalidVersionError} ("disallowed version string") if
     *     the version is not a single valid file-name element or contains {@code !}
     */
    public static String escapeVersion(String v) {
        if (ModulePaths.checkElem(v, ModulePaths.Kind.FILE).isPresent() || v.contains("!")) {
            throw new InvalidVersionError(v, false, ModError.reason("disallowed version string")).toException();
        }
        return escapeString(v);
    }

    /**
     * Returns the module path an escaped path stands for.
     *
     * @throws ModException ({@code invalid escaped module path "<escaped>"[: <why>]}) if it is
     *     not a well-formed escape or does not decode to a valid module path
     */
    public static String unescapePath(String escaped) {
        String path = unescapeString(escaped);
        if (path == null) {
            throw ModError.reason("invalid escaped module path " + GoQuote.quote(escaped)).toException();
        }
        ModulePaths.checkPath(path).ifPresent(e -> {
            throw ModError.reason("invalid escaped module path " + GoQuote.quote(escaped) + ": " + e.message()).toException();
        });
        return path;
    }

    /**
     * Returns the version an escaped version stands for.
     *
     * @throws ModException ({@code invalid escaped version "<v>"[: <why>]}) if malformed
     */
    public static String unescapeVersion(String escaped) {
        String v = unescapeString(escaped);
        if (v == null) {
            throw ModError.reason("invalid escaped version " + GoQuote.quote(escaped)).toException();
        }
        ModulePaths.checkElem(v, ModulePaths.Kind.FILE).ifPresent(e -> {
            throw ModError.reason("invalid escaped version " + GoQuote.quote(v) + ": " + e.message()).toException();
        });
        return v;
    }

    private static String escapeString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '!' || c >= 0x80) {
                throw ModError.reason("internal error: inconsistency in EscapePath").toException();
            }
            if ('A' <= c && c <= 'Z') {
                b.append('!').append((char) (c + ('a' - 'A')));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Decodes {@code !x} to {@code X}; null when the input is not a well-formed escape. */
    private static String unescapeString(String escaped) {
        StringBuilder b = new StringBuilder(escaped.length());
        boolean bang = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (bang) {
                bang = false;
                if (c < 'a' || 'z' < c) {
                    return null;
                }
                b.append((char) (c - ('a' - 'A')));
                continue;
            }
            if (c == '!') {
                bang = true;
                continue;
            }
            if ('A' <= c && c <= 'Z') {
                return null;
            }
            b.append(c);
        }
        return bang ? null : b.toString();
    }
}
