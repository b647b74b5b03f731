package dev.goferry.proxy.request;

import dev.goferry.gomod.gostd.GoQuote;
import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModException;
import dev.goferry.gomod.module.ModulePaths;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses a request path into a {@link ProxyRequest}, doing no I/O: percent-decoding (the go
 * command sends the {@code !} of case escapes as {@code %21}), then Go's {@code UnescapePath} and
 * {@code UnescapeVersion}, which themselves run {@code CheckPath} and the file-name element check.
 * A path that survives cannot hold {@code ..}, a backslash, a control character or non-ASCII text.
 */
public final class ProxyPaths {

    /** Longer request paths are refused before any parsing; Go's own paths are far shorter. */
    public static final int MAX_PATH_LENGTH = 2048;

    private ProxyPaths() {}

    /** {@return what the raw (still percent-encoded) request path {@code rawPath} asks for} */
    public static ParsedPath parse(String rawPath) {
        if (rawPath.length() > MAX_PATH_LENGTH) {
            return new ParsedPath.Malformed("request path too long (" + rawPath.length() + " bytes; limit is "
                    + MAX_PATH_LENGTH + ")");
        }
        Optional<String> decoded = percentDecode(rawPath);
        if (decoded.isEmpty()) {
            return new ParsedPath.Malformed("malformed request path " + GoQuote.quote(rawPath));
        }
        String p = decoded.get();
        if (!p.startsWith("/")) {
            return new ParsedPath.Malformed("malformed request path " + GoQuote.quote(rawPath));
        }
        p = p.substring(1);
        if (p.endsWith("/@latest")) {
            String escaped = p.substring(0, p.length() - "/@latest".length());
            return modulePath(escaped).map(ParsedPath.class::cast)
                    .orElseGet(() -> new ParsedPath.Valid(new ProxyRequest.Latest(Escaping.unescapePath(escaped))));
        }
        int at = p.lastIndexOf("/@v/");
        if (at < 0) {
            return new ParsedPath.NotEndpoint("not found: " + p);
        }
        String escaped = p.substring(0, at);
        String rest = p.substring(at + "/@v/".length());
        Optional<ParsedPath.Malformed> bad = modulePath(escaped);
        if (bad.isPresent()) {
            return bad.get();
        }
        String path = Escaping.unescapePath(escaped);
        if (rest.equals("list")) {
            return new ParsedPath.Valid(new ProxyRequest.ListVersions(path));
        }
        String ext;
        if (rest.endsWith(".info")) {
            ext = ".info";
        } else if (rest.endsWith(".mod")) {
            ext = ".mod";
        } else if (rest.endsWith(".zip")) {
            ext = ".zip";
        } else {
            return new ParsedPath.NotEndpoint("not found: " + p);
        }
        String escVersion = rest.substring(0, rest.length() - ext.length());
        String version;
        try {
            version = Escaping.unescapeVersion(escVersion);
        } catch (ModException e) {
            return new ParsedPath.Malformed(e.getMessage());
        }
        if (ext.equals(".info")) {
            return new ParsedPath.Valid(new ProxyRequest.Info(path, version));
        }
        // .mod and .zip are only ever asked for canonical versions; anything else is a bad request.
        if (!ModulePaths.canonicalVersion(version).equals(version)) {
            return new ParsedPath.Malformed(path + "@" + version + ": version is not canonical");
        }
        // A version that disagrees with the path's major version (v2.0.0 of a path without /v2)
        // is still asked for by the go command, which then reports the mismatch itself.
        return new ParsedPath.Valid(ext.equals(".mod") ? new ProxyRequest.Mod(path, version)
                : new ProxyRequest.Zip(path, version));
    }

    private static Optional<ParsedPath.Malformed> modulePath(String escaped) {
        try {
            Escaping.unescapePath(escaped);
            return Optional.empty();
        } catch (ModException e) {
            return Optional.of(new ParsedPath.Malformed(e.getMessage()));
        }
    }

    /**
     * Decodes {@code %XX} escapes strictly: a bad escape, an encoded slash (which Go never sends)
     * or bytes that are not UTF-8 make the path malformed.
     */
    static Optional<String> percentDecode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0 || raw.charAt(i + 1) > 0x7f || raw.charAt(i + 2) > 0x7f) {
                    return Optional.empty();
                }
                int b = hi << 4 | lo;
                if (b == '/') {
                    return Optional.empty();
                }
                out.write(b);
                i += 2;
            } else if (c > 0x7f) {
                return Optional.empty(); // HTTP request targets are ASCII; anything else is a trick
            } else {
                out.write(c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
