package dev.goferry.install.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.install.Installer;
import dev.goferry.install.download.DownloadListener;
import dev.goferry.install.download.DownloadSettings;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.download.ProxyRouting;
import dev.goferry.install.index.Release;
import dev.goferry.install.index.VersionNotFoundException;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.testkit.GoClient;
import dev.goferry.testkit.GoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Installs Go 1.19.8 from the {@code golang.org/toolchain} module of a loopback GOPROXY, verified
 * by a loopback checksum database, and asks the REAL go 1.19 and 1.24 to download the very same
 * module version through the same GOPROXY and GOSUMDB ({@code go mod download -json}): they are
 * the judges of which downloads verify and of the h1 hashes goferry checked.
 */
class ToolchainInstallTest {

    private static final String OLD = "go1.18.10";

    /** How go begins a refusal by the checksum database. */
    private static final String VERIFYING = "golang.org/toolchain@" + ToolchainLab.MODULE_VERSION + ": verifying ";

    /** What goferry should do, and whether a real go of a given minor version succeeds. */
    private enum Expect { INSTALLED, MISMATCH, FOREIGN_FILE, UNKNOWN, DATABASE_FAILED, UNAVAILABLE }

    /**
     * One lab set-up.
     *
     * @param zip what the proxy serves as the zip
     * @param setUp records and the proxy's /sumdb/ service
     * @param gosumdb the GOSUMDB both goferry and the real go use
     * @param realGoSucceeds whether the real go of a minor version downloads it
     */
    record Case(String name, Supplier<byte[]> zip, Function<ToolchainLab, ToolchainLab> setUp,
                Function<ToolchainLab, String> gosumdb, Expect expect, java.util.function.IntPredicate realGoSucceeds) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("verified toolchain", ToolchainLab::realZip, ToolchainLab::withTrueRecord,
                        ToolchainLab::gosumdbUrl, Expect.INSTALLED, minor -> true),
                new Case("database served by the proxy's /sumdb/", ToolchainLab::realZip,
                        lab -> lab.withTrueRecord().servingSumdb(), ToolchainLab::gosumdbKeyOnly, Expect.INSTALLED, minor -> true),
                new Case("tampered zip", ToolchainLab::tamperedZip, ToolchainLab::withTrueRecord,
                        ToolchainLab::gosumdbUrl, Expect.MISMATCH, minor -> false),
                new Case("zip with a file outside module@version/", ToolchainLab::foreignFileZip, ToolchainLab::withTrueRecord,
                        ToolchainLab::gosumdbUrl, Expect.FOREIGN_FILE, minor -> false),
                new Case("database without the record", ToolchainLab::realZip, ToolchainLab::withOtherRecord,
                        ToolchainLab::gosumdbUrl, Expect.UNKNOWN, minor -> false),
                new Case("database signed by another key", ToolchainLab::realZip, ToolchainLab::withTrueRecord,
                        lab -> ToolchainLab.otherKey() + " " + lab.gosumdbUrl().split(" ")[1], Expect.DATABASE_FAILED, minor -> false),
                // Go 1.21+ verifies golang.org/toolchain even with GOSUMDB=off (modfetch.useSumDB);
                // go 1.19 predates toolchain downloads and fetches it unverified. goferry follows 1.21+.
                new Case("GOSUMDB=off", ToolchainLab::realZip, ToolchainLab::withTrueRecord,
                        lab -> "off", Expect.UNAVAILABLE, minor -> minor < 21));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void installsOnlyWhatTheChecksumDatabaseVouchesFor(Case c, @TempDir Path tmp) throws Exception {
        try (ToolchainLab lab = c.setUp().apply(new ToolchainLab(c.zip().get()))) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            previousCurrent(root);
            Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "GOPROXY", lab.goproxy(),
                    "GOSUMDB", c.gosumdb().apply(lab));
            ToolchainSource source = source(env);

            Optional<ToolchainInstaller.Result> result = Optional.empty();
            Optional<Exception> failure = Optional.empty();
            try {
                ToolchainModule.Listed listed = ToolchainModule.parse(ToolchainLab.MODULE_VERSION).orElseThrow();
                result = Optional.of(new ToolchainInstaller(root, new Downloader(routing(env), DownloadSettings.DEFAULT))
                        .install(listed, source.proxies(), source.verifier(), true, DownloadListener.NONE));
            } catch (RefusedException | ChecksumDatabase.UnavailableException e) {
                failure = Optional.of(e);
            }

            switch (c.expect()) {
                case INSTALLED -> assertInstalled(c, root, result);
                case MISMATCH -> assertRefused(c, root, failure, Verdict.Mismatch.class, VERIFYING, "checksum mismatch");
                case FOREIGN_FILE -> assertRefused(c, root, failure, Verdict.Mismatch.class,
                        "zip for golang.org/toolchain@" + ToolchainLab.MODULE_VERSION + " ", "has unexpected file Golang.org/");
                case UNKNOWN -> assertRefused(c, root, failure, Verdict.Unknown.class, VERIFYING, "not found");
                case DATABASE_FAILED -> assertRefused(c, root, failure, Verdict.DatabaseFailed.class, VERIFYING);
                case UNAVAILABLE -> {
                    assertThat(failure).as("%s: goferry refuses", c).get().isInstanceOf(ChecksumDatabase.UnavailableException.class)
                            .extracting(Throwable::getMessage).isEqualTo("checksum database disabled by GOSUMDB=off");
                    assertNothingChanged(c, root);
                }
            }
            if (c.name().contains("/sumdb/")) {
                assertThat(lab.requests()).as("%s: Go's dbDial asks the proxy first", c)
                        .contains("/sumdb/" + ToolchainLab.DB_NAME + "/supported")
                        .anyMatch(p -> p.startsWith("/sumdb/" + ToolchainLab.DB_NAME + "/lookup/"));
                assertThat(lab.sumdbPaths()).as("%s: the database's own URL is never used", c).isEmpty();
            } else {
                assertThat(lab.requests()).as("%s: an explicit GOSUMDB URL bypasses the proxy", c).noneMatch(p -> p.startsWith("/sumdb/"));
            }
            if (c.expect() != Expect.INSTALLED && c.expect() != Expect.MISMATCH && c.expect() != Expect.FOREIGN_FILE) {
                assertThat(lab.requests()).as("%s: refused before the zip was downloaded", c).noneMatch(p -> p.endsWith(".zip"));
            }

            for (GoClient go : GoClients.all()) {
                Path scratch = Files.createDirectories(tmp.resolve("go-" + go.version()));
                Map<String, String> goEnv = new LinkedHashMap<>(go.baseEnvironment(scratch));
                goEnv.put("GOPROXY", lab.goproxy());
                goEnv.put("GOSUMDB", c.gosumdb().apply(lab));
                goEnv.put("GOFLAGS", "-mod=mod");
                GoClient.GoResult r = go.run(scratch, goEnv, 120, "mod", "download", "-json",
                        "golang.org/toolchain@" + ToolchainLab.MODULE_VERSION);
                boolean wanted = c.realGoSucceeds().test(go.minor());
                assertThat(r.exitCode() == 0).as("%s: real %s succeeds? stdout %s stderr %s", c, go.version(), r.stdout(), r.stderr())
                        .isEqualTo(wanted);
                if (wanted && result.isPresent()) {
                    Verdict.Verified v = result.get().verified().orElseThrow();
                    assertThat(field(r.stdout(), "Sum")).as("%s: real %s Sum", c, go.version()).isEqualTo(v.zipHash());
                    assertThat(field(r.stdout(), "GoModSum")).as("%s: real %s GoModSum", c, go.version()).isEqualTo(v.goModHash());
                }
                if (c.expect() == Expect.MISMATCH || c.expect() == Expect.FOREIGN_FILE) {
                    String goferry = ((RefusedException) failure.orElseThrow()).verdict().message();
                    assertThat(error(r.stdout()).strip()).as("%s: real %s's error is goferry's, verbatim", c, go.version())
                            .isEqualTo(goferry);
                }
            }
        }
    }

    /**
     * A deliberate difference from the go command: when the zip of the first proxy does not match
     * the database, goferry tries the next proxy of the list (the database still decides); Go
     * fails the download ("checksum mismatch"), because it checks sums only after TryProxies has
     * returned the first proxy's answer.
     */
    @Test
    void aZipTheDatabaseRefusesSendsGoferryToTheNextProxyButNotGo(@TempDir Path tmp) throws Exception {
        try (ToolchainLab tampered = new ToolchainLab(ToolchainLab.tamperedZip());
             ToolchainLab good = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord()) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            String goproxy = tampered.goproxy() + "," + good.goproxy();
            Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "GOPROXY", goproxy, "GOSUMDB", good.gosumdbUrl());
            ToolchainSource source = source(env);
            ToolchainInstaller.Result result = new ToolchainInstaller(root, new Downloader(routing(env), DownloadSettings.DEFAULT))
                    .install(ToolchainModule.parse(ToolchainLab.MODULE_VERSION).orElseThrow(), source.proxies(), source.verifier(),
                            true, DownloadListener.NONE);
            Installer.Installed installed = (Installer.Installed) result.outcome();
            assertThat(installed.source()).contains(good.goproxy());
            assertThat(installed.failures()).singleElement().satisfies(f -> {
                assertThat(f.source().name()).isEqualTo(tampered.goproxy());
                assertThat(f.reason()).isEqualTo("golang.org/toolchain@" + ToolchainLab.MODULE_VERSION
                        + ": verifying module: checksum mismatch");
            });
            assertThat(tampered.requests()).contains("/golang.org/toolchain/@v/" + ToolchainLab.MODULE_VERSION + ".zip");

            for (GoClient go : GoClients.all()) {
                Path scratch = Files.createDirectories(tmp.resolve("go-" + go.version()));
                Map<String, String> goEnv = new LinkedHashMap<>(go.baseEnvironment(scratch));
                goEnv.put("GOPROXY", goproxy);
                goEnv.put("GOSUMDB", good.gosumdbUrl());
                goEnv.put("GOFLAGS", "-mod=mod");
                GoClient.GoResult r = go.run(scratch, goEnv, 120, "mod", "download", "-json",
                        "golang.org/toolchain@" + ToolchainLab.MODULE_VERSION);
                assertThat(r.exitCode()).as("real %s: %s %s", go.version(), r.stdout(), r.stderr()).isNotZero();
                assertThat(r.stdout() + r.stderr()).as("real %s", go.version()).contains("checksum mismatch");
            }
        }
    }

    /**
     * Installs the lab's version through {@code proxies} (GOPROXY in that order) verified by
     * {@code database}'s checksum database, with a downloader that fetches pieces (64 KiB at least)
     * from up to four proxies at once.
     */
    private static ToolchainInstaller.Result installInPieces(Path tmp, ToolchainRoot root, ToolchainLab database,
                                                             ToolchainLab... proxies) throws Exception {
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "GOSUMDB", database.gosumdbUrl(),
                "GOPROXY", String.join(",", Stream.of(proxies).map(ToolchainLab::goproxy).toList()));
        ToolchainSource source = source(env);
        Downloader inPieces = new Downloader(routing(env), DownloadSettings.DEFAULT).segmented(4, 64 * 1024);
        return new ToolchainInstaller(root, inPieces).install(ToolchainModule.parse(ToolchainLab.MODULE_VERSION).orElseThrow(),
                source.proxies(), source.verifier(), true, DownloadListener.NONE);
    }

    @Test
    void twoProxiesServeTheZipInPiecesAndTheDatabaseStillDecides(@TempDir Path tmp) throws Exception {
        try (ToolchainLab first = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord();
             ToolchainLab second = new ToolchainLab(ToolchainLab.realZip())) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            ToolchainInstaller.Result result = installInPieces(tmp, root, first, first, second);
            Installer.Installed installed = (Installer.Installed) result.outcome();
            assertThat(installed.source()).contains(first.goproxy() + "+" + second.goproxy());
            assertThat(installed.failures()).isEmpty();
            for (ToolchainLab lab : List.of(first, second)) {
                assertThat(lab.zipRanges()).as("pieces asked of %s", lab.goproxy())
                        .contains("bytes=0-3").anySatisfy(r -> assertThat(r).matches("bytes=\\d+-\\d+").isNotEqualTo("bytes=0-3"));
            }
            assertRealZipIsCurrent(result, root);
            GoClient installedGo = new GoClient(ToolchainLab.GO_VERSION, root.version(ToolchainLab.GO_VERSION));
            assertThat(installedGo.run(tmp, installedGo.baseEnvironment(tmp), 60, "version").stdout().strip())
                    .isEqualTo("go version go1.19.8 linux/amd64");
        }
    }

    /**
     * A proxy serving a zip of the right size with wrong bytes: pieces from it make a zip the
     * database refuses, and nobody knows which proxy sent the bad piece, so goferry fetches the zip
     * again one proxy at a time: the corrupt one is refused, the next one installs.
     */
    @Test
    void aZipFromPiecesTheDatabaseRefusesIsFetchedAgainOneProxyAtATime(@TempDir Path tmp) throws Exception {
        try (ToolchainLab corrupt = new ToolchainLab(ToolchainLab.corruptedZip());
             ToolchainLab good = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord()) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            previousCurrent(root);
            ToolchainInstaller.Result result = installInPieces(tmp, root, good, corrupt, good);
            Installer.Installed installed = (Installer.Installed) result.outcome();
            assertThat(installed.source()).contains(good.goproxy());
            List<String> reasons = installed.failures().stream().map(f -> f.source().name() + ": " + f.reason()).toList();
            assertThat(reasons).as("failures").anySatisfy(r -> assertThat(r)
                    .contains("(pieces from " + corrupt.goproxy() + "+" + good.goproxy() + "; fetching again from one proxy at a time)"));
            assertThat(reasons).as("failures").anySatisfy(r -> assertThat(r).startsWith(corrupt.goproxy() + ": golang.org/toolchain@"
                    + ToolchainLab.MODULE_VERSION + ": verifying module: "));
            assertThat(corrupt.zipRanges()).as("the corrupt proxy was asked for pieces, then for the whole zip").contains("bytes=0-3", "");
            assertRealZipIsCurrent(result, root);
            assertThat(root.list()).containsExactly(ToolchainLab.GO_VERSION, OLD);
        }
    }

    /**
     * Pieces from two proxies serving a zip with a file outside {@code module@version/} (the same
     * size as the real one): go's "unexpected file" refusal, like a mismatch, sends goferry back one
     * proxy at a time, each refused in go's words, to a third proxy that serves whole zips only
     * (so it had no part in the pieces).
     */
    @Test
    void aZipFromPiecesWithAForeignFileIsFetchedAgainOneProxyAtATime(@TempDir Path tmp) throws Exception {
        try (ToolchainLab foreignA = new ToolchainLab(ToolchainLab.foreignFileZip());
             ToolchainLab foreignB = new ToolchainLab(ToolchainLab.foreignFileZip());
             ToolchainLab good = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord().ignoringRanges()) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            previousCurrent(root);
            ToolchainInstaller.Result result = installInPieces(tmp, root, good, foreignA, foreignB, good);
            Installer.Installed installed = (Installer.Installed) result.outcome();
            assertThat(installed.source()).contains(good.goproxy());
            String refusal = "zip for golang.org/toolchain@"
                    + ToolchainLab.MODULE_VERSION + " has unexpected file Golang.org/toolchain@" + ToolchainLab.MODULE_VERSION
                    + "/src/make.bash";
            List<String> reasons = installed.failures().stream().map(f -> f.source().name() + ": " + f.reason()).toList();
            assertThat(reasons).as("failures").contains(
                    foreignA.goproxy() + ": " + refusal + " (pieces from " + foreignA.goproxy() + "+" + foreignB.goproxy()
                            + "; fetching again from one proxy at a time)",
                    foreignA.goproxy() + ": " + refusal,
                    foreignB.goproxy() + ": " + refusal);
            assertThat(good.zipRanges()).as("the whole-zip proxy was asked for the whole zip").contains("");
            assertRealZipIsCurrent(result, root);
            assertThat(root.list()).containsExactly(ToolchainLab.GO_VERSION, OLD);
        }
    }

    /** Proxies that announce another size than the first are left out of the pieces: not the same file. */
    @Test
    void aProxyServingAnotherSizeIsLeftOutOfThePieces(@TempDir Path tmp) throws Exception {
        try (ToolchainLab good = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord();
             ToolchainLab other = new ToolchainLab(ToolchainLab.tamperedZip())) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            ToolchainInstaller.Result result = installInPieces(tmp, root, good, good, other);
            Installer.Installed installed = (Installer.Installed) result.outcome();
            assertThat(installed.source()).contains(good.goproxy());
            assertThat(installed.failures()).singleElement().satisfies(f -> assertThat(f.source().name() + ": " + f.reason())
                    .isEqualTo(other.goproxy() + ": not used for pieces: serves " + ToolchainLab.tamperedZip().length + " bytes, "
                            + good.goproxy() + " serves " + ToolchainLab.realZip().length + ": not the same file"));
            assertThat(other.zipRanges()).containsExactly("bytes=0-3");
        }
    }

    @Test
    void aCutTransferIsResumedWithARangeRequestAndStillVerified(@TempDir Path tmp) throws Exception {
        try (ToolchainLab lab = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord().cuttingTheNextZip()) {
            ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
            Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "GOPROXY", lab.goproxy(), "GOSUMDB", lab.gosumdbUrl());
            ToolchainSource source = source(env);
            ToolchainInstaller.Result result = new ToolchainInstaller(root, new Downloader(routing(env), DownloadSettings.DEFAULT))
                    .install(ToolchainModule.parse(ToolchainLab.MODULE_VERSION).orElseThrow(), source.proxies(), source.verifier(),
                            true, DownloadListener.NONE);
            Installer.Installed installed = (Installer.Installed) result.outcome();
            assertThat(installed.failures()).singleElement().satisfies(f -> assertThat(f.reason()).startsWith("connection"));
            int cut = ToolchainLab.realZip().length * 2 / 5;
            // The JDK client may report the cut before handing over its last buffer: the resume
            // starts where the kept bytes end, at the cut or a little before it.
            assertThat(lab.zipRanges()).hasSize(2).first().isEqualTo("");
            assertThat(lab.zipRanges().get(1)).matches("bytes=\\d+-");
            long from = Long.parseLong(lab.zipRanges().get(1).substring("bytes=".length(), lab.zipRanges().get(1).length() - 1));
            assertThat(from).as("resumed from").isPositive().isLessThanOrEqualTo(cut);
            assertRealZipIsCurrent(result, root);
        }
    }

    /**
     * Like the go command's {@code $GOPATH/pkg/sumdb/<name>/latest}: the tree verified by one
     * install is saved in the root, so the same database (same key) serving another history later
     * is caught, where a fresh client would only see "not found".
     */
    @Test
    void aDatabaseThatRewritesItsHistoryIsCaughtByTheSavedTree(@TempDir Path tmp) throws Exception {
        ToolchainRoot root = new ToolchainRoot(tmp.resolve("root"));
        Path state = root.dir().resolve("sumdb");
        try (ToolchainLab honest = new ToolchainLab(ToolchainLab.realZip()).withTrueRecord()) {
            Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "GOPROXY", honest.goproxy(),
                    "GOSUMDB", honest.gosumdbUrl());
            ToolchainSource source = source(env);
            new ToolchainInstaller(root, new Downloader(routing(env), DownloadSettings.DEFAULT))
                    .install(ToolchainModule.parse(ToolchainLab.MODULE_VERSION).orElseThrow(), source.proxies(), source.verifier(state),
                            false, DownloadListener.NONE);
            assertThat(state.resolve(ToolchainLab.DB_NAME + "/latest")).content().startsWith("go.sum database tree\n1\n");
            try (ToolchainLab forked = new ToolchainLab(ToolchainLab.realZip(), honest.key())
                    .withOtherRecord().withRecordOf("v0.0.1-go1.19.6.linux-amd64")) {
                root.remove(ToolchainLab.GO_VERSION);
                Map<String, String> env2 = Map.of("HOME", tmp.resolve("home").toString(), "GOPROXY", forked.goproxy(),
                        "GOSUMDB", forked.gosumdbUrl());
                ToolchainSource forkedSource = source(env2);
                ToolchainModule.Listed listed = ToolchainModule.parse(ToolchainLab.MODULE_VERSION).orElseThrow();
                assertThatThrownBy(() -> new ToolchainInstaller(root, new Downloader(routing(env2), DownloadSettings.DEFAULT))
                        .install(listed, forkedSource.proxies(), forkedSource.verifier(state), false, DownloadListener.NONE))
                        .isInstanceOf(RefusedException.class)
                        .satisfies(e -> assertThat(((RefusedException) e).verdict()).isInstanceOf(Verdict.DatabaseFailed.class))
                        .hasMessageContaining("SECURITY ERROR\ngo.sum database server misbehavior detected!")
                        .hasMessageContaining("old database:\n\tgo.sum database tree\n\t1\n");
                assertThat(forkedSource.verifier().lookup(ToolchainLab.MODULE_VERSION)).as("without the saved tree")
                        .isInstanceOf(ToolchainVerifier.Refused.class)
                        .satisfies(r -> assertThat(((ToolchainVerifier.Refused) r).verdict()).isInstanceOf(Verdict.Unknown.class));
                assertThat(root.list()).isEmpty();
            }
        }
    }

    @Test
    void resolvesVersionsFromTheProxyListAndNamesTheNearestOnAMiss(@TempDir Path tmp) throws Exception {
        try (ToolchainLab lab = new ToolchainLab(ToolchainLab.realZip())) {
            ToolchainSource source = source(Map.of("HOME", tmp.toString(), "GOPROXY", "http://127.0.0.1:1|" + lab.goproxy(),
                    "GOSUMDB", lab.gosumdbUrl()));
            ToolchainSource.Versions versions = source.versions("linux", "amd64");
            assertThat(versions.proxy()).isEqualTo(lab.goproxy());
            Map<String, String> resolved = new LinkedHashMap<>();
            for (String q : List.of("latest", "1.19", "go1.19.8", "1.19.7", "1.21")) {
                Release r = versions.index().resolve(q);
                resolved.put(q, r.version() + " " + r.archiveFor("linux", "amd64").orElseThrow().filename());
            }
            assertThat(resolved).containsExactly(
                    Map.entry("latest", "go1.20.3 v0.0.1-go1.20.3.linux-amd64.zip"),
                    Map.entry("1.19", "go1.19.8 v0.0.1-go1.19.8.linux-amd64.zip"),
                    Map.entry("go1.19.8", "go1.19.8 v0.0.1-go1.19.8.linux-amd64.zip"),
                    Map.entry("1.19.7", "go1.19.7 v0.0.1-go1.19.7.linux-amd64.zip"),
                    Map.entry("1.21", "go1.21rc2 v0.0.1-go1.21rc2.linux-amd64.zip"));
            assertThatThrownBy(() -> versions.resolve("1.19.9")).isInstanceOf(VersionNotFoundException.class)
                    .hasMessage("go version \"1.19.9\": no such release in the golang.org/toolchain module's version list"
                            + " (nearest: go1.19.8, go1.19.7)")
                    .satisfies(e -> assertThat(((VersionNotFoundException) e).nearest()).containsExactly("go1.19.8", "go1.19.7"));
            assertThat(source.versions("darwin", "arm64").index().releases()).extracting(Release::version).containsExactly("go1.19.8");
        }
    }

    @Test
    void aProxyErrorWithoutPipeStopsTheWalkAsInGo(@TempDir Path tmp) throws Exception {
        try (ToolchainLab lab = new ToolchainLab(ToolchainLab.realZip())) {
            ToolchainSource source = source(Map.of("HOME", tmp.toString(), "GOPROXY", "http://127.0.0.1:1," + lab.goproxy(),
                    "GOSUMDB", lab.gosumdbUrl()));
            assertThatThrownBy(() -> source.versions("linux", "amd64"))
                    .isInstanceOf(ToolchainProxies.ProxyException.class)
                    .satisfies(e -> assertThat(((ToolchainProxies.ProxyException) e).failures()).hasSize(1)
                            .allMatch(f -> f.startsWith("http://127.0.0.1:1: ")));
        }
    }

    private static void assertInstalled(Case c, ToolchainRoot root, Optional<ToolchainInstaller.Result> result) throws Exception {
        assertThat(result).as("%s: installed", c).isPresent();
        Installer.Installed installed = (Installer.Installed) result.get().outcome();
        assertThat(installed.verification()).as(c.name()).isEqualTo(Installer.Verification.CHECKSUM_DATABASE);
        Verdict.Verified v = result.get().verified().orElseThrow();
        assertThat(v.zipHash()).as(c.name()).isEqualTo(ToolchainLab.h1(ToolchainLab.realZip()));
        assertThat(v.goModHash()).as(c.name()).isEqualTo(Dirhash.hashGoMod(ToolchainLab.GO_MOD));
        assertThat(root.currentVersion()).as(c.name()).contains(ToolchainLab.GO_VERSION);
        assertThat(root.list()).as(c.name()).containsExactly(ToolchainLab.GO_VERSION, OLD);
        Path goroot = root.version(ToolchainLab.GO_VERSION);
        GoClient installedGo = new GoClient(ToolchainLab.GO_VERSION, goroot);
        Path scratch = Files.createDirectories(root.dir().resolveSibling("run-installed"));
        GoClient.GoResult version = installedGo.run(scratch, installedGo.baseEnvironment(scratch), 60, "version");
        assertThat(version.stdout().strip()).as("%s: installed go version (%s)", c, version.stderr())
                .isEqualTo("go version go1.19.8 linux/amd64");
        Map<String, Boolean> executable = new LinkedHashMap<>();
        for (String f : List.of("bin/go", "bin/gofmt", "pkg/tool/linux_amd64/pack", "lib/wasm/go_js_wasm_exec",
                "lib/wasm/wasm_exec.js", "src/make.bash", "VERSION", "src/go.mod")) {
            executable.put(f, Files.isExecutable(goroot.resolve(f)));
        }
        assertThat(executable).as("%s: execute bits as Go's allowExec sets them", c).containsExactly(
                Map.entry("bin/go", true), Map.entry("bin/gofmt", true), Map.entry("pkg/tool/linux_amd64/pack", true),
                Map.entry("lib/wasm/go_js_wasm_exec", true), Map.entry("lib/wasm/wasm_exec.js", false),
                Map.entry("src/make.bash", false), Map.entry("VERSION", false), Map.entry("src/go.mod", false));
        assertThat(goroot.resolve("src/go.mod")).as("%s: _go.mod copied back", c).hasSameBinaryContentAs(goroot.resolve("src/_go.mod"));
        assertThat(goroot.resolve("src/cmd/go.mod")).as(c.name()).hasSameBinaryContentAs(goroot.resolve("src/cmd/_go.mod"));
        assertThat(root.downloads().resolve(ToolchainLab.MODULE_VERSION + ".zip")).as("%s: download removed", c).doesNotExist();
    }

    private static void assertRefused(Case c, ToolchainRoot root, Optional<Exception> failure, Class<? extends Verdict> kind,
                                      String start, String... texts) throws Exception {
        assertThat(failure).as("%s: refused", c).get().isInstanceOf(RefusedException.class);
        Verdict verdict = ((RefusedException) failure.get()).verdict();
        assertThat(verdict).as("%s: verdict", c).isInstanceOf(kind);
        assertThat(verdict.message()).as(c.name())
                .startsWith(start);
        for (String text : texts) {
            assertThat(verdict.message()).as(c.name()).contains(text);
        }
        assertNothingChanged(c, root);
    }

    /** The database vouched for the real zip's h1 and its Go is the root's current version. */
    private static void assertRealZipIsCurrent(ToolchainInstaller.Result result, ToolchainRoot root) throws Exception {
        assertThat(result.verified().orElseThrow().zipHash()).isEqualTo(ToolchainLab.h1(ToolchainLab.realZip()));
        assertThat(root.currentVersion()).contains(ToolchainLab.GO_VERSION);
    }

    private static void assertNothingChanged(Case c, ToolchainRoot root) throws Exception {
        assertThat(root.currentVersion()).as("%s: previous current intact", c).contains(OLD);
        assertThat(root.list()).as("%s: nothing installed", c).containsExactly(OLD);
        try (Stream<Path> left = Files.list(root.versions())) {
            assertThat(left.map(p -> p.getFileName().toString())).as(c.name()).containsExactly(OLD);
        }
        if (Files.isDirectory(root.downloads())) {
            try (Stream<Path> left = Files.list(root.downloads())) {
                assertThat(left.map(p -> p.getFileName().toString())).as("%s: no download kept", c)
                        .noneMatch(n -> n.endsWith(".zip"));
            }
        }
    }

    /** A root whose current version is an older fake Go, to see that a failed install keeps it. */
    private static void previousCurrent(ToolchainRoot root) throws Exception {
        Path old = Files.createDirectories(root.version(OLD).resolve("bin"));
        Files.writeString(old.resolve("go"), "#!/bin/sh\necho go version go1.18.10 linux/amd64\n");
        root.use(OLD);
    }

    private static ToolchainSource source(Map<String, String> env) {
        return ToolchainSource.of(env, Optional.empty(), GoOs.LINUX, LocalFiles.SYSTEM, routing(env), DownloadSettings.DEFAULT);
    }

    private static ProxyRouting routing(Map<String, String> env) {
        return new ProxyRouting(ProxyEnvironment.from(new HashMap<>(env), ProxyRules.LATEST));
    }

    /** {@return the "Error" of {@code go mod download -json}'s object, decoded} */
    private static String error(String json) throws java.io.IOException {
        try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            for (var t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && p.currentName().equals("Error")) {
                    p.nextToken();
                    return p.getText();
                }
            }
        }
        return "(no Error in " + json + ")";
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "(no " + name + " in " + json + ")";
    }
}
