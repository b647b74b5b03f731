package dev.goferry.gomod.tlsroots;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One certificate Go would trust, and the file it was read from.
 *
 * @param certificate the certificate
 * @param file the file (bundle or directory entry) it came from
 */
public record TrustedRoot(X509Certificate certificate, String file) {
    public TrustedRoot {
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(file);
    }
}
