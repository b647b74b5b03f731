package dev.goferry.net.wire;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed HTTP/1.x response head.
 *
 * @param version    e.g. {@code HTTP/1.1}
 * @param status     the three-digit status code
 * @param reason     the reason phrase, possibly empty
 * @param headers    header fields in order
 */
public record ResponseHead(String version, int status, String reason, List<Header> headers) {

    public ResponseHead {
        headers = List.copyOf(headers);
    }

    /** {@return the first value of header {@code name} (case-insensitive)} */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** {@return every value of header {@code name} (case-insensitive), in order} */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    /**
     * Parses a head (status line and header lines, without the blank line).
     *
     * @throws MalformedHeadException when the status line is not {@code HTTP/x.y NNN reason}
     */
    public static ResponseHead parse(String text) throws MalformedHeadException {
        String[] lines = text.split("\r?\n", -1);
        String status = lines[0];
        if (!status.startsWith("HTTP/") || status.length() < 12 || status.charAt(8) != ' ') {
            throw new MalformedHeadException("malformed status line \"" + printable(status) + "\"");
        }
        String version = status.substring(0, 8);
        String code = status.substring(9, 12);
        if (!code.chars().allMatch(Character::isDigit) || status.length() > 12 && status.charAt(12) != ' ') {
            throw new MalformedHeadException("malformed status line \"" + printable(status) + "\"");
        }
        String reason = status.length() > 13 ? status.substring(13) : "";
        List<Header> headers = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedHeadException("malformed header line \"" + printable(line) + "\"");
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new ResponseHead(version, Integer.parseInt(code), reason, headers);
    }

    /** Shows control characters escaped, so evidence of garbage stays readable. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() > 200 ? b.substring(0, 200) + "…" : b.toString();
    }

    /** A reply that is not an HTTP/1.x response head. */
    public static final class MalformedHeadException extends Exception {
        public MalformedHeadException(String message) {
            super(message);
        }
    }
}
