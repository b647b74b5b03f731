package dev.goferry.gomod.env;

import java.util.Optional;

/**
 * The Go whose rules apply: its version (from {@code $GOROOT/VERSION}) and GOROOT, or the latest
 * Go goferry knows when none was found.
 *
 * @param version e.g. {@code go1.24.4}
 * @param goroot the GOROOT, when one was given or found
 * @param assumed true when the version is goferry's assumption, not read from a Go installation
 */
public record GoInstallation(String version, Optional<String> goroot, boolean assumed) {

    /** The newest Go whose settings goferry models; assumed when no Go is found. */
    public static final String LATEST = "go1.24";

    /** {@return the minor version: 24 for go1.24.4; a version goferry cannot read counts as the latest} */
    public int minor() {
        return minorOf(version).orElse(minorOf(LATEST).orElseThrow());
    }

    /** Reports whether this Go is 1.{@code minor} or newer. */
    public boolean atLeast(int minor) {
        return minor() >= minor;
    }

    static Optional<Integer> minorOf(String version) {
        if (!version.startsWith("go1.")) {
            return Optional.empty();
        }
        String rest = version.substring(4);
        int end = 0;
        while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(rest.substring(0, end)));
    }
}
