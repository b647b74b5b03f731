package dev.goferry.install.toolchain;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.sumdb.LookupResult;
import dev.goferry.gomod.sumdb.SumDbClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a toolchain module download against the checksum database as cmd/go's
 * {@code checkModSum} does: the record {@code golang.org/toolchain <version>} is authenticated by
 * goferry-gomod's {@link SumDbClient}, then the zip's h1 ({@link Dirhash#hashModuleZip}) and the
 * go.mod's h1 ({@link Dirhash#hashGoMod}) must equal its two lines.
 *
 * <p>The record is looked up before the download ({@link #lookup}), so a version the database
 * does not know, or a database that does not verify, costs no 100 MB transfer.
 */
public final class ToolchainVerifier {

    private final SumDbClient client;
    private final Optional<Path> latestFile;

    public ToolchainVerifier(SumDbClient client) {
        this.client = client;
        this.latestFile = Optional.empty();
    }

    private ToolchainVerifier(SumDbClient client, Path latestFile) {
        this.client = client;
        this.latestFile = Optional.of(latestFile);
    }

    /**
     * {@return a verifier that starts from the signed tree saved in {@code latestFile} by an
     * earlier install and saves each newer verified tree there} (the go command's
     * {@code $GOPATH/pkg/sumdb/<name>/latest}): a database that rewrites its history between two
     * installs is then caught ("SECURITY ERROR … go.sum database server misbehavior detected!").
     * A saved tree that does not verify with the key (the database's key changed) is ignored.
     */
    public static ToolchainVerifier remembering(SumDbClient client, Path latestFile) {
        try {
            if (Files.isRegularFile(latestFile)) {
                byte[] note;
                try (var in = Files.newInputStream(latestFile)) {
                    note = in.readNBytes(64 * 1024);
                }
                client.trust(note);
            }
        } catch (IOException unreadable) {
            // Like a first run: nothing to compare with.
        }
        return new ToolchainVerifier(client, latestFile);
    }

    /** Saves the newest verified tree when it is newer than the saved one (best effort: the install does not depend on it). */
    private void saveLatest() {
        if (latestFile.isEmpty() || client.latestNote().isEmpty()) {
            return;
        }
        Path file = latestFile.get();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Files.write(tmp, client.latestNote().get());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Kept in memory for this run; the next install starts from the database's word again.
        }
    }

    /**
     * The database's two hashes for one version.
     *
     * @param zipHash {@code h1:…} of the zip
     * @param goModHash {@code h1:…} of the go.mod
     */
    public record Record(String version, String zipHash, String goModHash, long recordId, long treeSize) {}

    /** {@return the authenticated record of {@code moduleVersion}, or the verdict that refuses it} */
    public sealed interface Lookup permits Found, Refused {}

    /** The record was authenticated. */
    public record Found(Record record) implements Lookup {}

    /** The database cannot vouch for the version. */
    public record Refused(Verdict verdict) implements Lookup {}

    /**
     * Looks the version's record up and authenticates it: once for the go.mod line and once for
     * the zip line, in the order cmd/go verifies a download ({@code <version>/go.mod}, then
     * {@code <version>}); x/mod's client returns only the lines of the version asked for, and both
     * come from the same record. Before the first, the signed tree head {@code /latest} is fetched
     * and checked against the newest known tree. Failures read as Go's ({@code
     * golang.org/toolchain@v…: verifying go.mod: …}).
     */
    public Lookup lookup(String moduleVersion) {
        String mod = ToolchainModule.PATH + "@" + moduleVersion;
        String[] hashes = new String[2];
        long recordId = -1;
        long treeSize = 0;
        String[] versions = {moduleVersion + "/go.mod", moduleVersion};
        for (int i = 0; i < 2; i++) {
            String what = mod + ": verifying " + (i == 0 ? "go.mod" : "module") + ": ";
            // The first lookup also fetches /latest (the go command does not): a database that
            // rewrote its history since the saved tree is caught even when the record is missing.
            LookupResult result = i == 0 ? client.verify(ToolchainModule.PATH, versions[i]) : client.lookup(ToolchainModule.PATH, versions[i]);
            switch (result) {
                case LookupResult.Verified v -> {
                    Optional<String> h = v.hashFor(ToolchainModule.PATH, versions[i]);
                    if (h.isEmpty()) {
                        return new Refused(new Verdict.DatabaseFailed(what + ToolchainModule.PATH + "@" + versions[i]
                                + ": checksum database " + client.name() + " has no hash for it"));
                    }
                    hashes[i] = h.get();
                    recordId = v.recordId();
                    treeSize = v.tree().n();
                }
                case LookupResult.NotFound n -> {
                    return new Refused(new Verdict.Unknown(what + n.message()));
                }
                default -> {
                    return new Refused(new Verdict.DatabaseFailed(what + result.message()));
                }
            }
        }
        saveLatest();
        return new Found(new Record(moduleVersion, hashes[1], hashes[0], recordId, treeSize));
    }

    /**
     * Checks the downloaded zip and go.mod against the record.
     *
     * @throws IOException if the zip cannot be read (a zip with entries outside the module's
     *     prefix fails here, as {@code hashModuleZip} fails in Go)
     */
    public Verdict check(Record record, Path zip, byte[] goMod) throws IOException {
        String what = ToolchainModule.PATH + "@" + record.version() + ": verifying ";
        String modGot = Dirhash.hashGoMod(goMod);
        if (!modGot.equals(record.goModHash())) {
            return mismatch(what + "go.mod", modGot, record.goModHash());
        }
        String zipGot = Dirhash.hashModuleZip(zip, new ModuleVersion(ToolchainModule.PATH, record.version()));
        if (!zipGot.equals(record.zipHash())) {
            return mismatch(what + "module", zipGot, record.zipHash());
        }
        return new Verdict.Verified(client.name(), zipGot, modGot, record.recordId(), record.treeSize());
    }

    private Verdict mismatch(String what, String got, String want) {
        return new Verdict.Mismatch(what + ": checksum mismatch\n"
                + "\tdownloaded: " + got + "\n"
                + "\t" + client.name() + ": " + want + "\n\n"
                + "SECURITY ERROR\n"
                + "This download does NOT match the one reported by the checksum server.\n"
                + "The bits may have been replaced on the origin server, or an attacker may\n"
                + "have intercepted the download attempt.\n\n"
                + "For more information, see 'go help module-auth'.", got, want);
    }
}
