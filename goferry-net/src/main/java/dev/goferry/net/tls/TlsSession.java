package dev.goferry.net.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a completed handshake showed.
 *
 * @param protocol     e.g. {@code TLSv1.3}
 * @param cipherSuite  e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param alpn         the negotiated application protocol, empty when none was agreed
 * @param chain        the presented certificates, leaf first, as summaries
 * @param certificates the presented certificates themselves, for verification
 */
public record TlsSession(String protocol, String cipherSuite, Optional<String> alpn, List<CertificateInfo> chain,
                         List<X509Certificate> certificates) {
    public TlsSession {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(alpn, "alpn");
        chain = List.copyOf(chain);
        certificates = List.copyOf(certificates);
    }
}
