package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GOFLAGS split as cmd/go's {@code base.InitGOFLAGS} does ({@code quoted.Split}: fields separated
 * by space, tab, CR, LF; {@code '…'} or {@code "…"} around a whole field, no escapes), with Go's
 * {@code non-flag} check. Which flag names exist depends on the Go version, so names are not
 * checked here; the ones that matter to networking are picked out.
 *
 * @param flags the words, each {@code -name} or {@code -name=value}
 * @param error Go's text ({@code parsing $GOFLAGS: …}) when a word is not a flag or a quote is open
 */
public record GoFlags(List<String> flags, Optional<String> error) {

    public GoFlags {
        flags = List.copyOf(flags);
    }

    /**
     * Parses GOFLAGS the way the given Go version does: Go 1.19 splits on white space only
     * ({@code strings.Fields}, observed: {@code '-x} is a non-flag there), newer Go allows quotes.
     */
    public static GoFlags parse(String goflags, GoInstallation go) {
        if (go.atLeast(20)) {
            return parse(goflags);
        }
        return check(dev.goferry.gomod.gostd.GoStrings.fields(goflags));
    }

    /** Parses GOFLAGS with quotes allowed (Go 1.20 and newer). */
    public static GoFlags parse(String goflags) {
        List<String> words = new ArrayList<>();
        String s = goflags;
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            if (i == s.length()) {
                break;
            }
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    return new GoFlags(words, Optional.of("parsing $GOFLAGS: unterminated " + c + " string"));
                }
                words.add(s.substring(i + 1, end));
                i = end + 1;
                continue;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            words.add(s.substring(start, i));
        }
        return check(words);
    }

    private static GoFlags check(List<String> words) {
        for (String f : words) {
            if (!f.startsWith("-") || f.equals("-") || f.equals("--") || f.startsWith("---") || f.startsWith("-=")
                    || f.startsWith("--=")) {
                return new GoFlags(words, Optional.of("parsing $GOFLAGS: non-flag " + GoQuote.quote(f)));
            }
        }
        return new GoFlags(words, Optional.empty());
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** {@return the flag's name without dashes and value} */
    static String name(String flag) {
        String n = flag.startsWith("--") ? flag.substring(2) : flag.substring(1);
        int eq = n.indexOf('=');
        return eq < 0 ? n : n.substring(0, eq);
    }

    /** {@return the value of the last {@code -name=value} for name} */
    public Optional<String> value(String name) {
        Optional<String> found = Optional.empty();
        for (String f : flags) {
            if (f.startsWith("-") && name(f).equals(name)) {
                int eq = f.indexOf('=');
                found = Optional.of(eq < 0 ? "true" : f.substring(eq + 1));
            }
        }
        return found;
    }

    /** {@return the {@code -mod=} mode: vendor disables module lookups, readonly refuses go.mod updates} */
    public Optional<String> mod() {
        return value("mod");
    }

    /** Reports whether {@code -modcacherw} is set (module cache left writable). */
    public boolean modCacheRw() {
        return value("modcacherw").map(v -> !v.equals("false")).orElse(false);
    }

    /** Reports whether {@code -x} is set: the go command prints each download ({@code # get URL}). */
    public boolean trace() {
        return value("x").map(v -> !v.equals("false")).orElse(false);
    }

    /** Reports whether the removed {@code -insecure} flag is present. */
    public boolean insecure() {
        return value("insecure").isPresent();
    }
}
