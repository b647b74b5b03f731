package dev.goferry.net.tls;

import java.time.Instant;
import java.util.List;

/**
 * Whether Go would accept the presented chain for the host, as data. Checks run in the order Go's
 * {@code crypto/x509 Certificate.Verify} runs them: the leaf's validity period, then the host name,
 * then a chain to the given roots (where an expired intermediate also shows as
 * {@link NotValidAtTime}).
 */
public sealed interface TlsVerdict {

    /** A chain to one of the roots exists and the name matches. */
    record Verified(List<CertificateInfo> path) implements TlsVerdict {
        public Verified {
            path = List.copyOf(path);
        }
    }

    /**
     * No chain to the roots ({@code x509: certificate signed by unknown authority}).
     *
     * @param issuer the issuer of the last presented certificate that could not be chained
     * @param reason the JDK validator's message
     */
    record UnknownAuthority(String issuer, String reason) implements TlsVerdict {}

    /** A certificate is expired or not yet valid at {@code now}. */
    record NotValidAtTime(String subject, Instant notBefore, Instant notAfter, Instant now) implements TlsVerdict {
        /** {@return true when expired, false when not yet valid} */
        public boolean expired() {
            return now.isAfter(notAfter);
        }
    }

    /**
     * The leaf does not name the host. {@code legacyCommonNameOnly} marks a certificate with no
     * SANs whose CN would have matched before Go 1.15 (Go then says "relies on legacy Common Name field").
     */
    record HostnameMismatch(String host, List<String> dnsNames, List<String> ipAddresses,
                            boolean legacyCommonNameOnly) implements TlsVerdict {
        public HostnameMismatch {
            dnsNames = List.copyOf(dnsNames);
            ipAddresses = List.copyOf(ipAddresses);
        }
    }

    /** The leaf's extended key usage does not allow server authentication. */
    record IncompatibleUsage(String subject) implements TlsVerdict {}

    /** The server presented no certificate at all. */
    record NoCertificate() implements TlsVerdict {}
}
