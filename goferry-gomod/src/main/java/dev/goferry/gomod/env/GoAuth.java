package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GOAUTH (Go 1.24+): {@code ;}-separated credential sources, tried by cmd/go's
 * {@code auth.runGoAuth} after an HTTPS request gets a 4xx: {@code off}, {@code netrc},
 * {@code git DIR}, or a command. Go checks the list only when it first needs credentials, so
 * {@code error} is what a download would then fail with.
 *
 * @param entries each entry's words
 * @param error Go's text for an unusable list
 */
public record GoAuth(List<List<String>> entries, Optional<String> error) {

    public GoAuth {
        entries = entries.stream().map(List::copyOf).toList();
    }

    /** Parses GOAUTH. */
    public static GoAuth parse(String goauth, GoOs os) {
        List<List<String>> entries = new ArrayList<>();
        String[] commands = goauth.split(";", -1);
        // Go walks the list backwards (the first entry gets the last word), so its first complaint is about the last entry.
        for (int i = commands.length - 1; i >= 0; i--) {
            String command = commands[i];
            List<String> words = GoStrings.fields(command);
            if (words.isEmpty()) {
                return new GoAuth(entries, Optional.of("GOAUTH encountered an empty command (GOAUTH=" + goauth + ")"));
            }
            switch (words.get(0)) {
                case "off" -> {
                    if (commands.length != 1) {
                        return new GoAuth(entries, Optional.of(
                                "GOAUTH=off cannot be combined with other authentication commands (GOAUTH=" + goauth + ")"));
                    }
                }
                case "git" -> {
                    if (words.size() != 2) {
                        return new GoAuth(entries, Optional.of(
                                "GOAUTH=git dir method requires an absolute path to the git working directory"));
                    }
                    if (!os.isAbs(words.get(1))) {
                        return new GoAuth(entries, Optional.of("GOAUTH=git dir method requires an absolute path to"
                                + " the git working directory, dir is not absolute"));
                    }
                }
                default -> { }
            }
            entries.add(0, words);
        }
        return new GoAuth(entries, Optional.empty());
    }
}
