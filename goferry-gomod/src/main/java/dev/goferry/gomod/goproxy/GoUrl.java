package dev.goferry.gomod.goproxy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a URL as Go's {@code net/url.Parse} splits them, with Go's exact error texts, so
 * that a GOPROXY entry goferry rejects is rejected with the words the go command would print.
 * Only what the GOPROXY check needs is kept: scheme, opaque part, userinfo, host, path, query,
 * fragment and the two flags that make a {@code file://} proxy URL "non-path".
 *
 * @param rawPath the path as written (still escaped); {@link #path()} is its unescaped form
 */
public record GoUrl(String scheme, String opaque, Optional<String> user, Optional<String> password, String host,
                    String rawPath, String rawQuery, boolean forceQuery, String fragment, boolean omitHost) {

    /** A failed parse; {@link #getMessage()} is Go's {@code *url.Error} text, e.g. {@code parse "x": …}. */
    public static final class ParseException extends Exception {
        ParseException(String url, String reason) {
            super("parse " + GoQuote.quote(url) + ": " + reason, null, false, false);
        }
    }

    /** {@return the unescaped path} */
    public String path() {
        return unescapeValid(rawPath);
    }

    /** Go's {@code url.Parse}. */
    public static GoUrl parse(String raw) throws ParseException {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        String frag = hash < 0 ? "" : raw.substring(hash + 1);
        GoUrl url;
        try {
            url = parseNoFragment(u);
        } catch (Reason r) {
            throw new ParseException(u, r.getMessage());
        }
        if (!frag.isEmpty()) {
            try {
                unescape(frag, Mode.FRAGMENT);
            } catch (Reason r) {
                throw new ParseException(raw, r.getMessage());
            }
        }
        return new GoUrl(url.scheme, url.opaque, url.user, url.password, url.host, url.rawPath, url.rawQuery,
                url.forceQuery, frag, url.omitHost);
    }

    private static GoUrl parseNoFragment(String raw) throws Reason {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new Reason("net/url: invalid control character in URL");
            }
        }
        if (raw.equals("*")) {
            return new GoUrl("", "", Optional.empty(), Optional.empty(), "", "*", "", false, "", false);
        }
        String scheme = "";
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new Reason("missing protocol scheme");
                }
                scheme = raw.substring(0, i);
                rest = raw.substring(i + 1);
            }
            break;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        boolean forceQuery = false;
        String query = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new GoUrl(scheme, rest, Optional.empty(), Optional.empty(), "", "", query, forceQuery, "", false);
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.contains(":")) {
                throw new Reason("first path segment in URL cannot contain colon");
            }
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String host = "";
        boolean omitHost = false;
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                String userinfo = authority.substring(0, at);
                if (!validUserinfo(userinfo)) {
                    throw new Reason("net/url: invalid userinfo");
                }
                int colon = userinfo.indexOf(':');
                if (colon < 0) {
                    user = Optional.of(unescape(userinfo, Mode.USER_PASSWORD));
                } else {
                    user = Optional.of(unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD));
                    password = Optional.of(unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD));
                }
            }
        } else if (!scheme.isEmpty() && rest.startsWith("/")) {
            omitHost = true;
        }
        unescape(rest, Mode.PATH);
        return new GoUrl(scheme, "", user, password, host, rest, query, forceQuery, "", omitHost);
    }

    private static String parseHost(String host) throws Reason {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new Reason("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new Reason("invalid port " + GoQuote.quote(colonPort) + " after host");
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                String colonPort = host.substring(colon);
                if (!validOptionalPort(colonPort)) {
                    throw new Reason("invalid port " + GoQuote.quote(colonPort) + " after host");
                }
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
                continue;
            }
            return false;
        }
        return true;
    }

    private enum Mode { PATH, HOST, USER_PASSWORD, FRAGMENT }

    /** Go's {@code unescape}: checks escapes (and host characters), returns the decoded text. */
    private static String unescape(String s, Mode mode) throws Reason {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            if (c == '%') {
                if (i + 2 >= b.length || !isHex(b[i + 1]) || !isHex(b[i + 2])) {
                    String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
                    throw new Reason("invalid URL escape " + GoQuote.quote(bad));
                }
                if (mode == Mode.HOST && unhex(b[i + 1]) < 8
                        && !new String(b, i, 3, StandardCharsets.US_ASCII).equals("%25")) {
                    throw new Reason("invalid URL escape " + GoQuote.quote(new String(b, i, 3, StandardCharsets.UTF_8)));
                }
                out.write(unhex(b[i + 1]) << 4 | unhex(b[i + 2]));
                i += 3;
            } else {
                if (mode == Mode.HOST && c < 0x80 && shouldEscapeHost(c)) {
                    throw new Reason("invalid character " + GoQuote.quote(String.valueOf((char) c)) + " in host name");
                }
                out.write(c);
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String unescapeValid(String s) {
        try {
            return unescape(s, Mode.PATH);
        } catch (Reason r) {
            return s;
        }
    }

    private static boolean shouldEscapeHost(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        return "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0;
    }

    private static boolean shouldEscapePath(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        return "-_.~$&+,/:;=@".indexOf(c) < 0;
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    private static int unhex(byte b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    /**
     * Go's {@code URL.Redacted()}: the URL re-serialized as {@code String()} does, with a
     * password replaced by {@code xxxxx}.
     */
    public String redacted() {
        StringBuilder buf = new StringBuilder();
        if (!scheme.isEmpty()) {
            buf.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            buf.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || user.isPresent()) {
                if (!(omitHost && host.isEmpty() && user.isEmpty())) {
                    if (!host.isEmpty() || !rawPath.isEmpty() || user.isPresent()) {
                        buf.append("//");
                    }
                    user.ifPresent(u -> {
                        buf.append(u);
                        password.ifPresent(p -> buf.append(":xxxxx"));
                        buf.append('@');
                    });
                    buf.append(host);
                }
            }
            String path = escapedPath();
            if (!path.isEmpty() && path.charAt(0) != '/' && !host.isEmpty()) {
                buf.append('/');
            }
            if (buf.isEmpty()) {
                int slash = path.indexOf('/');
                if ((slash < 0 ? path : path.substring(0, slash)).contains(":")) {
                    buf.append("./");
                }
            }
            buf.append(path);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            buf.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            buf.append('#').append(fragment);
        }
        return buf.toString();
    }

    /** Go's EscapedPath: the path as written when that is a valid encoding, else re-escaped. */
    private String escapedPath() {
        boolean valid = true;
        for (int i = 0; i < rawPath.length() && valid; i++) {
            char c = rawPath.charAt(i);
            valid = c < 0x80 && ("!$&'()*+,;=:@[]%".indexOf(c) >= 0 || !shouldEscapePath(c));
        }
        if (valid) {
            return rawPath;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : path().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && !shouldEscapePath(c)) {
                out.append((char) c);
            } else {
                out.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
            }
        }
        return out.toString();
    }

    /** An internal parse failure reason, before the {@code parse "url": } wrapper is added. */
    private static final class Reason extends Exception {
        Reason(String message) {
            super(message, null, false, false);
        }
    }
}
