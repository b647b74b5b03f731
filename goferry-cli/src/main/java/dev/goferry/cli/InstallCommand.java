package dev.goferry.cli;

import dev.goferry.install.Installer;
import dev.goferry.install.download.DownloadException;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.download.SourceFailure;
import dev.goferry.install.index.IndexClient;
import dev.goferry.install.index.Release;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.index.ReleaseIndex;
import dev.goferry.install.index.VersionNotFoundException;
import dev.goferry.install.root.FileErrors;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.toolchain.Verdict;
import dev.goferry.install.source.ReleaseCatalog;
import dev.goferry.install.unpack.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry install [VERSION]}: resolves the version in the release index, downloads the
 * archive for this platform from the first source that serves it (falling back mid-file, resuming
 * an interrupted download), verifies it against the index's SHA-256, unpacks it safely and makes it
 * current. {@code --archive FILE} installs a downloaded archive offline.
 */
@Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false)
final class InstallCommand implements Callable<Integer> {

    @ParentCommand
    GoferryCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VERSION", descriptionKey = "install.version")
    String version = "latest";

    @Option(names = "--index", paramLabel = "URL", descriptionKey = "install.index")
    List<String> indexUrls = new ArrayList<>();

    @Option(names = "--mirror", paramLabel = "URL", descriptionKey = "install.mirror")
    List<String> mirrors = new ArrayList<>();

    @Option(names = "--archive", paramLabel = "FILE", descriptionKey = "install.archive")
    Optional<Path> archive = Optional.empty();

