package dev.goferry.gomod.gostd;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL as Go's {@code net/url.Parse} sees it, with {@link #toString()} equal to Go's
 * {@code (*URL).String()}.
 *
 * <p>Why not {@link java.net.URI}: Go's parser accepts, rejects and mangles differently, and the
 * point of modelling proxy variables is to show what Go will <em>really</em> use. Go parses
 * {@code http://"http://proxy.corp:3128"} as host {@code "http:} with path
 * {@code //proxy.corp:3128"} and prints it back as {@code http://"http://proxy.corp:3128%22};
 * {@code URI} rejects it. Hosts with underscores ({@code my_proxy.corp}) are ordinary hosts to
 * Go but make {@code URI.getHost()} null.
 *
 * <p>This is a port of the parts of {@code net/url/url.go} that parsing and printing use; the
 * code is the same in Go 1.19 and 1.24. Go works on bytes, this works on UTF-8 text: bytes
 * that {@code %XX} escapes decode to are read back as UTF-8.
 *
 * <p>Its users: proxy variables (HTTP_PROXY and friends, where Go's {@code http.ProxyFromEnvironment}
 * parses them), GOPROXY entries (cmd/go's {@code newProxyRepo}: scheme, and for {@code file://}
 * that nothing but a path is set) and GOSUMDB (the {@code host[/path]} check of the database name
 * compares the whole struct, so every component Go's {@code url.URL} has is kept here, Go's
 * {@code RawPath} and {@code ForceQuery} included). {@link ParseException#getMessage()} is Go's
 * {@code *url.Error} text, which cmd/go prints as is.
 *
 * @param scheme lower-cased scheme, empty if none
 * @param opaque the encoded opaque data of {@code scheme:opaque} URLs
 * @param user the userinfo, if the authority had one
 * @param host host or host:port, unescaped
 * @param path the unescaped path
 * @param rawPath the original encoded path when it differs from Go's default encoding, else empty
 * @param omitHost whether the URL had an empty authority ({@code http:/path})
 * @param forceQuery whether the URL ended in a lone {@code ?}
 * @param rawQuery the encoded query without {@code ?}
 * @param fragment the unescaped fragment
 * @param rawFragment the original encoded fragment when it differs from the default, else empty
 */
public record GoUrl(String scheme, String opaque, Optional<Userinfo> user, String host, String path,
                    String rawPath, boolean omitHost, boolean forceQuery, String rawQuery, String fragment,
                    String rawFragment) {

    public GoUrl {
        Objects.requireNonNull(scheme);
        Objects.requireNonNull(opaque);
        Objects.requireNonNull(user);
        Objects.requireNonNull(host);
        Objects.requireNonNull(path);
        Objects.requireNonNull(rawPath);
        Objects.requireNonNull(rawQuery);
        Objects.requireNonNull(fragment);
        Objects.requireNonNull(rawFragment);
    }

    /**
     * The user name and optional password of a URL.
     *
     * @param username the unescaped user name
     * @param password the unescaped password, if one was given (even empty)
     */
    public record Userinfo(String username, Optional<String> password) {
        public Userinfo {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        /** {@return Go's {@code Userinfo.String()}: escaped {@code user[:password]}} */
        @Override
        public String toString() {
            String s = escape(username, Mode.USER_PASSWORD);
            return password.map(p -> s + ":" + escape(p, Mode.USER_PASSWORD)).orElse(s);
        }
    }

    /**
     * Why {@link #parse} failed: {@link #getMessage()} is Go's error text verbatim, e.g.
     * {@code parse "http://a b": invalid character " " in host name}.
     */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private enum Mode { PATH, HOST, ZONE, USER_PASSWORD, FRAGMENT }

    /**
     * Parses {@code raw} as Go's {@code url.Parse} does.
     *
     * @throws ParseException with Go's message, e.g. {@code parse "http://a b": invalid character " " in host name}
     */
    public static GoUrl parse(String raw) throws ParseException {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        Builder url;
        try {
            url = parseWithoutFragment(u);
        } catch (Failure f) {
            throw new ParseException("parse " + GoQuote.quote(u) + ": " + f.getMessage());
        }
        if (hash >= 0 && hash + 1 < raw.length()) {
            String frag = raw.substring(hash + 1);
            try {
                url.fragment = unescape(frag, Mode.FRAGMENT);
            } catch (Failure f) {
                throw new ParseException("parse " + GoQuote.quote(raw) + ": " + f.getMessage());
            }
            url.rawFragment = escape(url.fragment, Mode.FRAGMENT).equals(frag) ? "" : frag;
        }
        return url.build();
    }

    /** {@return the host without port and brackets, as Go's {@code URL.Hostname()}} */
    public String hostname() {
        return splitHostPort(host)[0];
    }

    /** {@return the numeric port of the host, or empty, as Go's {@code URL.Port()}} */
    public String port() {
        return splitHostPort(host)[1];
    }

    /** {@return the password, if any, replaced by {@code xxxxx}: Go's {@code URL.Redacted()}} */
    public String redacted() {
        if (user.isPresent() && user.get().password().isPresent()) {
            return new GoUrl(scheme, opaque, Optional.of(new Userinfo(user.get().username(), Optional.of("xxxxx"))),
                    host, path, rawPath, omitHost, forceQuery, rawQuery, fragment, rawFragment).toString();
        }
        return toString();
    }

    /** {@return the URL as Go's {@code (*URL).String()} prints it} */
    @Override
    public String toString() {
        StringBuilder buf = new StringBuilder();
        if (!scheme.isEmpty()) {
            buf.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            buf.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || user.isPresent()) {
                if (!(omitHost && host.isEmpty() && user.isEmpty())) {
                    if (!host.isEmpty() || !path.isEmpty() || user.isPresent()) {
                        buf.append("//");
                    }
                    user.ifPresent(ui -> buf.append(ui).append('@'));
                    if (!host.isEmpty()) {
                        buf.append(escape(host, Mode.HOST));
                    }
                }
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                buf.append('/');
            }
            if (buf.isEmpty()) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) {
                    buf.append("./");
                }
            }
            buf.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            buf.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            buf.append('#').append(escapedFragment());
        }
        return buf.toString();
    }

    /**
     * {@return {@code path} percent-encoded as Go's {@code (*URL).EscapedPath} writes a path with
     * no usable RawPath} Letters, digits, {@code -_.~} and {@code $&+,/:;=@} stay; every other
     * byte of the UTF-8 form becomes {@code %XX} (so a case-escaped {@code !} goes out as {@code %21}).
     */
    public static String escapePath(String path) {
        return escape(path, Mode.PATH);
    }

    /**
     * {@return whether Go's {@code validEncoded(s, encodePath)} accepts {@code s}} That is when
     * {@code (*URL).EscapedPath} may write a raw path as given: only unreserved characters,
     * sub-delims, {@code :@[]%} and {@code /}.
     */
    public static boolean validEncodedPath(String s) {
        return validEncoded(s, Mode.PATH);
    }

    private String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH)) {
            try {
                if (unescape(rawPath, Mode.PATH).equals(path)) {
                    return rawPath;
                }
            } catch (Failure ignored) {
                // fall through to the default encoding, as Go does
            }
        }
        return path.equals("*") ? "*" : escape(path, Mode.PATH);
    }

    private String escapedFragment() {
        if (!rawFragment.isEmpty() && validEncoded(rawFragment, Mode.FRAGMENT)) {
            try {
                if (unescape(rawFragment, Mode.FRAGMENT).equals(fragment)) {
                    return rawFragment;
                }
            } catch (Failure ignored) {
                // fall through to the default encoding, as Go does
            }
        }
        return escape(fragment, Mode.FRAGMENT);
    }

    /** Go's url.splitHostPort: a non-numeric "port" stays part of the host. */
    private static String[] splitHostPort(String hostPort) {
        String h = hostPort;
        String port = "";
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(h.substring(colon))) {
            port = h.substring(colon + 1);
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return new String[] {h, port};
    }

    private static final class Builder {
        String scheme = "";
        String opaque = "";
        Optional<Userinfo> user = Optional.empty();
        String host = "";
        String path = "";
        String rawPath = "";
        boolean omitHost;
        boolean forceQuery;
        String rawQuery = "";
        String fragment = "";
        String rawFragment = "";

        GoUrl build() {
            return new GoUrl(scheme, opaque, user, host, path, rawPath, omitHost, forceQuery, rawQuery, fragment,
                    rawFragment);
        }
    }

    /** An internal parse failure carrying Go's inner error text. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private static Builder parseWithoutFragment(String raw) throws Failure {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new Failure("net/url: invalid control character in URL");
            }
        }
        Builder url = new Builder();
        if (raw.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = raw;
        // getScheme
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
                    throw new Failure("missing protocol scheme");
                }
                url.scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        int q = rest.indexOf('?');
        if (rest.endsWith("?") && q == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else if (q >= 0) {
            url.rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).contains(":")) {
                throw new Failure("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            parseAuthority(authority, url);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = unescape(rest, Mode.PATH);
        url.rawPath = escape(url.path, Mode.PATH).equals(rest) ? "" : rest;
        return url;
    }

    private static void parseAuthority(String authority, Builder url) throws Failure {
        int at = authority.lastIndexOf('@');
        url.host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) {
            throw new Failure("net/url: invalid userinfo");
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            url.user = Optional.of(new Userinfo(unescape(userinfo, Mode.USER_PASSWORD), Optional.empty()));
        } else {
            url.user = Optional.of(new Userinfo(unescape(userinfo.substring(0, colon), Mode.USER_PASSWORD),
                    Optional.of(unescape(userinfo.substring(colon + 1), Mode.USER_PASSWORD))));
        }
    }

    private static String parseHost(String host) throws Failure {
        if (host.startsWith("[")) {
            int i = host.lastIndexOf(']');
            if (i < 0) {
                throw new Failure("missing ']' in host");
            }
            String colonPort = host.substring(i + 1);
            if (!validOptionalPort(colonPort)) {
                throw new Failure("invalid port " + GoQuote.quote(colonPort) + " after host");
            }
            int zone = host.substring(0, i).indexOf("%25");
            if (zone >= 0) {
                return unescape(host.substring(0, zone), Mode.HOST)
                        + unescape(host.substring(zone, i), Mode.ZONE)
                        + unescape(host.substring(i), Mode.HOST);
            }
        } else {
            int i = host.lastIndexOf(':');
            if (i >= 0 && !validOptionalPort(host.substring(i))) {
                throw new Failure("invalid port " + GoQuote.quote(host.substring(i)) + " after host");
            }
        }
        return unescape(host, Mode.HOST);
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char r = s.charAt(i);
            if (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
                continue;
            }
            if ("-._:~!$&'()*+,;=%@".indexOf(r) < 0) {
                return false;
            }
        }
        return true;
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

    private static boolean ishex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int unhex(char c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    private static String unescape(String s, Mode mode) throws Failure {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                n++;
                if (i + 2 >= s.length() || !ishex(s.charAt(i + 1)) || !ishex(s.charAt(i + 2))) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new Failure("invalid URL escape " + GoQuote.quote(bad));
                }
                String esc = s.substring(i, i + 3);
                if (mode == Mode.HOST && unhex(s.charAt(i + 1)) < 8 && !esc.equals("%25")) {
                    throw new Failure("invalid URL escape " + GoQuote.quote(esc));
                }
                if (mode == Mode.ZONE) {
                    int v = unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2));
                    if (!esc.equals("%25") && v != ' ' && shouldEscape(v, Mode.HOST)) {
                        throw new Failure("invalid URL escape " + GoQuote.quote(esc));
                    }
                }
                i += 3;
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new Failure("invalid character " + GoQuote.quote(String.valueOf(c)) + " in host name");
                }
                i++;
            }
        }
        if (n == 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(unhex(s.charAt(i + 1)) << 4 | unhex(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String escape(String s, Mode mode) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder t = null;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (shouldEscape(c, mode)) {
                if (t == null) {
                    t = new StringBuilder(bytes.length + 16);
                    for (int j = 0; j < i; j++) {
                        t.append((char) bytes[j]);
                    }
                }
                t.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            } else if (t != null) {
                t.append((char) c);
            }
        }
        return t == null ? s : t.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static boolean shouldEscape(int c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH:
                    return c == '?';
                case USER_PASSWORD:
                    return c == '@' || c == '/' || c == '?' || c == ':';
                case FRAGMENT:
                    return false;
                default:
                    break;
            }
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    private static boolean validEncoded(String s, Mode mode) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
                continue;
            }
            if (c >= 0x80 || shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }
}
