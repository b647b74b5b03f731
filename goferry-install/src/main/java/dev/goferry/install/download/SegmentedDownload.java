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
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file fetched in pieces from several sources at once, like aria2's {@code --split}: the
 * sources that answer a {@code Range: bytes=0-3} with the index's total size and the archive's
 * first bytes each get a worker; a worker takes the next piece ({@code Range: bytes=a-b}) and
 * writes it at its offset in the preallocated part; a failed piece goes back to the queue (from
 * where it stopped) for any worker, and a source that keeps failing loses its worker. When the
 * queue is empty an idle worker takes the second half of the piece with the most left, so the
 * mirrors finish together. Go archives have only a whole-file SHA-256, so nothing is trusted
 * until the whole part hashes to the index's; on a mismatch the caller fetches everything again
 * from one source at a time, which isolates the bad mirror. A file with no SHA-256 in the index (a
 * golang.org/toolchain module zip: the checksum database vouches for its h1) is its caller's to
 * check, with the same way back to one source at a time.
 */
final class SegmentedDownload {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    /**
     * How long the range checks may take together: a mirror that has not answered by then is left
     * out of the pieces (the sequential fallback still has it), so a dead mirror in the list does
     * not hold up the download for a whole connect timeout.
     */
    private static final java.time.Duration RANGE_CHECK_WAIT = java.time.Duration.ofSeconds(3);
    /** A piece with less than this left is not split for an idle worker. */
    private static final long MIN_STEAL = 1L << 20;

    private final HttpClient client;
    private final ProxyRouting routing;
    private final DownloadSettings settings;
    private final long minPiece;

    SegmentedDownload(HttpClient client, ProxyRouting routing, DownloadSettings settings, long minPiece) {
        this.client = client;
        this.routing = routing;
        this.settings = settings;
        this.minPiece = minPiece;
    }

    /** A byte range being fetched; its end may shrink when an idle worker takes its tail. */
    private static final class Piece {
        volatile long pos;
        final AtomicLong end;

        Piece(long start, long end) {
            this.pos = start;
            this.end = new AtomicLong(end);
        }

        long left() {
            return end.get() - pos;
        }
    }

    /** How one piece request ended. */
    private sealed interface Fetch permits Done, Retry, Drop {}

    private record Done() implements Fetch {}

    /** Transient: the piece goes back; the source may go on. */
    private record Retry(String reason) implements Fetch {}

    /** This source cannot serve pieces of this file. */
    private record Drop(String reason) implements Fetch {}

    /**
     * The sources that serve one file by ranges, and its size: the index's, or for a file the index
     * gives no size (a module zip) the size the first answering source announces, which every other
     * source must announce too.
     */
    record Candidates(List<ReleaseSource> sources, long size) {}

    /** A source's answer to {@code Range: bytes=0-3}: the total it announced, or why it cannot serve pieces. */
    private record RangeCheck(long total, Optional<String> problem) {
        static RangeCheck refused(String problem) {
            return new RangeCheck(-1, Optional.of(problem));
        }
    }

    /**
     * {@return the sources (of the first {@code max}) that serve this exact file by ranges, and its
     * size}; the others' reasons go to {@code failures}
     */
    Candidates candidates(ReleaseFile file, List<ReleaseSource> sources, int max, List<SourceFailure> failures)
            throws InterruptedException {
        List<ReleaseSource> first = sources.subList(0, Math.min(max, sources.size()));
        List<ReleaseSource> kept = new ArrayList<>();
        long size = file.size();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RangeCheck>> checks = new ArrayList<>();
            for (ReleaseSource s : first) {
                checks.add(pool.submit(() -> rangeCheck(file, s)));
            }
            long deadline = System.nanoTime() + RANGE_CHECK_WAIT.toNanos();
            Optional<ReleaseSource> sizedBy = Optional.empty();
            for (int i = 0; i < first.size(); i++) {
                RangeCheck check;
                try {
                    check = checks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    check = RangeCheck.refused("range check failed: " + e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    checks.get(i).cancel(true);
                    check = RangeCheck.refused("no answer to a range request within " + RANGE_CHECK_WAIT.toSeconds() + "s");
                }
                if (check.problem().isEmpty() && size <= 0) {
                    size = check.total();
                    sizedBy = Optional.of(first.get(i));
                } else if (check.problem().isEmpty() && check.total() != size) {
                    check = RangeCheck.refused("serves " + check.total() + " bytes, "
                            + sizedBy.map(s -> s.name() + " serves ").orElse("the index says ") + size + ": not the same file");
                }
                if (check.problem().isEmpty()) {
                    kept.add(first.get(i));
                } else {
                    failures.add(new SourceFailure(first.get(i), "not used for pieces: " + check.problem().get()));
                }
            }
        }
        return new Candidates(kept, size);
    }

