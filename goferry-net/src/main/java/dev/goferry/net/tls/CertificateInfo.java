package dev.goferry.net.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a user (and the diagnosis) needs to know about one presented certificate.
 *
 * @param subject     subject DN (RFC 2253)
 * @param issuer      issuer DN (RFC 2253)
 * @param notBefore   start of validity
 * @param notAfter    end of validity
 * @param dnsNames    DNS subjectAltNames
 * @param ipAddresses IP subjectAltNames, in the JDK's text form
 * @param sha256      SHA-256 of the DER encoding, lowercase hex (the fingerprint users compare)
 */
public record CertificateInfo(String subject, String issuer, Instant notBefore, Instant notAfter,
                              List<String> dnsNames, List<String> ipAddresses, String sha256) {

    public CertificateInfo {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(sha256, "sha256");
    }

    /** {@return the summary of {@code cert}} */
    public static CertificateInfo of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        dns.add((String) san.get(1));
                    } else if (type == 7) {
                        ips.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparsable SAN extension: report no names, the verdict will say the rest
        }
        return new CertificateInfo(cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), dns, ips, sha256(cert));
    }

    static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("sha-256 of \"" + cert.getSubjectX500Principal() + "\": " + e, e);
        }
    }
}
