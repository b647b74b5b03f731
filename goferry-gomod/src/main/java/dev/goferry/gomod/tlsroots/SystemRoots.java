package dev.goferry.gomod.tlsroots;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The roots Go's {@code x509.SystemCertPool()} holds on Linux, with where each came from and how
 * the plan was carried out, for display and for TLS probes that must trust exactly what Go trusts.
 *
 * @param plan the places Go looks
 * @param sources each file and directory in plan order, with its outcome
 * @param roots the certificates in pool order; a certificate already in the pool (same DER) is
 *     not added again, as Go's {@code CertPool} does
 * @param error Go's error when the pool is empty and a read failed with something other than
 *     "does not exist"; an empty pool <em>without</em> error is possible and makes every
 *     verification fail
 */
public record SystemRoots(RootsPlan plan, List<RootsSource> sources, List<TrustedRoot> roots, Optional<String> error) {

    public SystemRoots {
        Objects.requireNonNull(plan);
        sources = List.copyOf(sources);
        roots = List.copyOf(roots);
        Objects.requireNonNull(error);
    }

    /** {@return the file Go took its bundle from, if any} */
    public Optional<String> fileUsed() {
        return sources.stream()
                .filter(s -> s instanceof RootsSource.File f && f.outcome() == RootsSource.FileOutcome.USED)
                .map(RootsSource::path)
                .findFirst();
    }

    /** {@return the certificates alone} */
    public List<X509Certificate> certificates() {
        return roots.stream().map(TrustedRoot::certificate).toList();
    }

    /**
     * {@return an in-memory key store holding each root as a trusted certificate entry}, ready
     * for {@code TrustManagerFactory.init(KeyStore)}.
     */
    public KeyStore keyStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < roots.size(); i++) {
                ks.setCertificateEntry("go-root-" + i, roots.get(i).certificate());
            }
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build an in-memory key store", e);
        }
    }
}
