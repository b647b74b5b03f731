package dev.goferry.install.download;

import java.util.List;

/** No source produced the file with the index's size and SHA-256; every failure is listed. */
public final class DownloadException extends Exception {

    private final String filename;
    private final List<SourceFailure> failures;
    private final boolean checksumMismatch;

    public DownloadException(String filename, List<SourceFailure> failures, boolean checksumMismatch) {
        super("download \"" + filename + "\": " + (checksumMismatch ? "checksum mismatch" : "no source could serve it")
                + (failures.isEmpty() ? "" : " (" + String.join("; ", failures.stream().map(SourceFailure::toString).toList()) + ")"));
        this.filename = filename;
        this.failures = List.copyOf(failures);
        this.checksumMismatch = checksumMismatch;
    }

    public String filename() {
        return filename;
    }

    public List<SourceFailure> failures() {
        return failures;
    }

    /** {@return whether some source served the full size but bytes whose SHA-256 did not match the index} */
    public boolean checksumMismatch() {
        return checksumMismatch;
    }
}
