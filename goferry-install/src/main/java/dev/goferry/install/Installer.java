package dev.goferry.install;

import dev.goferry.install.download.DownloadException;
import dev.goferry.install.download.DownloadListener;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.download.SourceFailure;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.source.ReleaseSource;
import dev.goferry.install.unpack.SafeUnpacker;
import dev.goferry.install.unpack.StreamingUnpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs one Go release into a {@link ToolchainRoot}: download (or a given archive), verify
 * against the index's SHA-256, unpack safely into {@code versions/<v>.tmp}, check the tree holds a
 * {@code bin/go}, rename into place, switch {@code current}. All of it under the root's lock; any
 * failure leaves no version directory and {@code current} untouched.
 */
public final class Installer {

    private static final Pattern ARCHIVE_NAME = Pattern.compile("(go\\d+\\.\\d+(?:\\.\\d+|(?:beta|rc)\\d+)?)\\.([a-z0-9]+)-([a-z0-9]+)\\.(tar\\.gz|zip)");

    private final ToolchainRoot root;
    private final Downloader downloader;

    public Installer(ToolchainRoot root, Downloader downloader) {
        this.root = root;
        this.downloader = downloader;
    }

    /** How the archive's bytes were checked. */
    public enum Verification {
        /** Its SHA-256 equals the release index's. */
        INDEX_SHA256,
        /**
         * The {@code golang.org/toolchain} module zip and go.mod hash to the checksum database's
         * authenticated record (see {@code dev.goferry.install.toolchain}).
         */
        CHECKSUM_DATABASE,
        /** No index entry (offline, or an index without a checksum for it): installed unverified. */
        NOT_VERIFIED
    }

    /** What an install did. */
    public sealed interface Outcome permits Installed, AlreadyInstalled {
        String version();

        Path goroot();
    }

    /**
     * A new version is in place.
     *
     * @param source the source that served the archive, empty for an --archive install
     * @param failures the sources that failed on the way (fallbacks)
     * @param current whether {@code current} now points at it
     * @param download how long the download took (to the verified file), empty for an --archive install
     */
    public record Installed(String version, Path goroot, Optional<String> source, Verification verification,
                           List<SourceFailure> failures, boolean current, Optional<java.time.Duration> download)
            implements Outcome {
        public Installed {
            failures = List.copyOf(failures);
        }
    }

    /** The version was already installed (maybe by a concurrent run that held the lock first). */
    public record AlreadyInstalled(String version, Path goroot, boolean current) implements Outcome {}

    /** The archive's SHA-256 is not the index's: nothing was installed. */
    public static final class ChecksumMismatchException extends IOException {
        public ChecksumMismatchException(String archive, String got, String want) {
            super("archive \"" + archive + "\": checksum mismatch: sha256 " + got + ", the release index says " + want);
        }
    }

    /** Downloads and installs the release file (an archive for this platform). */
    public Outcome install(ReleaseFile file, List<ReleaseSource> sources, boolean makeCurrent, DownloadListener listener)
            throws IOException, DownloadException {
        try (ToolchainRoot.Lock lock = root.lock()) {
            Optional<Outcome> already = already(file.version(), makeCurrent);
            if (already.isPresent()) {
                return already.get();
            }
            Streamed streamed = downloadUnpacking(file, sources, listener);
            Downloader.Downloaded got = streamed.got();
            if (!adoptStreamed(streamed, file.version())) {
                place(got.path(), file.version());
            }
            if (makeCurrent) {
                root.use(file.version());
            }
            Files.deleteIfExists(got.path());
            return new Installed(file.version(), root.version(file.version()), got.servedBy(),
                    got.verified() ? Verification.INDEX_SHA256 : Verification.NOT_VERIFIED, got.failures(), makeCurrent,
                    Optional.of(got.elapsed()));
        }
    }

    /** A verified download and the tree unpacked from its bytes as they arrived. */
    private record Streamed(Downloader.Downloaded got, StreamingUnpacker unpacker, Path staging) {}

    /**
     * Downloads while unpacking into the version's staging folder on another thread. The unpacked
     * tree stays a candidate until the download is verified; a download that fails leaves no
     * staging folder behind.
     */
    private Streamed downloadUnpacking(ReleaseFile file, List<ReleaseSource> sources, DownloadListener listener)
            throws IOException, DownloadException {
        Path staging = root.staging(file.version());
        StreamingUnpacker unpacker = StreamingUnpacker.start(file.filename(), staging);
        try {
            return new Streamed(downloader.download(file, sources, root.downloads(), listener, unpacker), unpacker, staging);
        } catch (IOException | DownloadException | RuntimeException e) {
            closeQuietly(unpacker);
            ToolchainRoot.deleteTree(staging);
            throw e;
        }
    }

    /**
     * Adopts the tree unpacked during the download if it is exactly the verified file's (and holds
     * {@code bin/go}); otherwise deletes it, so that the caller unpacks the verified file.
     *
     * @return whether the version is now in place
     */
    private boolean adoptStreamed(Streamed streamed, String version) throws IOException {
        Path staging = streamed.staging();
        boolean complete;
        try {
            complete = streamed.unpacker().finish(streamed.got().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(streamed.unpacker());
            ToolchainRoot.deleteTree(staging);
            throw new java.io.InterruptedIOException("install interrupted");
        }
        if (complete && ToolchainRoot.hasGoCommand(staging)) {
            root.adopt(staging, version);
            return true;
        }
        ToolchainRoot.deleteTree(staging);
        return false;
    }

    private static void closeQuietly(StreamingUnpacker unpacker) {
        try {
            unpacker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Installs a local archive (offline): verified when {@code known} (its index entry) has a
     * checksum, else installed as {@link Verification#NOT_VERIFIED}.
     */
    public Outcome installArchive(Path archive, Optional<ReleaseFile> known, boolean makeCurrent) throws IOException {
        String version = versionOf(archive.getFileName().toString())
                .orElseThrow(() -> new IOException("archive \"" + archive + "\": not named like an official Go archive (go1.N.P.os-arch.tar.gz or .zip)"));
        Verification verification = Verification.NOT_VERIFIED;
        if (known.isPresent() && known.get().checksum().isPresent()) {
            String got = Downloader.sha256(archive);
            if (!got.equals(known.get().sha256())) {
                throw new ChecksumMismatchException(archive.toString(), got, known.get().sha256());
            }
            verification = Verification.INDEX_SHA256;
        }
        try (ToolchainRoot.Lock lock = root.lock()) {
            Optional<Outcome> already = already(version, makeCurrent);
            if (already.isPresent()) {
                return already.get();
            }
            place(archive, version);
            if (makeCurrent) {
                root.use(version);
            }
            return new Installed(version, root.version(version), Optional.empty(), verification, List.of(), makeCurrent,
                    Optional.empty());
        }
    }

    /** {@return the Go version an official archive name carries: go1.22.3.linux-amd64.tar.gz → go1.22.3} */
    public static Optional<String> versionOf(String archiveName) {
        Matcher m = ARCHIVE_NAME.matcher(archiveName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Optional<Outcome> already(String version, boolean makeCurrent) throws IOException {
        if (!root.installed(version)) {
            return Optional.empty();
        }
        if (makeCurrent) {
            root.use(version);
        }
        return Optional.of(new AlreadyInstalled(version, root.version(version), makeCurrent));
    }

    private void place(Path archive, String version) throws IOException {
        root.install(version, "archive \"" + archive.getFileName() + "\": no go/bin/go inside: not a Go toolchain",
                staging -> SafeUnpacker.unpack(archive, staging));
    }
}
