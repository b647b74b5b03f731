package dev.goferry.proxy.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.goferry.gomod.module.ModuleVersion;
import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.gomod.semver.Semver;
import dev.goferry.gomod.zip.CheckedFiles;
import dev.goferry.gomod.zip.ModuleZip;
import dev.goferry.proxy.request.ProxyRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The default {@link Verifier}: what can be judged without a checksum database.
 * <ul>
 *   <li>An HTML page is never a protocol answer (a captive portal or a proxy's error page sent
 *       with status 200): refused.
 *   <li>.info and @latest must be a JSON object with a canonical {@code Version}; for a
 *       canonical .info it must be the version asked for (the go command's own rule: "proxy
 *       returned info for version X instead of requested version").
 *   <li>.zip must pass the module zip rules ({@link ModuleZip#checkZip}); a zip that does not is
 *       passed to the client unstored, so the go command reports its own exact error.
 * </ul>
 */
public final class RulesVerifier implements Verifier {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public Verdict verify(ProxyRequest request, Path body, Optional<String> contentType) throws IOException {
        if (contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("text/html")).orElse(false)) {
            return new Verdict.Refuse("upstream answered " + request.key() + " with an HTML page (" + contentType.get() + ")");
        }
        return switch (request) {
            case ProxyRequest.Info info -> checkInfo(request, body, Optional.of(info.version()).filter(v -> info.immutable()));
            case ProxyRequest.Latest latest -> checkInfo(request, body, Optional.empty());
            case ProxyRequest.Zip zip -> checkZip(zip, body);
            case ProxyRequest.Mod mod -> Verdict.STORE;
            case ProxyRequest.ListVersions list -> Verdict.STORE;
        };
    }

    private static Verdict checkInfo(ProxyRequest request, Path body, Optional<String> requested) throws IOException {
        Optional<String> found;
        try {
            found = topLevelVersion(Files.readAllBytes(body));
        } catch (IOException e) {
            return new Verdict.Refuse("upstream answered " + request.key() + " with invalid JSON");
        }
        if (found.isEmpty()) {
            return new Verdict.Refuse("upstream answered " + request.key() + " without a Version");
        }
        String version = found.get();
        if (!Semver.isValid(version) || !ModulePaths.canonicalVersion(version).equals(version)) {
            return new Verdict.Refuse("upstream answered " + request.key() + " with non-canonical version \"" + version + "\"");
        }
        if (requested.isPresent() && !requested.get().equals(version)) {
            return new Verdict.PassUnstored("proxy returned info for version " + version + " instead of requested version");
        }
        return Verdict.STORE;
    }

    /**
     * {@return the string {@code Version} member of the JSON object {@code json}, if it has one}
     * @throws IOException if {@code json} is not one well-formed JSON object
     */
    static Optional<String> topLevelVersion(byte[] json) throws IOException {
        Optional<String> version = Optional.empty();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("Version") && value == JsonToken.VALUE_STRING) {
                    version = Optional.of(p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("data after the JSON object");
            }
        }
        return version;
    }

    private static Verdict checkZip(ProxyRequest.Zip zip, Path body) throws IOException {
        CheckedFiles checked;
        try {
            checked = ModuleZip.checkZip(new ModuleVersion(zip.path(), zip.version()), body);
        } catch (IOException e) { // includes ModuleZipException
            return new Verdict.PassUnstored("zip for " + zip.path() + "@" + zip.version() + " is unreadable: " + e.getMessage());
        }
        if (!checked.ok()) {
            return new Verdict.PassUnstored("zip for " + zip.path() + "@" + zip.version() + ": " + checked.err().orElse(""));
        }
        return Verdict.STORE;
    }
}
