package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;
import dev.goferry.gomod.semver.Semver;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validity of module paths, import paths and file paths, and how a module path's major-version
 * suffix must agree with a version (x/mod {@code CheckPath}, {@code CheckImportPath},
 * {@code CheckFilePath}, {@code SplitPathVersion}, {@code CheckPathMajor}, {@code Check}).
 *
 * <p>Each check returns the error it found, or empty when the input is valid. The rules are
 * stricter than any one file system needs because a module must unpack identically on every
 * system Go supports: no Windows reserved names, no {@code ~1} short names in module paths, no
 * names differing only in case (checked by the zip rules).
 */
public final class ModulePaths {

    private ModulePaths() {}

    /** The three kinds of path x/mod distinguishes; each allows a different character set. */
    enum Kind {
        MODULE, IMPORT, FILE
    }

    private static final List<String> BAD_WINDOWS_NAMES = List.of(
            "CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    /**
     * Checks that a module path is valid: the import-path rules restricted to ASCII letters,
     * digits and {@code -._~}; a lower-case first element that contains a dot and does not start
     * with a dash; and a well-formed major-version suffix if any.
     */
    public static Optional<ModError> checkPath(String path) {
        return checkModulePathReason(path).map(why -> new InvalidPathError("module", path, why));
    }

    private static Optional<ModError> checkModulePathReason(String path) {
        Optional<ModError> err = check(path, Kind.MODULE);
        if (err.isPresent()) {
            return err;
        }
        int i = path.indexOf('/');
        if (i < 0) {
            i = path.length();
        }
        if (i == 0) {
            return Optional.of(ModError.reason("leading slash"));
        }
        String first = path.substring(0, i);
        if (!first.contains(".")) {
            return Optional.of(ModError.reason("missing dot in first path element"));
        }
        if (path.charAt(0) == '-') {
            return Optional.of(ModError.reason("leading dash in first path element"));
        }
        for (int k = 0; k < first.length(); k++) {
            char r = first.charAt(k);
            if (!(r == '-' || r == '.' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z')) {
                return Optional.of(ModError.reason("invalid char " + GoQuote.quoteRune(r) + " in first path element"));
            }
        }
        if (!splitPathVersion(path).ok()) {
            return Optional.of(ModError.reason("invalid version"));
        }
        return Optional.empty();
    }

    /**
     * Checks that an import path is valid: slash-separated non-empty elements of ASCII letters,
     * digits and {@code -._~+}, no leading dash, no element that is all dots or ends in a dot,
     * no Windows reserved name, no {@code ~digits} short-name suffix. (As in Go, an element may
     * start with a dot here; only module paths forbid that.)
     */
    public static Optional<ModError> checkImportPath(String path) {
        return check(path, Kind.IMPORT).map(why -> new InvalidPathError("import", path, why));
    }

    /**
     * Checks that a slash-separated file path (relative to a module root) is valid: non-empty
     * elements, not all dots, no trailing dot, letters (any script), digits, space and
     * {@code !#$%&()+,-.=@[]^_{}~}, no Windows reserved name. Unlike module paths, a leading dash
     * or dot is fine ({@code .gitignore}).
     */
    public static Optional<ModError> checkFilePath(String path) {
        return check(path, Kind.FILE).map(why -> new InvalidPathError("file", path, why));
    }

    /**
     * Checks that {@code version} is a valid semantic version whose major version agrees with
     * the suffix of {@code path} (x/mod {@code module.Check}).
     */
    public static Optional<ModError> check(String path, String version) {
        Optional<ModError> err = checkPath(path);
        if (err.isPresent()) {
            return err;
        }
        if (!Semver.isValid(version)) {
            return Optional.of(new ModuleError(path, "",
                    new InvalidVersionError(version, false, ModError.reason("not a semantic version"))));
        }
        return checkPathMajor(version, splitPathVersion(path).pathMajor())
                .map(e -> new ModuleError(path, "", e));
    }

    /** Reports whether {@code path} passes {@link #checkPath}. */
    public static boolean isValidPath(String path) {
        return checkPath(path).isEmpty();
    }

    /**
     * Splits a module path into prefix and major-version suffix. {@code x.y/z/v2} gives
     * ({@code x.y/z}, {@code /v2}); {@code gopkg.in/yaml.v2} gives ({@code gopkg.in/yaml},
     * {@code .v2}). A path ending in {@code /v0}, {@code /v1}, {@code /v02} or {@code /v2.0} is not
     * ok; a gopkg.in path must end in {@code .vN}.
     */
    public static PathMajor splitPathVersion(String path) {
        if (path.startsWith("gopkg.in/")) {
            return splitGopkgIn(path);
        }
        int i = path.length();
        boolean dot = false;
        while (i > 0 && (isDigit(path.charAt(i - 1)) || path.charAt(i - 1) == '.')) {
            if (path.charAt(i - 1) == '.') {
                dot = true;
            }
            i--;
        }
        if (i <= 1 || i == path.length() || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '/') {
            return new PathMajor(path, "", true);
        }
        String prefix = path.substring(0, i - 2);
        String pathMajor = path.substring(i - 2);
        if (dot || pathMajor.length() <= 2 || pathMajor.charAt(2) == '0' || pathMajor.equals("/v1")) {
            return new PathMajor(path, "", false);
        }
        return new PathMajor(prefix, pathMajor, true);
    }

    private static PathMajor splitGopkgIn(String path) {
        int i = path.length();
        if (path.endsWith("-unstable")) {
            i -= "-unstable".length();
        }
        while (i > 0 && isDigit(path.charAt(i - 1))) {
            i--;
        }
        if (i <= 1 || path.charAt(i - 1) != 'v' || path.charAt(i - 2) != '.') {
            return new PathMajor(path, "", false);
        }
        String prefix = path.substring(0, i - 2);
        String pathMajor = path.substring(i - 2);
        if (pathMajor.length() <= 2 || pathMajor.charAt(2) == '0' && !pathMajor.equals(".v0")) {
            return new PathMajor(path, "", false);
        }
        return new PathMajor(prefix, pathMajor, true);
    }

    /**
     * Checks that version {@code v} may be used with a path whose major-version suffix is
     * {@code pathMajor}: "" accepts v0, v1 and any {@code +incompatible} version; {@code /vN} and
     * {@code .vN} require major vN; {@code .v1} also accepts {@code v0.0.0-} pseudo-versions
     * (early vgo wrote those for gopkg.in paths). The error reads {@code should be v0 or v1, not v2}.
     */
    public static Optional<ModError> checkPathMajor(String v, String pathMajor) {
        if (pathMajor.startsWith(".v") && pathMajor.endsWith("-unstable")) {
            pathMajor = pathMajor.substring(0, pathMajor.length() - "-unstable".length());
        }
        if (v.startsWith("v0.0.0-") && pathMajor.equals(".v1")) {
            return Optional.empty();
        }
        String m = Semver.major(v);
        String want = pathMajor;
        if (pathMajor.isEmpty()) {
            if (m.equals("v0") || m.equals("v1") || Semver.build(v).equals("+incompatible")) {
                return Optional.empty();
            }
            want = "v0 or v1";
        } else if (pathMajor.charAt(0) == '/' || pathMajor.charAt(0) == '.') {
            if (m.equals(pathMajor.substring(1))) {
                return Optional.empty();
            }
            want = pathMajor.substring(1);
        }
        return Optional.of(new InvalidVersionError(v, false, ModError.reason("should be " + want + ", not " + m)));
    }

    /** Reports whether {@code v} is allowed with the major-version suffix {@code pathMajor}. */
    public static boolean matchPathMajor(String v, String pathMajor) {
        return checkPathMajor(v, pathMajor).isEmpty();
    }

    /**
     * Returns the major version a suffix requires: "v2" for {@code /v2}, "v1" for
     * {@code .v1-unstable}, "" for "".
     *
     * @throws IllegalArgumentException if {@code pathMajor} is not a suffix {@link #splitPathVersion} returns
     */
    public static String pathMajorPrefix(String pathMajor) {
        if (pathMajor.isEmpty()) {
            return "";
        }
        if (pathMajor.charAt(0) != '/' && pathMajor.charAt(0) != '.') {
            throw new IllegalArgumentException("pathMajor suffix " + pathMajor + " lacks separator");
        }
        if (pathMajor.startsWith(".v") && pathMajor.endsWith("-unstable")) {
            pathMajor = pathMajor.substring(0, pathMajor.length() - "-unstable".length());
        }
        String m = pathMajor.substring(1);
        if (!m.equals(Semver.major(m))) {
            throw new IllegalArgumentException("pathMajor suffix " + pathMajor + " is not a valid major version");
        }
        return m;
    }

    /**
     * Returns the canonical form of a module version: {@link Semver#canonical} but keeping a
     * {@code +incompatible} suffix ({@code v2.0.0+incompatible} stays as it is). A version is
     * canonical, as proxies, zips and go.sum require, when this returns it unchanged.
     */
    public static String canonicalVersion(String v) {
        String cv = Semver.canonical(v);
        if (Semver.build(v).equals("+incompatible")) {
            cv += "+incompatible";
        }
        return cv;
    }

    // ---- shared element rules (also used by Escaping for versions) ----

    static Optional<ModError> check(String path, Kind kind) {
        if (!isValidUtf16(path)) {
            return Optional.of(ModError.reason("invalid UTF-8"));
        }
        if (path.isEmpty()) {
            return Optional.of(ModError.reason("empty string"));
        }
        if (path.charAt(0) == '-' && kind != Kind.FILE) {
            return Optional.of(ModError.reason("leading dash"));
        }
        if (path.contains("//")) {
            return Optional.of(ModError.reason("double slash"));
        }
        if (path.charAt(path.length() - 1) == '/') {
            return Optional.of(ModError.reason("trailing slash"));
        }
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                Optional<ModError> err = checkElem(path.substring(start, i), kind);
                if (err.isPresent()) {
                    return err;
                }
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    static Optional<ModError> checkElem(String elem, Kind kind) {
        if (elem.isEmpty()) {
            return Optional.of(ModError.reason("empty path element"));
        }
        if (elem.chars().allMatch(c -> c == '.')) {
            return Optional.of(ModError.reason("invalid path element " + GoQuote.quote(elem)));
        }
        if (elem.charAt(0) == '.' && kind == Kind.MODULE) {
            return Optional.of(ModError.reason("leading dot in path element"));
        }
        if (elem.charAt(elem.length() - 1) == '.') {
            return Optional.of(ModError.reason("trailing dot in path element"));
        }
        for (int i = 0; i < elem.length(); ) {
            int r = elem.codePointAt(i);
            boolean ok = switch (kind) {
                case MODULE -> modPathOK(r);
                case IMPORT -> modPathOK(r) || r == '+';
                case FILE -> fileNameOK(r);
            };
            if (!ok) {
                return Optional.of(ModError.reason("invalid char " + GoQuote.quoteRune(r)));
            }
            i += Character.charCount(r);
        }
        String shortName = elem;
        int dot = shortName.indexOf('.');
        if (dot >= 0) {
            shortName = shortName.substring(0, dot);
        }
        for (String bad : BAD_WINDOWS_NAMES) {
            if (bad.equalsIgnoreCase(shortName) && isAscii(shortName)) {
                return Optional.of(ModError.reason(GoQuote.quote(shortName) + " disallowed as path element component on Windows"));
            }
        }
        if (kind == Kind.FILE) {
            return Optional.empty();
        }
        int tilde = shortName.lastIndexOf('~');
        if (tilde >= 0 && tilde < shortName.length() - 1) {
            String suffix = shortName.substring(tilde + 1);
            if (suffix.chars().allMatch(c -> '0' <= c && c <= '9')) {
                return Optional.of(ModError.reason("trailing tilde and digits in path element"));
            }
        }
        return Optional.empty();
    }

    private static boolean modPathOK(int r) {
        return r == '-' || r == '.' || r == '_' || r == '~'
                || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z';
    }

    private static boolean fileNameOK(int r) {
        if (r < 0x80) {
            if ('0' <= r && r <= '9' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z') {
                return true;
            }
            return "!#$%&()+,-.=@[]^_{}~ ".indexOf(r) >= 0;
        }
        return Character.isLetter(r);
    }

    private static boolean isDigit(char c) {
        return '0' <= c && c <= '9';
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** A Java string is valid UTF-8 when encoded exactly when it has no unpaired surrogate. */
    static boolean isValidUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
