package dev.goferry.proxy.cache;

import dev.goferry.proxy.request.ProxyRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Judges a fetched object before it is stored: the seam where checksum-database verification
 * will plug in (a verifier that looks up {@code path@version} and compares goferry-gomod's
 * dirhash of the .mod and .zip, refusing on mismatch). {@link RulesVerifier} is the default: the
 * module zip rules and basic shape checks only.
 */
@FunctionalInterface
public interface Verifier {

    /**
     * @param request what was fetched
     * @param body the complete fetched bytes
     * @param contentType the upstream's Content-Type, if it sent one
     */
    Verdict verify(ProxyRequest request, Path body, Optional<String> contentType) throws IOException;

    /** {@return a verifier that runs this one, then {@code next} if this one said store} */
    default Verifier andThen(Verifier next) {
        return (request, body, contentType) -> {
            Verdict first = verify(request, body, contentType);
            return first instanceof Verdict.Store ? next.verify(request, body, contentType) : first;
        };
    }
}