    private RangeCheck rangeCheck(ReleaseFile file, ReleaseSource source) throws InterruptedException {
        URI url = source.fileUrl(file.filename());
        Optional<String> refusal = routing.refusal(url);
        if (refusal.isPresent()) {
            return RangeCheck.refused(refusal.get());
        }
        try {
            HttpResponse<byte[]> r = client.send(request(url, 0, 3), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 206) {
                return RangeCheck.refused("HTTP " + r.statusCode() + " to a range request");
            }
            if (r.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).startsWith("text/html")) {
                return RangeCheck.refused("served an HTML page");
            }
            Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
            if (!m.matches() || Long.parseLong(m.group(1)) != 0 || Long.parseLong(m.group(2)) > 3) {
                return RangeCheck.refused("Content-Range \"" + r.headers().firstValue("Content-Range").orElse("")
                        + "\" is not bytes 0-3 of the file");
            }
            return new RangeCheck(Long.parseLong(m.group(3)), ArchiveMagic.mismatch(file.filename(), r.body(), r.body().length));
        } catch (IOException e) {
            return RangeCheck.refused("request failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private HttpRequest request(URI url, long from, long to) {
        return HttpRequest.newBuilder(url).GET().timeout(settings.headersTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Range", "bytes=" + from + "-" + to).build();
    }

    /**
     * Fetches the whole file into {@code part} (created, preallocated) from {@code sources}.
     *
     * @return whether every byte arrived; the failures on the way are added to {@code failures}
     * @throws Downloader.LocalWriteException when the disk refused the bytes
     */
    boolean fetch(ReleaseFile file, List<ReleaseSource> sources, Path part, DownloadListener listener,
                  List<SourceFailure> failures, StreamTap tap) throws IOException, InterruptedException {
        long size = file.size();
        // About eight pieces per source: the complete prefix the unpacker can use lags the download by
        // about one piece per source, and the last pieces are split between idle workers anyway.
        long pieceBytes = Math.max(minPiece, (size + 8L * sources.size() - 1) / (8L * sources.size()));
        ConcurrentLinkedDeque<Piece> pending = new ConcurrentLinkedDeque<>();
        for (long at = 0; at < size; at += pieceBytes) {
            pending.add(new Piece(at, Math.min(size, at + pieceBytes)));
        }
        Map<Piece, Boolean> active = new ConcurrentHashMap<>();
        Map<InputStream, AtomicLong> reading = new ConcurrentHashMap<>();
        AtomicLong written = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<IOException> local = new AtomicReference<>();
        List<SourceFailure> seen = new CopyOnWriteArrayList<>();
        Object progressLock = new Object();
        Frontier frontier = new Frontier();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "goferry-segment-watchdog");
            t.setDaemon(true);
            return t;
        });
        long stallNanos = settings.stallTimeout().toNanos();
        long period = Math.max(50, settings.stallTimeout().toMillis() / 4);
        watchdog.scheduleAtFixedRate(() -> reading.forEach((in, last) -> {
            if (System.nanoTime() - last.get() > stallNanos) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing only unblocks the reader
                }
            }
        }), period, period, TimeUnit.MILLISECONDS);
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                StandardOpenOption.TRUNCATE_EXISTING);
             ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread feeder = Thread.ofVirtual().name("goferry-segment-feeder").start(() -> feed(out, frontier, size, tap, stop));
            for (ReleaseSource source : sources) {
                workers.submit(() -> {
                    int tries = 0;
                    synchronized (progressLock) {
                        listener.requesting(source, source.fileUrl(file.filename()), 0, size);
                    }
                    while (!stop.get()) {
                        Piece p = pending.pollFirst();
                        if (p == null) {
                            p = steal(active, pending);
                        }
                        if (p == null) {
                            if (active.isEmpty() && pending.isEmpty()) {
                                return null;
                            }
                            Thread.sleep(20);
                            continue;
                        }
                        active.put(p, Boolean.TRUE);
                        Fetch f;
                        try {
                            f = piece(file, source, p, out, reading, written, frontier, () -> {
                                synchronized (progressLock) {
                                    listener.progress(Math.min(size, written.get()), size);
                                }
                            });
                        } catch (Downloader.LocalWriteException e) {
                            local.set(e);
                            stop.set(true);
                            active.remove(p);
                            return null;
                        }
                        active.remove(p);
                        switch (f) {
                            case Done d -> { }
                            case Retry r -> {
                                pending.addFirst(p);
                                seen.add(new SourceFailure(source, r.reason()));
                                synchronized (progressLock) {
                                    listener.failed(source, r.reason());
                                }
                                if (++tries >= settings.triesPerSource()) {
                                    return null;
                                }
                                Thread.sleep(150L * tries);
                            }
                            case Drop r -> {
                                pending.addFirst(p);
                                seen.add(new SourceFailure(source, r.reason()));
                                synchronized (progressLock) {
                                    listener.failed(source, r.reason());
                                }
                                return null;
                            }
                        }
                    }
                    return null;
                });
            }
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
            frontier.close();
            feeder.join();
        } finally {
            watchdog.shutdownNow();
            frontier.close();
        }
        failures.addAll(seen);
        if (local.get() != null) {
            throw local.get();
        }
        return pending.isEmpty() && active.isEmpty();
    }

    /**
     * The written byte ranges, merged, so the prefix from byte 0 that is complete is known: the
     * feeder hands that prefix, in order, to the tap (the streaming unpacker) while later pieces
     * are still arriving.
     */
    private static final class Frontier {
        private final java.util.TreeMap<Long, Long> ranges = new java.util.TreeMap<>();
        private boolean closed;

        synchronized void add(long from, long to) {
            if (to <= from) {
                return;
            }
            Map.Entry<Long, Long> before = ranges.floorEntry(from);
            if (before != null && before.getValue() >= from) {
                from = before.getKey();
                to = Math.max(to, before.getValue());
            }
            for (Map.Entry<Long, Long> next = ranges.ceilingEntry(from); next != null && next.getKey() <= to;
                 next = ranges.ceilingEntry(from)) {
                to = Math.max(to, next.getValue());
                ranges.remove(next.getKey());
            }
            ranges.put(from, to);
            if (from == 0) {
                notifyAll();
            }
        }

        /** {@return the end of the complete prefix, waiting until it passes {@code beyond} or the download ends} */
        synchronized long awaitBeyond(long beyond) throws InterruptedException {
            while (!closed && prefix() <= beyond) {
                wait();
            }
            return prefix();
        }

        private long prefix() {
            Long end = ranges.get(0L);
            return end == null ? 0 : end;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    /** Hands the complete prefix to the tap, in order, reading it back from the part (page cache). */
    private static void feed(FileChannel part, Frontier frontier, long size, StreamTap tap, AtomicBoolean stop) {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        long fed = 0;
        try {
            while (fed < size && !stop.get()) {
                long upTo = frontier.awaitBeyond(fed);
                if (upTo <= fed) {
                    return; // closed without progress: the download ended short
                }
                while (fed < upTo) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), upTo - fed));
                    int n = part.read(buffer, fed);
                    if (n <= 0) {
                        return;
                    }
                    tap.written(fed, buffer.array(), n);
                    fed += n;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the tap saw less than the file: the installer unpacks the verified file instead
        }
    }

    /** Splits the piece with the most left, giving its second half to the caller. */
    private static Piece steal(Map<Piece, Boolean> active, ConcurrentLinkedDeque<Piece> pending) {
        Optional<Piece> victim = active.keySet().stream().max(Comparator.comparingLong(Piece::left));
        if (victim.isEmpty()) {
            return null;
        }
        Piece v = victim.get();
        long end = v.end.get();
        long left = end - v.pos;
        if (left < 2 * MIN_STEAL) {
            return null;
        }
        long mid = v.pos + left / 2;
        return v.end.compareAndSet(end, mid) ? new Piece(mid, end) : null;
    }

    private Fetch piece(ReleaseFile file, ReleaseSource source, Piece p, FileChannel out, Map<InputStream, AtomicLong> reading,
                        AtomicLong written, Frontier frontier, Runnable progress) throws IOException, InterruptedException {
        long from = p.pos;
        long to = p.end.get() - 1;
        if (from > to) {
            return new Done();
        }
        HttpResponse<InputStream> r;
        try {
            r = client.send(request(source.fileUrl(file.filename()), from, to), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Retry("piece " + from + "-" + to + ": request failed: " + e.getMessage());
        }
        try (InputStream body = r.body()) {
            if (r.statusCode() >= 500 || r.statusCode() == 429 || r.statusCode() == 408) {
                return new Retry("piece " + from + "-" + to + ": HTTP " + r.statusCode());
            }
            if (r.statusCode() != 206) {
                return new Drop("piece " + from + "-" + to + ": HTTP " + r.statusCode() + " to a range request");
            }
            Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
            if (!m.matches() || Long.parseLong(m.group(1)) != from || Long.parseLong(m.group(3)) != file.size()) {
                return new Drop("piece " + from + "-" + to + ": answered Content-Range \""
                        + r.headers().firstValue("Content-Range").orElse("") + "\"");
            }
            AtomicLong last = new AtomicLong(System.nanoTime());
            reading.put(body, last);
            try {
                byte[] buffer = new byte[64 * 1024];
                while (p.pos < p.end.get()) {
                    int n;
                    try {
                        n = body.read(buffer);
                    } catch (IOException e) {
                        return new Retry("piece " + from + "-" + to + ": connection broken at byte " + p.pos + ": " + e.getMessage());
                    }
                    if (n < 0) {
                        return new Retry("piece " + from + "-" + to + ": connection closed at byte " + p.pos);
                    }
                    last.set(System.nanoTime());
                    int keep = (int) Math.min(n, p.end.get() - p.pos);
                    if (keep <= 0) {
                        break; // the tail was taken by an idle worker
                    }
                    ByteBuffer slice = ByteBuffer.wrap(buffer, 0, keep);
                    long at = p.pos;
                    try {
                        while (slice.hasRemaining()) {
                            at += out.write(slice, at);
                        }
                    } catch (IOException e) {
                        throw new Downloader.LocalWriteException(Path.of(file.filename() + ".part"), e);
                    }
                    frontier.add(p.pos, at);
                    p.pos = at;
                    written.addAndGet(keep);
                    progress.run();
                }
                return new Done();
            } finally {
                reading.remove(body);
            }
        }
    }
}