    @Option(names = "--root", paramLabel = "DIR", descriptionKey = "install.root")
    Optional<Path> root = Optional.empty();

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "install.catalog")
    Optional<Path> catalogFile = Optional.empty();

    @Option(names = "--no-use", descriptionKey = "install.no-use")
    boolean noUse;

    @Option(names = "--goproxy", paramLabel = "LIST", descriptionKey = "install.goproxy")
    Optional<String> goproxy = Optional.empty();

    @Option(names = "--toolchain-module", descriptionKey = "install.toolchain-module")
    boolean toolchainModule;

    @Override
    public Integer call() {
        Console console = parent.console();
        Toolchains toolchains = new Toolchains(console);
        ToolchainRoot toolchainRoot = toolchains.root(root);
        ReleaseCatalog catalog = toolchains.catalog(catalogFile, indexUrls, mirrors);
        if (goproxy.isPresent() || toolchainModule) {
            if (archive.isPresent() || !mirrors.isEmpty() || !indexUrls.isEmpty()) {
                throw UserError.usage(console.text("install.error.toolchain-options"));
            }
            return new ToolchainModuleInstall(console, toolchains, toolchainRoot).install(version, goproxy, !noUse);
        }
        Installer installer = new Installer(toolchainRoot, toolchains.downloader());
        Installer.Outcome outcome;
        Optional<String> indexOrigin;
        try {
            if (archive.isPresent()) {
                Optional<ReleaseIndex> index = offlineIndex(toolchains, catalog, toolchainRoot);
                Optional<ReleaseFile> known = index.flatMap(i -> i.file(archive.get().getFileName().toString()));
                if (!Files.isRegularFile(archive.get())) {
                    throw UserError.usage(console.text("install.error.no-archive", archive.get()));
                }
                if (known.flatMap(ReleaseFile::checksum).isEmpty() && !console.json()) {
                    console.err().println(console.text("install.warn.not-verified", archive.get().getFileName()));
                    console.err().flush();
                }
                indexOrigin = Optional.empty();
                outcome = installer.installArchive(archive.get(), known, !noUse);
            } else {
                IndexClient.Fetched fetched = toolchains.fetchIndex(catalog, toolchainRoot);
                indexOrigin = Optional.of(fetched.origin());
                Release release = fetched.index().resolve(version);
                String[] platform = Toolchains.platform();
                ReleaseFile file = release.archiveFor(platform[0], platform[1]).orElseThrow(() -> UserError.failed(
                        console.text("install.error.no-platform", release.version(), platform[0] + "/" + platform[1])));
                if (file.checksum().isEmpty() && !console.json()) {
                    console.err().println(console.text("install.warn.no-index-checksum", file.filename()));
                }
                if (catalog.sources().isEmpty()) {
                    throw UserError.usage(console.text("install.error.no-sources"));
                }
                outcome = installer.install(file, catalog.sources(), !noUse, new ProgressLine(console, System::nanoTime));
            }
        } catch (VersionNotFoundException e) {
            throw UserError.failed(e.getMessage());
        } catch (DownloadException e) {
            throw UserError.failed(console.text(e.checksumMismatch() ? "install.error.checksum" : "install.error.download",
                    e.filename(), failures(e.failures())));
        } catch (Downloader.LocalWriteException e) {
            throw UserError.failed(console.text("install.error.disk", e.getMessage()));
        } catch (UnsafeArchiveException e) {
            throw UserError.failed(console.text("install.error.unsafe", e.getMessage()));
        } catch (Installer.ChecksumMismatchException e) {
            throw UserError.failed(e.getMessage());
        } catch (IOException e) {
            throw UserError.failed(console.text("install.error.io", FileErrors.describe(e)));
        }
        if (console.json()) {
            console.printJson(json(outcome, indexOrigin, Optional.empty(), toolchains, toolchainRoot));
        } else {
            text(console, outcome, indexOrigin, Optional.empty(), toolchains, toolchainRoot);
        }
        return ExitCodes.OK;
    }

    /** The index for an offline install: fetched if reachable (quietly), else the cached copy, else none. */
    private Optional<ReleaseIndex> offlineIndex(Toolchains toolchains, ReleaseCatalog catalog, ToolchainRoot root) {
        if (catalog.indexUrls().isEmpty()) {
            return Toolchains.cachedIndex(root);
        }
        try {
            return Optional.of(toolchains.indexClient().fetch(catalog.indexUrls(), Optional.of(Toolchains.indexCache(root))).index());
        } catch (IndexClient.IndexUnavailableException e) {
            return Toolchains.cachedIndex(root);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String failures(List<SourceFailure> failures) {
        return failures.isEmpty() ? "-" : String.join("\n  ", failures.stream().map(SourceFailure::toString).toList());
    }

    /**
     * Prints what an install did.
     *
     * @param sumdb the checksum database's verdict, for a toolchain-module install
     */
    static void text(Console console, Installer.Outcome outcome, Optional<String> indexOrigin,
                     Optional<Verdict.Verified> sumdb, Toolchains toolchains, ToolchainRoot root) {
        switch (outcome) {
            case Installer.Installed i -> {
                console.out().println(console.text("install.done", i.version(), i.goroot()));
                console.out().println("  " + switch (i.verification()) {
                    case INDEX_SHA256 -> console.text("install.verified", indexOrigin.orElse(Toolchains.indexCache(root).toString()));
                    case NOT_VERIFIED -> console.style(Console.Style.WARN, console.text("install.not-verified"));
                    case CHECKSUM_DATABASE -> console.text("install.verified-sumdb",
                            sumdb.map(Verdict.Verified::database).orElse("?"),
                            sumdb.map(v -> Long.toString(v.recordId())).orElse("?"));
                });
                i.source().ifPresent(s -> console.out().println("  " + console.text("install.source", s)));
                if (!i.failures().isEmpty()) {
                    console.out().println("  " + console.text("install.fallbacks", i.failures().size()));
                }
            }
            case Installer.AlreadyInstalled a -> console.out().println(console.text("install.already", a.version(), a.goroot()));
        }
        boolean current = switch (outcome) {
            case Installer.Installed i -> i.current();
            case Installer.AlreadyInstalled a -> a.current();
        };
        if (current) {
            console.out().println(console.text("install.current", outcome.version()));
            toolchains.printPathHint(root);
        }
        console.out().flush();
    }

    static Map<String, Object> json(Installer.Outcome outcome, Optional<String> indexOrigin,
                                    Optional<Verdict.Verified> sumdb, Toolchains toolchains, ToolchainRoot root) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "goferry.install/v1");
        doc.put("version", outcome.version());
        doc.put("goroot", outcome.goroot().toString());
        switch (outcome) {
            case Installer.Installed i -> {
                doc.put("status", "installed");
                doc.put("verification", switch (i.verification()) {
                    case INDEX_SHA256 -> "index-sha256";
                    case CHECKSUM_DATABASE -> "checksum-database";
                    case NOT_VERIFIED -> "not-verified";
                });
                sumdb.ifPresent(v -> {
                    Map<String, Object> db = new LinkedHashMap<>();
                    db.put("name", v.database());
                    db.put("sum", v.zipHash());
                    db.put("goModSum", v.goModHash());
                    db.put("record", v.recordId());
                    db.put("treeSize", v.treeSize());
                    doc.put("checksumDatabase", db);
                });
                doc.put("index", indexOrigin.orElse(null));
                doc.put("source", i.source().orElse(null));
                doc.put("downloadMs", i.download().map(java.time.Duration::toMillis).orElse(null));
                List<Object> failures = new ArrayList<>();
                for (SourceFailure f : i.failures()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("source", f.source().name());
                    item.put("url", f.source().base().toString());
                    item.put("reason", f.reason());
                    failures.add(item);
                }
                doc.put("fallbacks", failures);
                doc.put("current", i.current());
            }
            case Installer.AlreadyInstalled a -> {
                doc.put("status", "already-installed");
                doc.put("current", a.current());
            }
        }
        doc.put("root", root.dir().toString());
        doc.put("pathLine", toolchains.pathLine(root));
        return doc;
    }
}
