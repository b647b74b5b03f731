package dev.goferry.proxy.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.proxy.Lab;
import dev.goferry.proxy.ScriptedUpstream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least 10,000 generated malformed request paths (traversal, bad escapes, overlong, invalid
 * versions, control characters, Unicode tricks), sent as raw bytes on a socket so nothing
 * normalises them on the way: every answer is a 4xx, never a 5xx; nothing outside the data
 * folder is created or changed; the upstream never sees a path with a dot-dot element.
 */
class MalformedPathsTest {

    @TempDir
    Path lab;

    static final String[] SEEDS = {
        "/example.com/m/@v/v1.0.0.zip", "/example.com/m/@v/list", "/example.com/m/@latest",
        "/example.com/m/@v/v1.0.0.info", "/example.com/m/@v/v1.0.0.mod", "/github.com/%21azure/sdk/@v/v1.2.3.mod",
    };

    static final String[] TRICKS = {
        "..", "../", "/../", "%2e%2e", "%2E%2E/", "..%2f", "%2f", "%5c", "\\", "\\..\\", "%00", "\u0000", "%0a", "%0d%0a",
        "\t", " ", "%20", "%", "%2", "%zz", "%c0%ae", "%ff", "%e2%80%ae", "\u202e", "\u0130", "\u212a", "\uff0e\uff0e",
        "!", "!!", "!A", "A", "Z", "~", "#", "?", "?x=1", ";", ":", "@", "@v", "@v/", "/@v/", "//", "///", ".", "./", "/.",
        "..;/", "%252e%252e", "\u00e9", "e\u0301", "\ud83d\ude00", "CON", "nul", "com1", "-", "+incompatible", "v1.0.0/..",
        "vX", "v01.0.0", "v1.0.0-", "v1.0.0+", "{}", "*", "$", "'", "\"", "<", ">", "|", "^", "`",
    };

    static List<String> generate(int count) {
        Random random = new Random(20261122);
        Set<String> out = new LinkedHashSet<>();
        out.add("/" + "a".repeat(5000) + ".com/@v/list");
        out.add("/example.com/" + "x/".repeat(2000) + "@v/list");
        out.add("/../../../../etc/passwd");
        out.add("/example.com/m/@v/../../../../../etc/passwd.zip");
        out.add("/example.com/m/@v/%2e%2e%2f%2e%2e%2fetc%2fpasswd.info");
        while (out.size() < count) {
            StringBuilder p = new StringBuilder(SEEDS[random.nextInt(SEEDS.length)]);
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                String trick = TRICKS[random.nextInt(TRICKS.length)];
                int at = 1 + random.nextInt(p.length() - 1);
                switch (random.nextInt(3)) {
                    case 0 -> p.insert(at, trick);
                    case 1 -> p.replace(at, Math.min(p.length(), at + 1 + random.nextInt(4)), trick);
                    default -> p.insert(p.lastIndexOf("/") + 1, trick);
                }
            }
            out.add(p.toString());
        }
        return new ArrayList<>(out);
    }

    @Test
    void tenThousandMalformedPathsGet4xxAndTouchNothingOutside() throws Exception {
        Path data = Files.createDirectories(lab.resolve("data"));
        Path outside = Files.createDirectories(lab.resolve("outside"));
        Files.writeString(outside.resolve("secret.zip"), "secret");
        Map<String, Long> before = snapshot(lab, data);
        List<String> paths = generate(10_000);
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (ScriptedUpstream up = new ScriptedUpstream(p -> ScriptedUpstream.Answer.text(404, "not found"));
             Lab.Running goferry = Lab.start(data, up.url(), Map.of("accessLog", "false"))) {
            int port = goferry.server().port();
            for (String path : paths) {
                int status = rawGet(port, path);
                statuses.merge(status, 1, Integer::sum);
                assertThat(status).as("status for %s", escapeForMessage(path)).isBetween(400, 499);
            }
            assertThat(up.requests()).as("upstream paths").noneMatch(p -> p.contains("/../") || p.contains("%2e%2e")
                    || p.contains("%2E%2E") || p.endsWith("/.."));
        }
        assertThat(snapshot(lab, data)).as("files outside the data folder").isEqualTo(before);
        assertThat(outside.resolve("secret.zip")).hasContent("secret");
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("files stored from malformed requests").isEmpty();
        }
        System.out.println("malformed paths: " + paths.size() + " sent, statuses " + statuses);
    }

    /**
     * Sends {@code GET path} as raw bytes (UTF-8 for non-ASCII) and returns the status. A path with
     * whitespace or a control character breaks the request line itself: the server answers 400 and
     * closes with the rest of the request unread, and the kernel may then reset the connection before
     * the client reads that 400. Only for such a path does a close without a status count as 400.
     */
    static int rawGet(int port, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line;
            try {
                line = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            } catch (SocketException reset) {
                line = "reset: " + reset.getMessage();
            }
            if (line.startsWith("HTTP/1.1 ")) {
                return Integer.parseInt(line.substring(9, 12));
            }
            if (breaksRequestLine(path)) {
                return 400;
            }
            throw new AssertionError("no HTTP status for " + escapeForMessage(path) + ": " + line);
        }
    }

    /** Whitespace, control characters and DEL may not appear in an HTTP request-target (RFC 9112 §3.2). */
    static boolean breaksRequestLine(String path) {
        return path.chars().anyMatch(c -> c <= 0x20 || c == 0x7f);
    }

    static Map<String, Long> snapshot(Path root, Path except) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(p -> !p.startsWith(except)).toList()) {
                m.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.getLastModifiedTime(p).toMillis() : -1L);
            }
        }
        return m;
    }

    static String escapeForMessage(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.length() > 300 ? b.substring(0, 300) + "…" : b.toString();
    }
}
