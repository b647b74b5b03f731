package dev.goferry.gomod.module;

import dev.goferry.gomod.gostd.GoQuote;
import dev.goferry.gomod.semver.Semver;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Pseudo-versions: the versions the go command makes up for untagged commits (x/mod
 * {@code module/pseudo.go}). They come in three forms, each optionally followed by build
 * metadata such as {@code +incompatible}:
 * <ol>
 *   <li>{@code vX.0.0-yyyymmddhhmmss-abcdefabcdef} when no earlier version is known;
 *   <li>{@code vX.Y.(Z+1)-0.yyyymmddhhmmss-abcdefabcdef} after release {@code vX.Y.Z};
 *   <li>{@code vX.Y.Z-pre.0.yyyymmddhhmmss-abcdefabcdef} after prerelease {@code vX.Y.Z-pre}.
 * </ol>
 * Each sorts after its base version and before the next tag, which is why the patch is bumped
 * in form 2 and {@code .0} appended in form 3. The time is the commit time in UTC, the revision
 * the 12-digit short commit hash.
 */
public final class PseudoVersions {

    private PseudoVersions() {}

    private static final Pattern PSEUDO = Pattern.compile(
            "^v[0-9]+\\.(0\\.0-|\\d+\\.\\d+-([^+]*\\.)?0\\.)\\d{14}-[A-Za-z0-9]+(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$");

    /** Go's layout {@code 20060102150405}, always UTC. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private static final ModError SYNTAX = ModError.reason("syntax error");

    /** The parts of a pseudo-version: base, timestamp, revision and build suffix. */
    private record Parts(String base, String timestamp, String rev, String build) {}

    /**
     * Returns the pseudo-version for revision {@code rev} committed at {@code t} whose nearest
     * earlier tag is {@code older} ("" for none) in major version {@code major} ("" means v0).
     * Build metadata of {@code older} is carried over, so {@code +incompatible} survives.
     */
    public static String pseudoVersion(String major, String older, Instant t, String rev) {
        if (major.isEmpty()) {
            major = "v0";
        }
        String segment = TIMESTAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC)) + "-" + rev;
        String build = Semver.build(older);
        older = Semver.canonical(older);
        if (older.isEmpty()) {
            return major + ".0.0-" + segment;
        }
        if (!Semver.prerelease(older).isEmpty()) {
            return older + ".0." + segment + build;
        }
        int i = older.lastIndexOf('.') + 1;
        return older.substring(0, i) + incDecimal(older.substring(i)) + "-0." + segment + build;
    }

    /** {@return the pseudo-version Go uses for "no version" in a major: {@code v0.0.0-00010101000000-000000000000}} */
    public static String zeroPseudoVersion(String major) {
        return pseudoVersion(major, "", LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC), "000000000000");
    }

    /** Reports whether {@code v} is a pseudo-version. */
    public static boolean isPseudoVersion(String v) {
        return v.chars().filter(c -> c == '-').count() >= 2 && Semver.isValid(v) && PSEUDO.matcher(v).matches();
    }

    /** Reports whether {@code v} is the {@link #zeroPseudoVersion} of its major version. */
    public static boolean isZeroPseudoVersion(String v) {
        return v.equals(zeroPseudoVersion(Semver.major(v)));
    }

    /**
     * Returns the commit time recorded in a pseudo-version.
     *
     * @throws ModException with an {@link InvalidVersionError} if {@code v} is not a pseudo-version
     *     or its timestamp is not a real time
     */
    public static Instant pseudoVersionTime(String v) {
        Parts p = parse(v);
        try {
            return LocalDateTime.parse(p.timestamp(), TIMESTAMP.withResolverStyle(java.time.format.ResolverStyle.STRICT))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidVersionError(v, true, ModError.reason("malformed time " + GoQuote.quote(p.timestamp())))
                    .toException();
        }
    }

    /**
     * Returns the revision identifier (short commit hash) of a pseudo-version.
     *
     * @throws ModException if {@code v} is not a pseudo-version
     */
    public static String pseudoVersionRev(String v) {
        return parse(v).rev();
    }

    /**
     * Returns the tagged version a pseudo-version was derived from, with its build metadata, or
     * "" for form 1 (no earlier tag). {@code v1.2.4-0.20191109021931-daa7c04131f5} gives
     * {@code v1.2.3}; {@code v1.2.3-pre.0.20191109021931-daa7c04131f5} gives {@code v1.2.3-pre}.
     *
     * @throws ModException if {@code v} is not a pseudo-version, is form 1 with build metadata,
     *     or is {@code vX.Y.0-0.…} (no patch number before 0)
     */
    public static String pseudoVersionBase(String v) {
        Parts p = parse(v);
        String base = p.base();
        String pre = Semver.prerelease(base);
        if (pre.isEmpty()) {
            if (!p.build().isEmpty()) {
                throw new InvalidVersionError(v, true,
                        ModError.reason("lacks base version, but has build metadata " + GoQuote.quote(p.build()))).toException();
            }
            return "";
        }
        if (pre.equals("-0")) {
            base = base.substring(0, base.length() - pre.length());
            int i = base.lastIndexOf('.');
            String patch = decDecimal(base.substring(i + 1));
            if (patch.isEmpty()) {
                throw new InvalidVersionError(v, true,
                        ModError.reason("version before " + base + " would have negative patch number")).toException();
            }
            return base.substring(0, i + 1) + patch + p.build();
        }
        return base.substring(0, base.length() - ".0".length()) + p.build();
    }

    private static Parts parse(String v) {
        if (!isPseudoVersion(v)) {
            throw new InvalidVersionError(v, true, SYNTAX).toException();
        }
        String build = Semver.build(v);
        String rest = v.substring(0, v.length() - build.length());
        int j = rest.lastIndexOf('-');
        String rev = rest.substring(j + 1);
        rest = rest.substring(0, j);
        int i = rest.lastIndexOf('-');
        int dot = rest.lastIndexOf('.');
        if (dot > i) {
            return new Parts(rest.substring(0, dot), rest.substring(dot + 1), rev, build);
        }
        return new Parts(rest.substring(0, i), rest.substring(i + 1), rev, build);
    }

    /** Adds one to a decimal string of any length: "99" gives "100". */
    static String incDecimal(String decimal) {
        char[] d = decimal.toCharArray();
        int i = d.length - 1;
        for (; i >= 0 && d[i] == '9'; i--) {
            d[i] = '0';
        }
        if (i >= 0) {
            d[i]++;
            return new String(d);
        }
        return "1" + new String(d);
    }

    /** Subtracts one from a decimal string: "100" gives "99"; "0" gives "". */
    static String decDecimal(String decimal) {
        char[] d = decimal.toCharArray();
        int i = d.length - 1;
        for (; i >= 0 && d[i] == '0'; i--) {
            d[i] = '9';
        }
        if (i < 0) {
            return "";
        }
        if (i == 0 && d[i] == '1' && d.length > 1) {
            return new String(d, 1, d.length - 1);
        }
        d[i]--;
        return new String(d);
    }
}
