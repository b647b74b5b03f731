package dev.goferry.install.download;

import java.util.Optional;

/**
 * Recognises what a mirror sends before it lands on disk: a gzip stream for {@code .tar.gz}, a zip
 * local header for {@code .zip}. Mirrors that fail often answer 200 with an HTML page (a login
 * wall, a "not found" page, a CDN challenge): those are refused here, not after the checksum.
 */
public final class ArchiveMagic {

    private ArchiveMagic() {}

    /** {@return why these first bytes cannot start the named archive, or empty if they can} */
    public static Optional<String> mismatch(String filename, byte[] head, int length) {
        if (filename.endsWith(".tar.gz") || filename.endsWith(".tgz")) {
            if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
                return Optional.empty();
            }
        } else if (filename.endsWith(".zip")) {
            if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(looksLikeText(head, length)
                ? "served text (an HTML page?) instead of the archive"
                : "served bytes that do not start like " + filename);
    }

    private static boolean looksLikeText(byte[] head, int length) {
        for (int i = 0; i < Math.min(length, 64); i++) {
            int b = head[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                return false;
            }
        }
        return length > 0;
    }
}
