package dev.goferry.install.unpack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates the unpacked files whose bytes are already in memory on a few writer threads, so that
 * the thread reading the archive (inflating, parsing tar headers, checking names) does not wait for
 * the file system. A profile of unpacking the 12,000-file Go archive showed why: creating a file
 * ({@code openat} with {@code O_CREAT|O_EXCL}) cost the kernel up to half a millisecond on the
 * benchmark machine's ext4 (no journal: every inode allocation checks the inodes of a tree deleted
 * minutes before) — more than inflating the file's bytes — and tar overlaps the two only because
 * gzip runs in a process of its own.
 *
 * <p>What stays on the reading thread, in archive order: every safety check, every folder (made
 * before any file inside it is handed over), every link, and every file too big to hold in memory.
 * The bytes held by queued files are bounded ({@link #MAX_BYTES_IN_FLIGHT}); the reading thread
 * blocks when the writers are behind. The first failure of any writer is kept; {@link #check()}
 * and {@link #finish()} rethrow it on the reading thread, and files still queued behind it are skipped. {@link
 * #close()} returns only when no writer can still create a file, so that the caller can delete the
 * staging folder without racing one.
 */
final class ParallelFileWriter implements AutoCloseable {

    /** Files up to this size are read into memory and handed to a writer; bigger ones are streamed by the reader. */
    static final int MAX_QUEUED_FILE = 1 << 20;
    /** Bytes held by files waiting for a writer (plus {@link #OVERHEAD} each): bounds the memory. */
    static final int MAX_BYTES_IN_FLIGHT = 32 << 20;
    /** Counted per queued file besides its bytes, so that many empty files also block. */
    private static final int OVERHEAD = 4096;

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    @SuppressWarnings("unchecked")
    private static final FileAttribute<Set<PosixFilePermission>>[] MODES = new FileAttribute[01000];

    /** One single-thread executor per writer; a folder's files all go to the same one. */
    private final ExecutorService[] writers;
    private final Semaphore budget = new Semaphore(MAX_BYTES_IN_FLIGHT);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    /** The writer threads, joined by {@link #close()}: after it, none is alive. */
    private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ParallelFileWriter(int count) {
        java.util.concurrent.ThreadFactory named = Thread.ofPlatform().name("goferry-unpack-write-", 0).daemon().factory();
        this.writers = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            writers[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = named.newThread(r);
                threads.add(t);
                return t;
            });
        }
    }

    /**
     * {@return the writer for files in {@code folder}}: always the same one, because two threads
     * creating files in one folder wait on the folder's lock in the kernel, and spin while they
     * wait (a profile with one shared pool showed {@code rwsem_spin_on_owner} at 8 % of all CPU).
     */
    private ExecutorService writerFor(Path folder) {
        return writers[Math.floorMod(folder == null ? 0 : folder.hashCode(), writers.length)];
    }

    /**
     * {@return a writer pool sized for this machine}: two writers on one or two cores (a writer
     * mostly waits in the kernel, so two overlap each other and the reader), at most four.
     */
    static ParallelFileWriter start() {
        return new ParallelFileWriter(Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4));
    }

    /**
     * Queues {@code dest} to be created with the first {@code length} bytes of {@code bytes} (which
     * the caller no longer touches) and the Unix permission bits {@code mode} (-1: the default).
     * Blocks while the queued files hold {@link #MAX_BYTES_IN_FLIGHT} bytes.
     */
    void write(Path dest, byte[] bytes, int length, int mode) throws IOException {
        check();
        int cost = Math.min(length + OVERHEAD, MAX_BYTES_IN_FLIGHT);
        try {
            budget.acquire(cost);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("unpacking interrupted");
        }
        try {
            writerFor(dest.getParent()).execute(() -> {
                try {
                    if (!stopped) {
                        create(dest, bytes, length, mode);
                    }
                } catch (Throwable t) {
                    stopped = true;
                    failure.compareAndSet(null, t);
                } finally {
                    budget.release(cost);
                }
            });
        } catch (RejectedExecutionException e) {
            budget.release(cost);
            throw new IllegalStateException("writer pool used after close", e);
        }
    }

    /** Rethrows the first writer failure, if any, on the calling (reading) thread. */
    void check() throws IOException {
        Throwable t = failure.get();
        if (t == null) {
            return;
        }
        switch (t) {
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IOException(t);
        }
    }

    /** Waits until every queued file is written (for a hard link to one of them), then {@link #check()}s. */
    void drain() throws IOException {
        try {
            budget.acquire(MAX_BYTES_IN_FLIGHT);
            budget.release(MAX_BYTES_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("unpacking interrupted");
        }
        check();
    }

    /** Waits for every queued file and stops the writers; throws the first failure. */
    void finish() throws IOException {
        drain();
        close();
        check();
    }

    /**
     * Stops the writers: queued files not yet started are skipped, and this returns once no writer
     * is running (a file being written is finished first: at most {@link #MAX_QUEUED_FILE} bytes).
     */
    @Override
    public void close() {
        stopped = failure.get() != null || stopped;
        for (ExecutorService w : writers) {
            w.shutdown();
        }
        boolean interrupted = false;
        for (ExecutorService w : writers) {
            while (true) {
                try {
                    if (w.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the caller deletes the folder next
                    stopped = true;
                }
            }
        }
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the pool failed from the reading side: writers skip what is still queued. */
    void abandon() {
        stopped = true;
    }

    /**
     * Creates {@code dest} (which must not exist) with the mode set at creation, as tar does; the
     * umask applies, as GNU tar applies it for non-root users, and bits the umask does not usually
     * clear (the owner's executable bit) are forced afterwards.
     */
    static void create(Path dest, byte[] bytes, int length, int mode) throws IOException {
        try (FileChannel out = mode >= 0 && POSIX
                ? FileChannel.open(dest, CREATE, modeAttribute(mode))
                : FileChannel.open(dest, CREATE)) {
            ByteBuffer slice = ByteBuffer.wrap(bytes, 0, length);
            while (slice.hasRemaining()) {
                out.write(slice);
            }
        }
        fixExecutable(dest, mode);
    }

    /** Forces the owner's executable bit if the umask cleared it (a no-op on non-POSIX file systems). */
    static void fixExecutable(Path dest, int mode) throws IOException {
        if (mode >= 0 && POSIX && (mode & 0100) != 0 && !Files.isExecutable(dest)) {
            Files.setPosixFilePermissions(dest, permissions(mode));
        }
    }

    /** {@return whether file modes can be set on this platform's default file system} */
    static boolean posix() {
        return POSIX;
    }

    /** {@return the creation attribute for {@code mode}, one shared instance per mode} */
    static FileAttribute<Set<PosixFilePermission>> modeAttribute(int mode) {
        int m = mode & 0777;
        FileAttribute<Set<PosixFilePermission>> a = MODES[m];
        if (a == null) {
            a = PosixFilePermissions.asFileAttribute(permissions(m));
            MODES[m] = a; // a benign race: every thread computes the same value
        }
        return a;
    }

    /** {@return the permission set of {@code mode}}; the owner keeps read and write, so the tree can always be removed again. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(bits[i]);
            }
        }
        perms.add(PosixFilePermission.OWNER_READ);
        perms.add(PosixFilePermission.OWNER_WRITE);
        return perms;
    }
}
