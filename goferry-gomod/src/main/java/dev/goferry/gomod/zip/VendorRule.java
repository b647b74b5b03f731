package dev.goferry.gomod.zip;

/**
 * Which vendored-package rule a zip is built with. The go command that builds a module zip from
 * a repository decides which files of {@code vendor} directories go in, and the rule changed in
 * Go 1.24 (x/mod v0.22), so the same commit hashes differently under an older go. Observed with
 * the real clients: go 1.19 keeps {@code vendor/modules.txt} and drops {@code sub/vendor/x};
 * go 1.24 does the opposite for a module whose go line says 1.24 or later.
 */
public enum VendorRule {

    /**
     * Go 1.23 and older (x/mod before v0.22): the go line is ignored; {@code vendor/modules.txt}
     * stays and the offset bug of golang.org/issue/37397 applies everywhere.
     */
    GO_1_23,

    /** Go 1.24 and newer: modules whose go line is 1.24+ get the corrected rule; older ones keep the bug. */
    GO_1_24;

    /** {@return the rule the current go command (and so proxy.golang.org) uses} */
    public static VendorRule current() {
        return GO_1_24;
    }
}
