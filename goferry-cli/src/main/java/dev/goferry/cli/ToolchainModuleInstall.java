package dev.goferry.cli;

import dev.goferry.install.download.DownloadException;
import dev.goferry.install.download.Downloader;
import dev.goferry.install.index.Release;
import dev.goferry.install.index.ReleaseFile;
import dev.goferry.install.index.VersionNotFoundException;
import dev.goferry.install.root.FileErrors;
import dev.goferry.install.root.ToolchainRoot;
import dev.goferry.install.toolchain.ChecksumDatabase;
import dev.goferry.install.toolchain.RefusedException;
import dev.goferry.install.toolchain.ToolchainInstaller;
import dev.goferry.install.toolchain.ToolchainModule;
import dev.goferry.install.toolchain.ToolchainProxies;
import dev.goferry.install.toolchain.ToolchainSource;
import dev.goferry.install.toolchain.ToolchainVerifier;
import dev.goferry.install.toolchain.Verdict;
import dev.goferry.install.unpack.UnsafeArchiveException;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code goferry install VERSION --goproxy LIST} (or {@code --toolchain-module}, with the go
 * command's own GOPROXY): resolves the version from the {@code golang.org/toolchain} module's
 * {@code @v/list}, then lets goferry-install's {@link ToolchainInstaller} download it through the
 * proxies and verify it with the checksum database GOSUMDB names. Prints like an archive install.
 */
final class ToolchainModuleInstall {

    private final Console console;
    private final Toolchains toolchains;
    private final ToolchainRoot root;

    ToolchainModuleInstall(Console console, Toolchains toolchains, ToolchainRoot root) {
        this.console = console;
        this.toolchains = toolchains;
        this.root = root;
    }

    int install(String query, Optional<String> goproxy, boolean makeCurrent) {
        ToolchainSource source = toolchains.toolchainSource(goproxy);
        String[] platform = Toolchains.platform();
        String goarch = ToolchainModule.goarch(platform[1]);
        ToolchainInstaller.Result result;
        ToolchainSource.Versions versions;
        try {
            versions = toolchains.toolchainVersions(source, platform[0], goarch);
            Release release = versions.resolve(query);
            ReleaseFile file = release.archiveFor(platform[0], goarch).orElseThrow(() -> UserError.failed(
                    console.text("install.error.no-platform", release.version(), platform[0] + "/" + goarch)));
            ToolchainModule.Listed listed = ToolchainModule.parse(file.filename().substring(0, file.filename().length() - ".zip".length()))
                    .orElseThrow();
            ToolchainVerifier verifier = source.verifier(root.dir().resolve("sumdb"));
            result = new ToolchainInstaller(root, toolchains.downloader())
                    .install(listed, source.proxies(), verifier, makeCurrent, new ProgressLine(console, System::nanoTime));
        } catch (VersionNotFoundException e) {
            throw UserError.failed(e.getMessage());
        } catch (ChecksumDatabase.UnavailableException e) {
            throw UserError.failed(console.text("install.error.toolchain-sumdb", e.getMessage()));
        } catch (RefusedException e) {
            throw UserError.failed(console.text(e.verdict() instanceof Verdict.Unknown
                    ? "install.error.toolchain-unknown" : "install.error.toolchain-refused", e.getMessage()));
        } catch (ToolchainProxies.ProxyException e) {
            throw UserError.failed(console.text("install.error.toolchain-proxy", source.goproxy(), String.join("\n  ", e.failures())));
        } catch (DownloadException e) {
            throw UserError.failed(console.text("install.error.download", e.filename(), InstallCommand.failures(e.failures())));
        } catch (Downloader.LocalWriteException e) {
            throw UserError.failed(console.text("install.error.disk", e.getMessage()));
        } catch (UnsafeArchiveException e) {
            throw UserError.failed(console.text("install.error.unsafe", e.getMessage()));
        } catch (IOException e) {
            throw UserError.failed(console.text("install.error.io", FileErrors.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserError.failed("interrupted");
        }
        Optional<String> origin = Optional.of(versions.proxy());
        if (console.json()) {
            var doc = InstallCommand.json(result.outcome(), origin, result.verified(), toolchains, root);
            doc.put("toolchainModule", ToolchainModule.PATH + "@" + result.moduleVersion());
            console.printJson(doc);
        } else {
            InstallCommand.text(console, result.outcome(), origin, result.verified(), toolchains, root);
        }
        return ExitCodes.OK;
    }
}
