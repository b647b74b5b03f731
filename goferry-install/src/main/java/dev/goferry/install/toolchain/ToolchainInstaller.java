package dev.goferry.install.toolchain;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.install.Installer;
import dev.goferry.install.download.DownloadException;
import dev.goferry.install.download.DownloadListener;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.download.SourceFailure;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.source.ReleaseSource;
import dev.goferry.install.unpack.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Installs a Go release from the {@code golang.org/toolchain} module through module proxies,
 * verified by the checksum database instead of the release index:
 *
 * <ol>
 *   <li>under the root's lock, an installed version is only made current;
 *   <li>the database's record for the version is looked up and authenticated first (an unknown
 *       version or a database that does not verify stops here, before any large download);
 *   <li>the {@code .mod} is fetched from the proxies (cmd/go's proxy fallback rules);
 *   <li>the zip is downloaded by the resumable {@link Downloader} from the proxies in order, or in
 *       pieces from several of them at once when the downloader is {@link Downloader#segmented};
 *   <li>its h1 and the go.mod's h1 must equal the record; a mismatch deletes the download and, if
 *       later proxies are listed, tries them (each at most once), else refuses; a mismatch of a zip
 *       put together from several proxies fetches it again from one proxy at a time, which tells
 *       the bad one;
 *   <li>meanwhile (on another core) {@link ToolchainUnzip} unpacks it into {@code versions/<v>.tmp}
 *       (module zip rules, Go's execute bits, {@code _go.mod} copies); the folder must hold
 *       {@code bin/go} and is renamed into place only once the record matched, else removed;
 *       {@code current} is switched.
 * </ol>
 *
 * Any failure leaves no version folder and {@code current} untouched.
 */
public final class ToolchainInstaller {

    private final ToolchainRoot root;
    private final Downloader downloader;

    public ToolchainInstaller(ToolchainRoot root, Downloader downloader) {
        this.root = root;
        this.downloader = downloader;
    }

    /**
     * What an install did.
     *
     * @param outcome as for an archive install ({@link Installer.Verification#CHECKSUM_DATABASE} when installed)
     * @param verified the database's verdict, absent when the version was already installed
     * @param moduleVersion e.g. {@code v0.0.1-go1.19.8.linux-amd64}
     */
    public record Result(Installer.Outcome outcome, Optional<Verdict.Verified> verified, String moduleVersion) {}

    /**
     * Installs {@code listed} (a version of the module for this platform).
     *
     * @throws RefusedException when the checksum database does not vouch for the bytes
     * @throws ToolchainProxies.ProxyException when no proxy serves the go.mod (or GOPROXY has no HTTP proxy)
     * @throws DownloadException when no proxy serves the zip
     * @throws UnsafeArchiveException when the verified zip breaks the module zip rules
     */
    public Result install(ToolchainModule.Listed listed, ToolchainProxies proxies, ToolchainVerifier verifier,
                          boolean makeCurrent, DownloadListener listener)
            throws IOException, InterruptedException, RefusedException, ToolchainProxies.ProxyException, DownloadException {
        String version = listed.goVersion();
        String mv = listed.moduleVersion();
        try (ToolchainRoot.Lock lock = root.lock()) {
            if (root.installed(version)) {
                if (makeCurrent) {
                    root.use(version);
                }
                return new Result(new Installer.AlreadyInstalled(version, root.version(version), makeCurrent), Optional.empty(), mv);
            }
            ToolchainVerifier.Record record = switch (verifier.lookup(mv)) {
                case ToolchainVerifier.Found f -> f.record();
                case ToolchainVerifier.Refused r -> throw new RefusedException(r.verdict());
            };
            byte[] goMod = proxies.mod(mv).body();
            List<ReleaseSource> remaining = proxies.zipSources(mv);
            if (remaining.isEmpty()) {
                throw new ToolchainProxies.ProxyException(ToolchainModule.PATH + "@" + mv + ".zip",
                        List.of("GOPROXY lists no http(s) module proxy"), false);
            }
            ReleaseFile file = new ReleaseFile(listed.zipName(), listed.goos(), listed.goarch(), version, "", 0, "archive");
            List<SourceFailure> failures = new ArrayList<>();
            Downloader fetcher = downloader;
            while (true) {
                Downloader.Downloaded got;
                try {
                    got = fetcher.download(file, remaining, root.downloads(), listener);
                } catch (DownloadException e) {
                    failures.addAll(e.failures());
                    throw new DownloadException(e.filename(), failures, false);
                }
                failures.addAll(got.failures());
                Verdict verdict = verifyWhileUnzipping(verifier, record, got.path(), goMod, mv, version);
                if (verdict instanceof Verdict.Verified verified) {
                    if (makeCurrent) {
                        root.use(version);
                    }
                    Files.deleteIfExists(got.path());
                    return new Result(new Installer.Installed(version, root.version(version), got.servedBy(),
                            Installer.Verification.CHECKSUM_DATABASE, failures, makeCurrent, Optional.of(got.elapsed())),
                            Optional.of(verified), mv);
                }
                Files.deleteIfExists(got.path());
                int served = indexOf(remaining, got.servedBy());
                String reason = verdict.message().lines().findFirst().orElse("checksum mismatch");
                // servedBy names no single proxy: the zip was put together from pieces of several.
                boolean pieces = served < 0 && got.servedBy().isPresent();
                if (verdict instanceof Verdict.Mismatch && pieces) {
                    // Which proxy sent the bad bytes is not known: ask them one at a time.
                    failures.add(new SourceFailure(remaining.getFirst(), reason + " (pieces from " + got.servedBy().get()
                            + "; fetching again from one proxy at a time)"));
                    fetcher = fetcher.oneSourceAtATime();
                    continue;
                }
                if (!(verdict instanceof Verdict.Mismatch) || served < 0 || served + 1 >= remaining.size()) {
                    throw new RefusedException(verdict);
                }
                failures.add(new SourceFailure(remaining.get(served), reason));
                remaining = remaining.subList(served + 1, remaining.size());
            }
        }
    }

    private static Verdict check(ToolchainVerifier verifier, ToolchainVerifier.Record record, Path zip, byte[] goMod)
            throws IOException {
        try {
            return verifier.check(record, zip, goMod);
        } catch (Dirhash.UnexpectedFileException e) {
            // A file outside module@version/ makes it another zip than the one recorded, whatever its
            // hash: refused in go's words, and (as for a mismatch) the next proxy may serve the right one.
            return new Verdict.Mismatch(e.getMessage(), "", record.zipHash());
        } catch (java.util.zip.ZipException e) {
            return new Verdict.Mismatch(ToolchainModule.PATH + "@" + record.version()
                    + ": verifying module: not a readable zip: " + e.getMessage(), "", record.zipHash());
        }
    }

    private static int indexOf(List<ReleaseSource> sources, Optional<String> name) {
        for (int i = 0; i < sources.size(); i++) {
            if (name.isPresent() && sources.get(i).name().equals(name.get())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the zip against the record and, at the same time, unzips it into the version's staging
     * folder (two passes over the zip on two cores instead of one after the other); the staging
     * folder is adopted only when the verdict is {@link Verdict.Verified}, and removed otherwise.
     * The database's verdict comes first: when it refuses, an unzip failure is not reported.
     *
     * @return the verdict; when {@link Verdict.Verified}, the version is installed
     * @throws UnsafeArchiveException when the verified zip breaks the module zip rules
     */
    private Verdict verifyWhileUnzipping(ToolchainVerifier verifier, ToolchainVerifier.Record record, Path zip, byte[] goMod,
                                         String moduleVersion, String version) throws IOException, InterruptedException {
        try (ExecutorService hashing = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Verdict> verdict = hashing.submit(() -> check(verifier, record, zip, goMod));
            try {
                root.install(version, "module zip \"" + zip.getFileName() + "\": no bin/go inside: not a Go toolchain", staging -> {
                    ToolchainUnzip.unpack(zip, moduleVersion, staging);
                    Verdict v = await(verdict);
                    if (!(v instanceof Verdict.Verified)) {
                        throw new NotVerified(v);
                    }
                });
                return await(verdict);
            } catch (NotVerified e) {
                return e.verdict;
            } catch (IOException | RuntimeException e) {
                Verdict v = await(verdict);
                if (!(v instanceof Verdict.Verified)) {
                    return v;
                }
                throw e;
            }
        }
    }

    private static Verdict await(Future<Verdict> verdict) throws IOException {
        try {
            return verdict.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("install interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Unwinds the staging folder when the database did not vouch for the zip being unzipped. */
    private static final class NotVerified extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Verdict verdict;

        NotVerified(Verdict verdict) {
            super(verdict.message(), null);
            this.verdict = verdict;
        }
    }
}
