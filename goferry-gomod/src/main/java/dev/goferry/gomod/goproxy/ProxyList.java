package dev.goferry.gomod.goproxy;

import dev.goferry.gomod.gostd.GoStrings;
import dev.goferry.gomod.gostd.GoUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GOPROXY parsed the way cmd/go's {@code modfetch.proxyList} does it, with its exact errors.
 *
 * @param entries the entries parsed before the first error, or all of them
 * @param error Go's error text when the list is unusable (every download then fails with it)
 */
public record ProxyList(List<ProxyEntry> entries, Optional<String> error) {

    public ProxyList {
        entries = List.copyOf(entries);
    }

    /** The error when GOPROXY holds nothing usable (Go prints it even for an empty GOPROXY). */
    public static final String NO_ENTRIES = "GOPROXY list is not the empty string, but contains no entries";

    /** Reports whether Go can use the list. */
    public boolean valid() {
        return error.isEmpty();
    }

    /**
     * Parses GOPROXY.
     *
     * @param goproxy the effective GOPROXY
     * @param gonoproxy the effective GONOPROXY (already defaulted to GOPRIVATE)
     * @param windows whether absolute paths are judged by Windows rules (as {@code filepath.IsAbs})
     */
    public static ProxyList parse(String goproxy, String gonoproxy, boolean windows) {
        List<ProxyEntry> list = new ArrayList<>();
        if (!gonoproxy.isEmpty() && !goproxy.equals("direct")) {
            list.add(new ProxyEntry.NoProxy());
        }
        String rest = goproxy;
        while (!rest.isEmpty()) {
            String url;
            boolean fallBackOnError = false;
            int i = indexOfSeparator(rest);
            if (i >= 0) {
                url = rest.substring(0, i);
                fallBackOnError = rest.charAt(i) == '|';
                rest = rest.substring(i + 1);
            } else {
                url = rest;
                rest = "";
            }
            url = GoStrings.trimSpace(url);
            if (url.isEmpty()) {
                continue;
            }
            if (url.equals("off")) {
                list.add(new ProxyEntry.Off());
                break;
            }
            if (url.equals("direct")) {
                list.add(new ProxyEntry.Direct());
                break;
            }
            if (containsAny(url, ".:/") && !url.contains(":/") && !isAbs(url, windows)) {
                url = "https://" + url;
            }
            Optional<String> problem = checkProxyUrl(url);
            if (problem.isPresent()) {
                return new ProxyList(list, problem);
            }
            list.add(new ProxyEntry.ProxyUrl(url, fallBackOnError));
        }
        if (list.isEmpty() || list.size() == 1 && list.get(0) instanceof ProxyEntry.NoProxy) {
            return new ProxyList(list, Optional.of(NO_ENTRIES));
        }
        return new ProxyList(list, Optional.empty());
    }

    /** cmd/go's {@code newProxyRepo} check: Go's error text, or empty when the URL is usable. */
    static Optional<String> checkProxyUrl(String url) {
        GoUrl base;
        try {
            base = GoUrl.parse(url);
        } catch (GoUrl.ParseException e) {
            return Optional.of(e.getMessage());
        }
        return switch (base.scheme()) {
            case "http", "https" -> Optional.empty();
            case "file" -> base.opaque().isEmpty() && base.user().isEmpty() && base.host().isEmpty()
                    && base.rawQuery().isEmpty() && !base.forceQuery() && base.fragment().isEmpty()
                    && !base.omitHost()
                    ? Optional.empty()
                    : Optional.of("invalid file:// proxy URL with non-path elements: " + base.redacted());
            case "" -> Optional.of("invalid proxy URL missing scheme: " + base.redacted());
            default -> Optional.of("invalid proxy URL scheme (must be https, http, file): " + base.redacted());
        };
    }

    private static int indexOfSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '|') {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code filepath.IsAbs || path.IsAbs} for the target OS. */
    private static boolean isAbs(String s, boolean windows) {
        if (s.startsWith("/")) {
            return true;
        }
        if (!windows) {
            return false;
        }
        if (s.startsWith("\\\\")) {
            return true;
        }
        return s.length() >= 3 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':'
                && (s.charAt(2) == '\\' || s.charAt(2) == '/');
    }
}
