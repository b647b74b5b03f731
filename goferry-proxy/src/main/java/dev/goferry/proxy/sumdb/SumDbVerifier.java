package dev.goferry.proxy.sumdb;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.module.PrefixPatterns;
import dev.goferry.gomod.sumdb.LookupResult;
import dev.goferry.gomod.sumdb.SumDbClient;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.proxy.cache.Verdict;
import dev.goferry.proxy.cache.Verifier;
import dev.goferry.proxy.request.ProxyRequest;
import dev.goferry.proxy.storage.DiskStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks every fetched .mod and .zip against a checksum database before it is stored, the way the
 * go command checks a download: the record for {@code path version} (or {@code path version/go.mod})
 * is authenticated by goferry-gomod's {@link SumDbClient} (signed tree head with the configured
 * key, inclusion proved through tiles, every new tree consistent with the newest one seen), then
 * its h1 hash must equal {@link Dirhash#hashGoMod} or {@link Dirhash#hashModuleZip} of the bytes.
 *
 * <p>The newest verified signed tree is kept in memory and written to
 * {@code sumdb/<name>/latest} in the data folder, and trusted again at start-up, so a database
 * that rewrites its history is noticed across restarts too (like the go command's
 * {@code $GOPATH/pkg/sumdb/<name>/latest}).
 *
 * <p>Paths matching the private patterns (GOPRIVATE syntax) are not looked up. A public module
 * the database does not know (404/410 on lookup) is refused unless {@code allowUnknown}: the
 * default go command refuses it too ("verifying module: ... not found"), so storing it would only
 * hand the client something it then rejects, and an unknown public module is exactly what a
 * forged upstream would serve.
 */
public final class SumDbVerifier implements Verifier {

    private final SumDbClient client;
    private final String privatePatterns;
    private final boolean allowUnknown;
    private final DiskStorage storage;
    private final String latestKey;
    private long persisted;

    private SumDbVerifier(SumDbClient client, String privatePatterns, boolean allowUnknown, DiskStorage storage) {
        this.client = client;
        this.privatePatterns = privatePatterns;
        this.allowUnknown = allowUnknown;
        this.storage = storage;
        this.latestKey = "sumdb/" + client.name() + "/latest";
    }

    /**
     * Creates the verifier for {@code remote}'s database, starting from the signed tree stored by an
     * earlier run if there is one whose signature verifies with the configured key (a tree signed
     * with another key, e.g. after the configured database changed, is ignored).
     */
    public static SumDbVerifier open(SumDbRemote remote, String privatePatterns, boolean allowUnknown, DiskStorage storage)
            throws NoteException, IOException {
        SumDbVerifier v = new SumDbVerifier(SumDbClient.of(remote.entry().verifierKey(), remote), privatePatterns,
                allowUnknown, storage);
        var stored = storage.get(v.latestKey);
        if (stored.isPresent()) {
            byte[] note;
            try (InputStream in = stored.get().open()) {
                note = in.readNBytes(64 * 1024);
            }
            if (v.client.trust(note) instanceof LookupResult.Verified) {
                v.persisted = v.client.latest().n();
            }
        }
        return v;
    }

    @Override
    public Verdict verify(ProxyRequest request, Path body, Optional<String> contentType) throws IOException {
        return switch (request) {
            case ProxyRequest.Mod mod -> check(mod.path(), mod.version(), mod.version() + "/go.mod",
                    () -> Dirhash.hashGoMod(Files.readAllBytes(body)));
            case ProxyRequest.Zip zip -> check(zip.path(), zip.version(), zip.version(),
                    () -> Dirhash.hashModuleZip(body, new ModuleVersion(zip.path(), zip.version())));
            default -> Verdict.STORE;
        };
    }

    private interface Hasher {
        String hash() throws IOException;
    }

    private Verdict check(String path, String version, String recordVersion, Hasher hasher) throws IOException {
        if (!privatePatterns.isEmpty() && PrefixPatterns.matches(privatePatterns, path)) {
            return Verdict.STORE;
        }
        String what = "verifying " + path + "@" + recordVersion;
        LookupResult result = client.lookup(path, recordVersion);
        return switch (result) {
            case LookupResult.Verified v -> {
                persistLatest();
                Optional<String> want = v.hashFor(path, recordVersion);
                if (want.isEmpty()) {
                    yield new Verdict.Refuse(what + ": checksum database " + client.name() + " has no hash for it");
                }
                String got;
                try {
                    got = hasher.hash();
                } catch (IOException e) {
                    yield new Verdict.Refuse(what + ": " + e.getMessage());
                }
                yield got.equals(want.get()) ? Verdict.STORE : new Verdict.Refuse(what + ": checksum mismatch\n"
                        + "\tdownloaded: " + got + "\n"
                        + "\t" + client.name() + ": " + want.get() + "\n\n"
                        + "SECURITY ERROR\n"
                        + "The upstream answered with a download that does NOT match the checksum database.\n"
                        + "goferry refused it and stored nothing; someone may be tampering with the upstream.");
            }
            case LookupResult.NotFound n -> allowUnknown ? Verdict.STORE
                    : new Verdict.Refuse(what + ": not found in checksum database " + client.name() + " (" + n.message()
                            + "); goferry refuses public modules the database does not know"
                            + " (private paths: set sumdbPrivate; to allow: sumdbAllowUnknown)");
            default -> new Verdict.Refuse(what + ": " + result.message());
        };
    }

    /** Writes the newest verified tree to the data folder when it grew. */
    private void persistLatest() {
        synchronized (this) {
            var latest = client.latestNote();
            long n = client.latest().n();
            if (latest.isEmpty() || n <= persisted) {
                return;
            }
            try {
                Path scratch = storage.scratch(latestKey);
                Files.write(scratch, latest.get());
                storage.put(latestKey, scratch);
                persisted = n;
            } catch (IOException e) {
                // Kept in memory; written again after the next verification.
            }
        }
    }
}
