package dev.goferry.gomod.route;

import java.util.List;
import java.util.Optional;

/** How a request was answered, as far as the go command's next move depends on it. */
public sealed interface Answer {

    /**
     * A 200 (or a file that exists).
     *
     * @param versions for a list: the versions it names
     * @param version for @latest, a query's .info, or a VCS: the version it resolved to
     * @param goImport for discovery: the VCS and repository of the go-import meta tag
     */
    record Found(List<String> versions, Optional<String> version, Optional<GoImport> goImport) implements Answer {
        public Found {
            versions = List.copyOf(versions);
        }

        public static Found ok() {
            return new Found(List.of(), Optional.empty(), Optional.empty());
        }

        public static Found list(List<String> versions) {
            return new Found(versions, Optional.empty(), Optional.empty());
        }

        public static Found version(String version) {
            return new Found(List.of(), Optional.of(version), Optional.empty());
        }

        public static Found goImport(String vcs, String repo) {
            return new Found(List.of(), Optional.empty(), Optional.of(new GoImport(vcs, repo)));
        }
    }

    /** 404 or 410 (or a missing file): "not found", on which every GOPROXY entry moves on. */
    record NotFound(String goError) implements Answer {}

    /** Any other failure: a status, a refused or reset connection, a TLS or proxy error. */
    record Failed(String goError) implements Answer {}

    /** A go-import meta tag's VCS and repository root URL. */
    record GoImport(String vcs, String repo) {}
}
