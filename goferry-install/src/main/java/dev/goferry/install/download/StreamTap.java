package dev.goferry.install.download;

/**
 * Sees the bytes of the part file as the downloader writes them, on the downloading thread, so
 * another consumer (an unpacker) can work while the download goes on. The offsets say where each
 * chunk landed: a tap that needs the file from its first byte in order notices a resume, a
 * restart from zero or another source's bytes by a gap, and gives up.
 */
@FunctionalInterface
public interface StreamTap {

    StreamTap NONE = (offset, bytes, length) -> { };

    /**
     * Bytes {@code [offset, offset + length)} of the file were written. Must not keep {@code bytes}
     * (the buffer is reused), must not throw; may block briefly (back-pressure).
     */
    void written(long offset, byte[] bytes, int length);
}
