package dev.goferry.install.root;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Says what a local file-system failure was in words: the JDK's AccessDeniedException carries only
 * the path as its message, which reads like no error at all.
 */
public final class FileErrors {

    private FileErrors() {}

    /** {@return e.g. "/root/.goferry/go/versions/go1.22.3.tmp: permission denied"} */
    public static String describe(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> a.getFile() + ": permission denied" + (a.getReason() == null ? "" : " (" + a.getReason() + ")");
            case NoSuchFileException n -> n.getFile() + ": no such file or directory";
            case FileSystemException f when f.getReason() != null ->
                    f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + f.getReason().toLowerCase(java.util.Locale.ROOT);
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
