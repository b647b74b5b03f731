package dev.goferry.install.toolchain;

import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.route.Entry;
import dev.goferry.gomod.route.Route;
import dev.goferry.gomod.route.SumDbBase;
import dev.goferry.gomod.route.SumDbRoute;
import dev.goferry.gomod.sumdb.SumDbClient;
import dev.goferry.gomod.sumdb.SumDbFetchException;
import dev.goferry.gomod.sumdb.SumDbFetcher;
import dev.goferry.gomod.sumdb.note.NoteException;
import java.io.IOException;
import java.net.URI;

/**
 * Connects goferry-gomod's {@link SumDbClient} (signed tree heads, inclusion proofs through
 * tiles) to the checksum database GOSUMDB names, reached the way cmd/go's {@code dbDial} reaches
 * it: an explicit URL in GOSUMDB is used as is; otherwise each GOPROXY proxy is asked
 * {@code <proxy>/sumdb/<name>/supported} in order and the first 200 serves every request, a
 * 404/410 moves on, and the end of the proxies (or {@code direct}/{@code off}) means
 * {@code https://<name>}.
 *
 * <p>For {@code golang.org/toolchain} the database is never skipped: GOSUMDB=off and
 * GONOSUMDB/GOPRIVATE do not apply (cmd/go {@code useSumDB}, Go 1.21+). goferry refuses the
 * install instead of installing an unverified toolchain; there is no flag to turn that off.
 */
public final class ChecksumDatabase {

    private ChecksumDatabase() {}

    /** The database cannot be used at all (GOSUMDB=off, a malformed GOSUMDB, a proxy that failed the probe). */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * A client for the database.
     *
     * @param name the database name (from its key)
     * @param base where requests go, e.g. {@code https://sum.golang.org} or {@code <proxy>/sumdb/sum.golang.org}
     */
    public record Connected(String name, String base, SumDbClient client) {}

    /**
     * Opens the client for the toolchain module's route under {@code setting} (the parsed GOSUMDB).
     *
     * @throws UnavailableException with Go's text when GOSUMDB cannot be used
     */
    public static Connected open(Route route, SumDbSetting setting, ModuleHttp http)
            throws UnavailableException, InterruptedException {
        String key = switch (setting) {
            case SumDbSetting.Off off -> throw new UnavailableException("checksum database disabled by GOSUMDB=off");
            case SumDbSetting.Invalid invalid -> throw new UnavailableException(invalid.goError());
            case SumDbSetting.Database db -> db.key();
        };
        String base = switch (route.sumdb()) {
            case SumDbRoute.Skipped s -> throw new UnavailableException("checksum database skipped: " + s.reason());
            case SumDbRoute.Fails f -> throw new UnavailableException(f.goError());
            case SumDbRoute.Explicit e -> e.base();
            case SumDbRoute.ViaProxies v -> viaProxies(v, http);
        };
        try {
            SumDbClient client = SumDbClient.of(key, fetcher(base, http));
            return new Connected(client.name(), base, client);
        } catch (NoteException e) {
            throw new UnavailableException("invalid GOSUMDB: " + e.getMessage());
        }
    }

    private static String viaProxies(SumDbRoute.ViaProxies v, ModuleHttp http) throws UnavailableException, InterruptedException {
        for (Entry probe : v.probes()) {
            if (!(probe instanceof Entry.Proxy p)) {
                if (probe instanceof Entry.Skip s && s.entry().equals("noproxy")) {
                    continue;
                }
                break; // direct or off: the database itself
            }
            if (p.isFile()) {
                continue;
            }
            String supported = Route.sumdbSupportedUrl(p.base(), v.name());
            try {
                ModuleHttp.Answer a = http.get(URI.create(supported));
                if (a.status() == 200) {
                    return SumDbBase.of(p.base()).join("sumdb/" + v.name()).url();
                }
                if (!a.notFound()) {
                    throw new UnavailableException("verifying module: " + supported + ": " + a.reason());
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new UnavailableException("verifying module: " + supported + ": " + e.getMessage());
            }
        }
        return v.direct();
    }

    /** {@return a fetcher of paths below {@code base}, joined as cmd/go's web.Join joins them} */
    static SumDbFetcher fetcher(String base, ModuleHttp http) {
        SumDbBase root = SumDbBase.of(base);
        return path -> {
            String url = root.join(path).url();
            try {
                ModuleHttp.Answer a = http.get(URI.create(url));
                if (a.status() != 200) {
                    throw new SumDbFetchException(a.reason(), a.status());
                }
                return a.body();
            } catch (IOException | IllegalArgumentException e) {
                throw new SumDbFetchException(e.getMessage() == null ? e.toString() : e.getMessage(), 0, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SumDbFetchException("interrupted", 0, e);
            }
        };
    }
}
