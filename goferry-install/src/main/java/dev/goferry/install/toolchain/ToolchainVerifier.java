package dev.goferry.install.toolchain;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.sumdb.LookupResult;
import dev.goferry.gomod.sumdb.SumDbClient;
import java.io.IOException;
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

    public ToolchainVerifier(SumDbClient client) {
        this.client = client;
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
     * Looks the version's record up and authenticates it: once for the zip line and once for the
     * go.mod line, as cmd/go looks up {@code <version>} and {@code <version>/go.mod} (x/mod's
     * client returns only the lines of the version asked for; both come from the same record).
     */
    public Lookup lookup(String moduleVersion) {
        String what = "verifying " + ToolchainModule.PATH + "@" + moduleVersion + ": ";
        String[] hashes = new String[2];
        long recordId = -1;
        long treeSize = 0;
        String[] versions = {moduleVersion, moduleVersion + "/go.mod"};
        for (int i = 0; i < 2; i++) {
            LookupResult result = client.lookup(ToolchainModule.PATH, versions[i]);
            switch (result) {
                case LookupResult.Verified v -> {
                    Optional<String> h = v.hashFor(ToolchainModule.PATH, versions[i]);
                    if (h.isEmpty()) {
                        return new Refused(new Verdict.DatabaseFailed(what + "checksum database " + client.name()
                                + " has no " + (i == 0 ? "zip" : "go.mod") + " hash for it"));
                    }
                    hashes[i] = h.get();
                    recordId = v.recordId();
                    treeSize = v.tree().n();
                }
                case LookupResult.NotFound n -> {
                    return new Refused(new Verdict.Unknown(withPrefix(what, n.message())
                            + "\n(the checksum database " + client.name()
                            + " does not know this toolchain: goferry installs only toolchains it vouches for)"));
                }
                default -> {
                    return new Refused(new Verdict.DatabaseFailed(withPrefix(what, result.message())));
                }
            }
        }
        return new Found(new Record(moduleVersion, hashes[0], hashes[1], recordId, treeSize));
    }

    private static String withPrefix(String what, String message) {
        String bare = what.substring("verifying ".length());
        return message.startsWith(bare) ? "verifying " + message : what + message;
    }

    /**
     * Checks the downloaded zip and go.mod against the record.
     *
     * @throws IOException if the zip cannot be read (a zip with entries outside the module's
     *     prefix fails here, as {@code hashModuleZip} fails in Go)
     */
    public Verdict check(Record record, Path zip, byte[] goMod) throws IOException {
        String what = "verifying " + ToolchainModule.PATH + "@" + record.version();
        String modGot = Dirhash.hashGoMod(goMod);
        if (!modGot.equals(record.goModHash())) {
            return mismatch(what + "/go.mod", modGot, record.goModHash());
        }
        String zipGot = Dirhash.hashModuleZip(zip, new ModuleVersion(ToolchainModule.PATH, record.version()));
        if (!zipGot.equals(record.zipHash())) {
            return mismatch(what, zipGot, record.zipHash());
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
                + "have intercepted the download attempt.", got, want);
    }
}
