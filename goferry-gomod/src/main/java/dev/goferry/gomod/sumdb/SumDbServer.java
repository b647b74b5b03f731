package dev.goferry.gomod.sumdb;

import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.module.ModException;
import dev.goferry.gomod.sumdb.tlog.LogRecord;
import dev.goferry.gomod.sumdb.tlog.Tile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Answers checksum-database requests from a {@link MemoryLog} exactly as x/mod's
 * {@code sumdb.Server} does, without the HTTP: {@code /latest}, {@code /lookup/<path>@<version>}
 * (case-escaped) and {@code /tile/<H>/<L>/<N>[.p/<W>]} including data tiles. An HTTP server
 * only needs to copy the {@link Reply} out.
 *
 * @param log the database
 */
public record SumDbServer(MemoryLog log) {

    /** The version part of a lookup path, as x/mod's server checks it (module part: no "@"). */
    private static final Pattern MOD_VER = Pattern.compile("^[^@]+@v[0-9]+\\.[0-9]+\\.[0-9]+(-[^@]*)?(\\+incompatible)?$");
    private static final String TEXT = "text/plain; charset=UTF-8";

    /**
     * An HTTP answer.
     *
     * @param status HTTP status
     * @param contentType the Content-Type header value
     * @param body response body
     */
    public record Reply(int status, String contentType, byte[] body) {

        static Reply ok(String contentType, byte[] body) {
            return new Reply(200, contentType, body);
        }

        static Reply error(int status, String message) {
            return new Reply(status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@return the answer to a request for {@code path} (already percent-decoded, starting with "/")} */
    public Reply serve(String path) {
        if (path.equals("/latest")) {
            return Reply.ok(TEXT, log.signedTree());
        }
        if (path.startsWith("/lookup/")) {
            return lookup(path.substring("/lookup/".length()));
        }
        if (path.startsWith("/tile/")) {
            return tile(path.substring(1));
        }
        return Reply.error(404, "404 page not found");
    }

    /**
     * Writes the answer for {@code path} to JDK-typed sinks and returns its status: the shape of
     * testkit's {@code TestSumDb.Handler}, so {@code server::write} plugs an HTTP front end onto
     * this server without either module depending on the other.
     */
    public int write(String path, Consumer<String> contentType, OutputStream body) throws IOException {
        Reply r = serve(path);
        contentType.accept(r.contentType());
        body.write(r.body());
        return r.status();
    }

    private Reply lookup(String mod) {
        if (!MOD_VER.matcher(mod).matches()) {
            return Reply.error(400, "invalid module@version syntax");
        }
        int i = mod.indexOf('@');
        String path;
        String version;
        try {
            path = Escaping.unescapePath(mod.substring(0, i));
            version = Escaping.unescapeVersion(mod.substring(i + 1));
        } catch (ModException e) {
            // x/mod's server answers a malformed escape with the error text and status 500.
            return Reply.error(500, e.getMessage());
        }
        Optional<Long> id = log.lookup(path, version);
        if (id.isEmpty()) {
            return Reply.error(404, "not found: " + path + "@" + version);
        }
        byte[] signed = log.signedTree();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new LogRecord(id.get(), log.record(id.get())).format());
        out.writeBytes(signed);
        return Reply.ok(TEXT, out.toByteArray());
    }

    private Reply tile(String path) {
        Tile t;
        try {
            t = Tile.parse(path);
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "invalid tile syntax");
        }
        Optional<byte[]> data = log.tile(t);
        if (data.isEmpty()) {
            return Reply.error(404, "not found: " + path);
        }
        return Reply.ok(t.l() == Tile.DATA ? TEXT : "application/octet-stream", data.get());
    }
}
