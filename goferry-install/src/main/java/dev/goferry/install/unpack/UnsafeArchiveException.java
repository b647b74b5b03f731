package dev.goferry.install.unpack;

/** An archive entry that would write outside the target, or that goferry refuses to create. */
public final class UnsafeArchiveException extends java.io.IOException {

    private final String entry;

    public UnsafeArchiveException(String entry, String reason) {
        super("unsafe archive entry \"" + entry + "\": " + reason);
        this.entry = entry;
    }

    public String entry() {
        return entry;
    }
}
