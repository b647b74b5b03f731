package dev.goferry.gomod.route;

import java.util.List;

/**
 * One GOPROXY entry as it applies to one module: what Go does with the module there.
 */
public sealed interface Entry {

    /** Reports whether any error here moves on to the next entry ({@code |}), not only "not found". */
    boolean fallBackOnError();

    /**
     * A module proxy, over HTTP(S) or a {@code file://} tree.
     *
     * @param base the proxy URL, as Go uses it
     */
    record Proxy(String base, boolean fallBackOnError) implements Entry {
        /** Reports whether the proxy is a {@code file://} tree, read from disk. */
        public boolean isFile() {
            return base.startsWith("file:");
        }
    }

    /**
     * The version control system, directly: {@code direct}, or the implicit {@code noproxy} entry
     * for a path that GONOPROXY/GOPRIVATE matches.
     *
     * @param discovery how Go finds the repository
     * @param privateByPattern the GONOPROXY pattern that sent the module here, when that is why
     */
    record Direct(Discovery discovery, java.util.Optional<String> privateByPattern, boolean fallBackOnError)
            implements Entry {}

    /**
     * An entry that answers without a request, with one of cmd/go's synthetic errors, all of
     * which count as "not found": {@code module lookup disabled by GOPROXY=off}; a private path
     * at a proxy ({@code disabled by GOPRIVATE/GONOPROXY}); a public path at the implicit
     * {@code noproxy} entry ({@code path does not match GOPRIVATE/GONOPROXY}).
     *
     * @param entry the GOPROXY entry: a proxy URL, {@code off} or {@code noproxy}
     * @param goError Go's error text
     */
    record Skip(String entry, String goError, boolean fallBackOnError) implements Entry {
        static final String OFF = "module lookup disabled by GOPROXY=off";
        static final String NOPROXY = "disabled by GOPRIVATE/GONOPROXY";
        static final String USE_PROXY = "path does not match GOPRIVATE/GONOPROXY";

        /** Reports whether this is {@code GOPROXY=off}, whose text Go reports when it is the last word. */
        public boolean isOff() {
            return goError.equals(OFF);
        }
    }

    /**
     * How direct mode finds the repository of a path.
     *
     * @param urls the discovery requests, in order: {@code https://<path>?go-get=1}, then the
     *     {@code http://} form when GOINSECURE matches; empty for hosts Go knows (github.com, …)
     *     or paths that name their VCS ({@code host/repo.git})
     * @param knownVcs the VCS and repository when Go knows them without discovery
     * @param insecurePattern the GOINSECURE pattern that allows the http:// fallback
     */
    record Discovery(List<String> urls, java.util.Optional<Vcs> knownVcs, java.util.Optional<String> insecurePattern) {
        public Discovery {
            urls = List.copyOf(urls);
        }
    }

    /**
     * A version control system for a repository, and whether GOVCS lets Go use it.
     *
     * @param vcs git, hg, svn, bzr or fossil
     * @param repo the repository URL
     * @param allowed whether GOVCS allows it for this path
     * @param rule the GOVCS rule that decided, e.g. {@code public:git|hg}
     * @param isPrivate whether GOVCS counts the path as private (it uses GOPRIVATE)
     */
    record Vcs(String vcs, String repo, boolean allowed, String rule, boolean isPrivate) {
        /** {@return Go's refusal text when GOVCS does not allow this VCS} */
        public String goError(String root) {
            return "GOVCS disallows using " + vcs + " for " + (isPrivate ? "private " : "public ") + root
                    + "; see 'go help vcs'";
        }
    }
}
