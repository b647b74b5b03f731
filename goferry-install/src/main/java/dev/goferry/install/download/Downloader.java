package dev.goferry.install.download;

import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.source.ReleaseSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one release file into a directory, trying the sources in order and moving to the
 * next one when a source fails, even mid-file: the bytes already in {@code <name>.part} are kept
 * and the next source is asked only for the rest (a Range request). The result is accepted only if
 * its SHA-256 equals the index's, so a mirror never vouches for its own bytes; a mismatch discards
 * the part and the next source starts from zero.
 *
 * <p>A {@link StreamTap} sees the bytes as they are written, so the installer can unpack while
 * the download goes on. With {@link #segmented} a fresh download is fetched in pieces from several
 * sources at once ({@link SegmentedDownload}).
 */
public final class Downloader {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final ProxyRouting routing;
    private final DownloadSettings settings;
    private final int segmentSources;
    private final long minPiece;

    public Downloader(ProxyRouting routing, DownloadSettings settings) {
        this(routing, settings, 1, 8L << 20);
    }

    private Downloader(ProxyRouting routing, DownloadSettings settings, int segmentSources, long minPiece) {
        this.routing = routing;
        this.settings = settings;
        this.segmentSources = segmentSources;
        this.minPiece = minPiece;
        this.client = HttpClient.newBuilder()
                .proxy(routing)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * {@return a downloader that fetches a file in pieces from up to {@code maxSources} of the first
     * sources at once} when at least two of them serve it by ranges and the file has at least two
     * pieces of {@code minPieceBytes}; else, and for a resumed part, one source at a time
     */
    public Downloader segmented(int maxSources, long minPieceBytes) {
        if (maxSources < 1 || minPieceBytes < 64 * 1024) {
            throw new IllegalArgumentException("segments: want at least 1 source and 64 KiB pieces");
        }
        return new Downloader(routing, settings, maxSources, minPieceBytes);
    }

    /**
     * {@return this downloader without pieces}: one source at a time, so that the source of a file
     * its caller refused (a module zip the checksum database does not vouch for) can be told
     */
    public Downloader oneSourceAtATime() {
        return segmentSources == 1 ? this : new Downloader(routing, settings, 1, minPiece);
    }

    /**
     * The bytes of one file on disk.
     *
     * @param verified whether they matched the index's SHA-256 (a file without one is its caller's to check)
     * @param servedBy the source, or the sources joined by {@code +} when pieces came from several;
     *     empty when the verified file was already there
     * @param elapsed from the start of the download to the verified file (zero when it was already there)
     */
    public record Downloaded(Path path, long size, boolean verified, Optional<String> servedBy,
                             List<SourceFailure> failures, java.time.Duration elapsed) {
        public Downloaded {
            failures = List.copyOf(failures);
        }
    }

    /** Writing to the local disk failed (disk full, permission denied): no source can help. */
    public static final class LocalWriteException extends IOException {
        LocalWriteException(Path path, IOException cause) {
            super("write \"" + path + "\": " + cause.getMessage(), cause);
        }
    }

    /**
     * The SHA-256 of the part's first {@code bytes} bytes, updated as bytes are written, so the
     * finished file is not read again. A try that starts elsewhere (a restart from zero, a resumed
     * part from an earlier run) re-hashes the part's prefix from disk once.
     */
    private static final class RunningHash {
        private MessageDigest digest = newDigest();
        private long bytes;

        void startAt(Path part, long offset) throws IOException {
            if (offset == bytes) {
                return;
            }
            digest = newDigest();
            bytes = 0;
            if (offset > 0) {
                try (InputStream in = Files.newInputStream(part)) {
                    byte[] buffer = new byte[256 * 1024];
                    long left = offset;
                    for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; left -= n) {
                        digest.update(buffer, 0, n);
                        bytes += n;
                    }
                }
            }
        }

        void update(byte[] b, int n) {
            digest.update(b, 0, n);
            bytes += n;
        }

        /** Takes bytes {@code [offset, offset + n)} if they continue the hashed prefix (a gap stops it: finish reads the disk). */
        void inOrder(long offset, byte[] b, int n) {
            if (offset == bytes) {
                update(b, n);
            }
        }

        /** {@return the hex digest of the whole part: from the running state if it covers it, else from disk} */
        String finish(Path part) throws IOException {
            long size = Files.size(part);
            String hex = bytes == size ? HexFormat.of().formatHex(digest.digest()) : sha256(part);
            digest = newDigest();
            bytes = 0;
            return hex;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How one try of one source ended. */
    private sealed interface Try permits Complete, Again, Skip {}

    private record Complete() implements Try {}

    /** A transient failure: the same source may be tried again, keeping the bytes. */
    private record Again(String reason) implements Try {}

    /** This source cannot serve this file: go to the next one. */
    private record Skip(String reason) implements Try {}

    /**
     * Downloads {@code file} into {@code dir} (as {@code dir/<filename>}), resuming a matching
     * {@code .part} left by an earlier run.
     *
     * @throws DownloadException when no source produced the verified file
     * @throws LocalWriteException when the local disk refused the bytes
     */
    public Downloaded download(ReleaseFile file, List<ReleaseSource> sources, Path dir, DownloadListener listener)
            throws DownloadException, IOException {
        return download(file, sources, dir, listener, StreamTap.NONE);
    }

    /**
     * Like {@link #download(ReleaseFile, List, Path, DownloadListener)}, showing every chunk written to
     * the part to {@code tap} as it lands (before the whole file is verified).
     */
    public Downloaded download(ReleaseFile file, List<ReleaseSource> sources, Path dir, DownloadListener listener,
                               StreamTap tap)
            throws DownloadException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(dir);
        Path target = dir.resolve(file.filename());
        Path part = dir.resolve(file.filename() + ".part");
        Path state = dir.resolve(file.filename() + ".part.state");
        if (Files.isRegularFile(target) && file.checksum().isPresent() && file.checksum().get().equals(sha256(target))) {
            listener.finished(Files.size(target));
            return new Downloaded(target, Files.size(target), true, Optional.empty(), List.of(), java.time.Duration.ZERO);
        }
        if (!PartState.read(state).map(s -> s.sameFile(file.filename(), file.sha256(), file.size())).orElse(false)) {
            Files.deleteIfExists(part);
        }
        List<SourceFailure> failures = new ArrayList<>();
        boolean mismatch = false;
        if (segmentSources > 1 && sources.size() > 1 && (file.size() == 0 || file.size() >= 2 * minPiece)
                && !Files.exists(part)) {
            Optional<Downloaded> done = segmented(file, sources, target, part, state, listener, failures, tap, started);
            if (done.isPresent()) {
                return done.get();
            }
        }
        RunningHash hash = new RunningHash();
        for (ReleaseSource source : sources) {
            Optional<String> refusal = routing.refusal(source.fileUrl(file.filename()));
            if (refusal.isPresent()) {
                fail(failures, listener, source, refusal.get());
                continue;
            }
            boolean complete = false;
            for (int attempt = 1; attempt <= settings.triesPerSource() && !complete; attempt++) {
                Try result = once(file, source, part, state, hash, listener, tap);
                switch (result) {
                    case Complete c -> complete = true;
                    case Again a -> {
                        fail(failures, listener, source, a.reason());
                        pause(attempt);
                    }
                    case Skip s -> {
                        fail(failures, listener, source, s.reason());
                        attempt = settings.triesPerSource();
                    }
                }
            }
            if (!complete) {
                continue;
            }
            String got = hash.finish(part);
            if (file.checksum().isPresent() && !file.checksum().get().equals(got)) {
                mismatch = true;
                fail(failures, listener, source, "checksum mismatch: got sha256 " + got + ", the index says " + file.sha256());
                Files.deleteIfExists(part);
                Files.deleteIfExists(state);
                continue;
            }
            long size = Files.size(part);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(state);
            listener.finished(size);
            return new Downloaded(target, size, file.checksum().isPresent(), Optional.of(source.name()), failures,
                    java.time.Duration.ofNanos(System.nanoTime() - started));
        }
        throw new DownloadException(file.filename(), failures, mismatch);
    }

    /**
     * The pieces from several sources; empty (with the part removed) when fewer than two sources
     * serve ranges, when the file has fewer than two pieces, when the sources ran out, or when the
     * whole file does not hash to the index's SHA-256: the caller then goes one source at a time from
     * zero. A file the index has no SHA-256 for (a module zip, which the checksum database vouches
     * for) comes back unverified, as from one source; its caller checks it and, on a mismatch, asks
     * {@link #oneSourceAtATime()} to find the bad source.
     */
    private Optional<Downloaded> segmented(ReleaseFile file, List<ReleaseSource> sources, Path target, Path part, Path state,
                                           DownloadListener listener, List<SourceFailure> failures, StreamTap tap,
                                           long started)
            throws IOException {
        SegmentedDownload segments = new SegmentedDownload(client, routing, settings, minPiece);
        try {
            SegmentedDownload.Candidates candidates = segments.candidates(file, sources, segmentSources, failures);
            List<ReleaseSource> kept = candidates.sources();
            if (kept.size() < 2 || candidates.size() < 2 * minPiece) {
                return Optional.empty();
            }
            ReleaseFile sized = file.withSize(candidates.size());
            // No state file: a part with holes must never be taken for a resumable prefix.
            Files.deleteIfExists(state);
            // The complete prefix reaches the tap in order while later pieces arrive: hash it there, so
            // only what the feeder did not get to (nothing, normally) is read again at the end.
            RunningHash hash = new RunningHash();
            StreamTap hashing = file.checksum().isEmpty() ? tap : (offset, bytes, length) -> {
                hash.inOrder(offset, bytes, length);
                tap.written(offset, bytes, length);
            };
            boolean complete = segments.fetch(sized, kept, part, listener, failures, hashing);
            if (complete) {
                // Without a checksum there is nothing to compare: the part is not read again.
                String got = file.checksum().isPresent() ? hash.finish(part) : "";
                if (file.checksum().isEmpty() || got.equals(file.sha256())) {
                    long size = Files.size(part);
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    listener.finished(size);
                    return Optional.of(new Downloaded(target, size, file.checksum().isPresent(),
                            Optional.of(String.join("+", kept.stream().map(ReleaseSource::name).toList())), failures,
                            java.time.Duration.ofNanos(System.nanoTime() - started)));
                }
                String reason = "checksum mismatch of the pieces: got sha256 " + got + ", the index says " + file.sha256()
                        + "; fetching again from one source at a time";
                failures.add(new SourceFailure(kept.getFirst(), reason));
                listener.failed(kept.getFirst(), reason);
            }
            Files.deleteIfExists(part);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("download interrupted");
        }
    }

    private static void fail(List<SourceFailure> failures, DownloadListener listener, ReleaseSource source, String reason) {
        failures.add(new SourceFailure(source, reason));
        listener.failed(source, reason);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(150L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Try once(ReleaseFile file, ReleaseSource source, Path part, Path state, RunningHash hash,
                     DownloadListener listener, StreamTap tap)
            throws IOException {
        long expected = file.size();
        long offset = Files.exists(part) ? Files.size(part) : 0;
        if (expected > 0 && offset > expected) {
            truncate(part, 0);
            offset = 0;
        }
        if (expected > 0 && offset == expected) {
            return new Complete();
        }
        URI url = source.fileUrl(file.filename());
        listener.requesting(source, url, offset, expected > 0 ? expected : -1);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET()
                .timeout(settings.headersTimeout())
                .header("User-Agent", settings.userAgent());
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Again((offset > 0 ? "request resuming at byte " + offset + " failed: " : "request failed: ") + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("download interrupted");
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long total;
            long start;
            if (status == 200) {
                start = 0;
                total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            } else if (status == 206) {
                Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches()) {
                    return new Skip("HTTP 206 without a usable Content-Range");
                }
                start = Long.parseLong(m.group(1));
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                if (start != offset) {
                    return new Skip("answered a range from byte " + start + ", asked from " + offset);
                }
            } else if (status == 416 && offset > 0) {
                truncate(part, 0);
                return new Again("HTTP 416 for a resume at byte " + offset + "; starting over");
            } else if (status >= 500 || status == 429 || status == 408) {
                return new Again("HTTP " + status);
            } else {
                return new Skip("HTTP " + status);
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("text/html")) {
                return new Skip("served an HTML page (Content-Type " + type + "), not the archive");
            }
            if (expected > 0 && total >= 0 && total != expected) {
                return new Skip("serves " + total + " bytes, the index says " + expected + ": not the same file");
            }
            if (start == 0 && offset > 0) {
                truncate(part, 0);
            }
            new PartState(file.filename(), file.sha256(), file.size(), source.name()).write(state);
            hash.startAt(part, start);
            return stream(file, body, part, start, total >= 0 ? total : expected, hash, listener, tap);
        }
    }

    private Try stream(ReleaseFile file, InputStream body, Path part, long start, long total, RunningHash hash,
                       DownloadListener listener, StreamTap tap)
            throws IOException {
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long stallNanos = settings.stallTimeout().toNanos();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "goferry-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, settings.stallTimeout().toMillis() / 4);
        ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastByte.get() > stallNanos && stalled.compareAndSet(false, true)) {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // closing only unblocks the reader
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        long done = start;
        try (FileChannel out = openPart(part, start)) {
            byte[] buffer = new byte[64 * 1024];
            boolean checkedMagic = start > 0;
            while (true) {
                int n;
                try {
                    // read, not readNBytes: bytes that arrived before a broken connection are kept.
                    n = checkedMagic ? body.read(buffer) : body.readNBytes(buffer, 0, 4);
                } catch (IOException e) {
                    return stalled.get()
                            ? new Again("stalled: no data for " + settings.stallTimeout().toSeconds() + "s after " + done + " bytes")
                            : new Again("connection broken after " + done + " bytes: " + describe(e));
                }
                if (n <= 0) {
                    break;
                }
                if (!checkedMagic) {
                    Optional<String> bad = ArchiveMagic.mismatch(file.filename(), buffer, n);
                    if (bad.isPresent()) {
                        return new Skip(bad.get());
                    }
                    checkedMagic = true;
                }
                try {
                    ByteBuffer slice = ByteBuffer.wrap(buffer, 0, n);
                    while (slice.hasRemaining()) {
                        out.write(slice);
                    }
                } catch (IOException e) {
                    throw new LocalWriteException(part, e);
                }
                hash.update(buffer, n);
                tap.written(done, buffer, n);
                done += n;
                lastByte.set(System.nanoTime());
                listener.progress(done, total);
                if (total > 0 && done > total) {
                    return new Skip("sent more than the " + total + " bytes it announced");
                }
            }
            if (stalled.get()) {
                return new Again("stalled: no data for " + settings.stallTimeout().toSeconds() + "s after " + done + " bytes");
            }
            if (total > 0 && done < total) {
                return new Again("connection closed after " + done + " of " + total + " bytes");
            }
            return new Complete();
        } finally {
            check.cancel(false);
            watchdog.shutdownNow();
        }
    }

    private static FileChannel openPart(Path part, long start) throws LocalWriteException {
        try {
            FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(start);
            channel.position(start);
            return channel;
        } catch (IOException e) {
            throw new LocalWriteException(part, e);
        }
    }

    private static void truncate(Path part, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** {@return the lowercase hex SHA-256 of a file} */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[256 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
