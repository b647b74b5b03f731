package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoStrings;
import dev.goferry.gomod.gostd.GoUrl;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.gomod.sumdb.note.Verifier;
import java.util.List;
import java.util.Optional;

/**
 * GOSUMDB as cmd/go's {@code modfetch.dbDial} reads it: {@code off}; the alias
 * {@code sum.golang.google.cn}; else one or two fields, a verifier key (or the name
 * {@code sum.golang.org}, the only name Go knows the key of) and an optional URL.
 */
public sealed interface SumDbSetting {

    /** The key Go has built in for sum.golang.org. */
    String SUM_GOLANG_ORG_KEY = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    /** Checksum verification is off: {@code checksum database disabled by GOSUMDB=off}. */
    record Off() implements SumDbSetting {}

    /**
     * A usable database.
     *
     * @param name the database name (host[/path])
     * @param key the verifier key in use
     * @param url the explicit URL, which bypasses GOPROXY; empty means through the proxies, then {@code https://name}
     * @param keyFromName true when only the name was given and Go supplied the key
     */
    record Database(String name, String key, Optional<String> url, boolean keyFromName) implements SumDbSetting {}

    /** GOSUMDB cannot be used; every verification fails with Go's text {@code goError}. */
    record Invalid(String goError) implements SumDbSetting {}

    /** Parses the effective GOSUMDB. */
    static SumDbSetting parse(String gosumdb) {
        String value = gosumdb.equals("sum.golang.google.cn") ? "sum.golang.org https://sum.golang.google.cn" : gosumdb;
        if (value.equals("off")) {
            return new Off();
        }
        List<String> fields = new java.util.ArrayList<>(GoStrings.fields(value));
        boolean fromName = false;
        if (!fields.isEmpty() && fields.get(0).equals("sum.golang.org")) {
            fields.set(0, SUM_GOLANG_ORG_KEY);
            fromName = true;
        }
        if (fields.isEmpty()) {
            return new Invalid("missing GOSUMDB");
        }
        if (fields.size() > 2) {
            return new Invalid("invalid GOSUMDB: too many fields");
        }
        Verifier key;
        try {
            key = Keys.newVerifier(fields.get(0));
        } catch (NoteException e) {
            return new Invalid("invalid GOSUMDB: " + e.getMessage());
        }
        String name = key.name();
        boolean badName;
        try {
            GoUrl direct = GoUrl.parse("https://" + name);
            badName = name.endsWith("/") || direct.host().isEmpty() || !direct.opaque().isEmpty()
                    || direct.user().isPresent() || !direct.rawQuery().isEmpty() || direct.forceQuery()
                    || !direct.fragment().isEmpty() || !direct.rawPath().isEmpty();
        } catch (GoUrl.ParseException e) {
            badName = true;
        }
        if (badName) {
            // Go appends a dump of its url.URL struct ("%+v") after the name; goferry keeps the part a user reads.
            return new Invalid("invalid sumdb name (must be host[/path]): " + name);
        }
        Optional<String> url = Optional.empty();
        if (fields.size() == 2) {
            try {
                GoUrl.parse(fields.get(1));
            } catch (GoUrl.ParseException e) {
                return new Invalid("invalid GOSUMDB URL: " + e.getMessage());
            }
            url = Optional.of(fields.get(1));
        }
        return new Database(name, fields.get(0), url, fromName);
    }
}
