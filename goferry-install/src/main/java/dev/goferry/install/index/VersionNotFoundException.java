package dev.goferry.install.index;

import java.util.List;

/** The index has no release matching the user's query; carries the nearest existing versions. */
public final class VersionNotFoundException extends Exception {

    private final String query;
    private final List<String> nearest;

    public VersionNotFoundException(String query, String why, List<String> nearest) {
        super("go version \"" + query + "\": " + why
                + (nearest.isEmpty() ? "" : " (nearest: " + String.join(", ", nearest) + ")"));
        this.query = query;
        this.nearest = List.copyOf(nearest);
    }

    public String query() {
        return query;
    }

    /** {@return up to four existing versions next to the query, newest first} */
    public List<String> nearest() {
        return nearest;
    }
}
