package dev.goferry.proxy.sumdb;

import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One configured checksum database, written like a GOSUMDB value: {@code name+hash+key [url]}.
 * Without a URL the database is reached at {@code https://<name>}, as the go command does.
 *
 * @param name the database name (from the key)
 * @param verifierKey the verifier key
 * @param url the base URL, without a trailing "/"
 */
public record SumDbEntry(String name, String verifierKey, String url) {

    /** Thrown for a value that does not describe databases, with a message fit for the user. */
    public static final class InvalidSumDbException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidSumDbException(String message) {
            super(message);
        }
    }

    /**
     * Parses the {@code sumdb} setting: entries separated by commas, or {@code off} (or empty) for none.
     *
     * @throws InvalidSumDbException if an entry's key does not parse or its URL is not http(s)
     */
    public static List<SumDbEntry> parseList(String value) throws InvalidSumDbException {
        List<SumDbEntry> out = new ArrayList<>();
        if (value.isBlank() || value.trim().equals("off")) {
            return out;
        }
        for (String part : value.split(",")) {
            String[] fields = part.trim().split("\\s+");
            if (fields.length > 2 || fields[0].isEmpty()) {
                throw new InvalidSumDbException("sumdb \"" + part.trim() + "\": want \"name+key [url]\"");
            }
            String name;
            try {
                name = Keys.newVerifier(fields[0]).name();
            } catch (NoteException e) {
                throw new InvalidSumDbException("sumdb \"" + fields[0] + "\": invalid key: " + e.getMessage());
            }
            String url = fields.length == 2 ? fields[1] : "https://" + name;
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new InvalidSumDbException("sumdb \"" + part.trim() + "\": invalid URL: " + e.getMessage());
            }
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSumDbException("sumdb \"" + part.trim() + "\": want an http or https URL");
            }
            if (out.stream().anyMatch(e -> e.name().equals(name))) {
                throw new InvalidSumDbException("sumdb \"" + name + "\": configured twice");
            }
            out.add(new SumDbEntry(name, fields[0], url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
        }
        return out;
    }
}
