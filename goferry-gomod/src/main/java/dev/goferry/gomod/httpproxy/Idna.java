package dev.goferry.gomod.httpproxy;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Host names to ASCII as Go's {@code httpproxy.idnaASCII} does, and Go's {@code strings.ToLower}.
 *
 * <p>Go uses x/net/idna's Lookup profile: UTS 46 <em>non-transitional</em> processing since Go
 * 1.18. Java's {@link IDN} implements IDNA2003, which agrees except for the UTS 46 deviation
 * characters: IDNA2003 maps {@code ß} to {@code ss} and final sigma {@code ς} to {@code σ}; Go
 * keeps both ({@code faß.example} is {@code xn--fa-hia.example} to Go, checked with 1.19 and
 * 1.24). Labels holding them are mapped here (NFKC plus per-character lower case, which is what
 * UTS 46 mapping amounts to for the scripts that use them) and Punycode-encoded directly;
 * every other label goes through {@link IDN}, which also does the validity checks whose failure
 * makes Go keep the name unconverted. (ZWJ/ZWNJ, the other two deviations, are left to
 * {@link IDN}; Go's joiner checks reject them in most contexts anyway.)
 */
final class Idna {

    private Idna() {}

    /** {@return the ASCII form, or empty where Go's conversion fails and it keeps the original} */
    static Optional<String> toAscii(String s) {
        if (s.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(s);
        }
        String[] labels = s.split("\\.", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            String label = labels[i];
            if (label.isEmpty()) {
                continue;
            }
            try {
                String transitional = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
                String mapped = toLower(Normalizer.normalize(label, Normalizer.Form.NFKC));
                if (mapped.indexOf('ß') >= 0 || mapped.indexOf('ς') >= 0) {
                    out.append("xn--").append(punycode(Normalizer.normalize(mapped, Normalizer.Form.NFC)));
                } else {
                    out.append(toLower(transitional));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    /** Go's {@code strings.ToLower}: simple per-character mapping, no final-sigma or locale rules. */
    static String toLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(Character.toLowerCase(cp)));
        return b.toString();
    }

    /** RFC 3492 Punycode encoding of one label. */
    static String punycode(String label) {
        final int base = 36;
        final int tMin = 1;
        final int tMax = 26;
        int[] cps = label.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int cp : cps) {
            if (cp < 0x80) {
                out.append((char) cp);
            }
        }
        int basic = out.length();
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = 0x80;
        int delta = 0;
        int bias = 72;
        while (handled < cps.length) {
            int m = Integer.MAX_VALUE;
            for (int cp : cps) {
                if (cp >= n && cp < m) {
                    m = cp;
                }
            }
            delta += (m - n) * (handled + 1);
            n = m;
            for (int cp : cps) {
                if (cp < n) {
                    delta++;
                }
                if (cp == n) {
                    int q = delta;
                    for (int k = base; ; k += base) {
                        int t = k <= bias ? tMin : Math.min(k - bias, tMax);
                        if (q < t) {
                            break;
                        }
                        out.append(digit(t + (q - t) % (base - t)));
                        q = (q - t) / (base - t);
                    }
                    out.append(digit(q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    private static int adapt(int delta, int numPoints, boolean first) {
        delta = first ? delta / 700 : delta / 2;
        delta += delta / numPoints;
        int k = 0;
        while (delta > ((36 - 1) * 26) / 2) {
            delta /= 36 - 1;
            k += 36;
        }
        return k + (36 * delta) / (delta + 38);
    }
}
