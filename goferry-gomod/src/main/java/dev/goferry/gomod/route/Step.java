package dev.goferry.gomod.route;

/** What one request fetches. */
public enum Step {
    /** {@code <proxy>/<path>/@v/list}: the known versions. */
    LIST,
    /** {@code <proxy>/<path>/@latest}: asked when the list is empty. */
    LATEST,
    /** {@code .info}: the version's metadata (also resolves a query). */
    INFO,
    /** {@code .mod}: the go.mod file. */
    MOD,
    /** {@code .zip}: the module's files. */
    ZIP,
    /** {@code <proxy>/sumdb/<name>/supported}: does this proxy serve the checksum database? */
    SUMDB_SUPPORTED,
    /** {@code <sumdb>/lookup/<path>@<version>}: the module's go.sum lines, signed. */
    SUMDB_LOOKUP,
    /** {@code https://<path>?go-get=1}: direct mode's discovery of the repository. */
    DISCOVERY,
    /** The version control command (git, hg, …) run against the repository. */
    VCS
}
