package dev.goferry.net.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Judges a presented chain against the roots Go would use (computed elsewhere and passed in), the
 * way Go does: PKIX path building from the leaf through the presented certificates in any order,
 * no revocation checks and no fetching of missing intermediates (AIA), then Go's own host name
 * rules. The clock is injected so tests can look at a chain from another day.
 */
public final class ChainVerifier {

    /** Go's {@code x509.ExtKeyUsageServerAuth} and {@code ExtKeyUsageAny}. */
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EKU = "2.5.29.37.0";

    private final Clock clock;

    public ChainVerifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@return a verifier on the system clock} */
    public static ChainVerifier system() {
        return new ChainVerifier(Clock.systemUTC());
    }

    /** Judges {@code chain} (leaf first, as presented) for {@code host} against {@code roots}. */
    public TlsVerdict verify(List<X509Certificate> chain, String host, List<X509Certificate> roots) {
        if (chain.isEmpty()) {
            return new TlsVerdict.NoCertificate();
        }
        Instant now = clock.instant();
        X509Certificate leaf = chain.getFirst();
        CertificateInfo leafInfo = CertificateInfo.of(leaf);
        if (!validAt(leaf, now)) {
            return notValid(leafInfo, now);
        }
        if (!HostnameMatcher.matches(host, leafInfo)) {
            boolean legacy = leafInfo.dnsNames().isEmpty() && leafInfo.ipAddresses().isEmpty()
                    && !HostnameMatcher.isIp(host) && commonNameMatches(leaf, host);
            return new TlsVerdict.HostnameMismatch(host, leafInfo.dnsNames(), leafInfo.ipAddresses(), legacy);
        }
        if (!allowsServerAuth(leaf)) {
            return new TlsVerdict.IncompatibleUsage(leafInfo.subject());
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate root : roots) {
                anchors.add(new TrustAnchor(root, null));
            }
            if (anchors.isEmpty()) {
                return new TlsVerdict.UnknownAuthority(leafInfo.issuer(), "no roots");
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(params);
            List<CertificateInfo> path = new ArrayList<>();
            for (var c : result.getCertPath().getCertificates()) {
                path.add(CertificateInfo.of((X509Certificate) c));
            }
            path.add(CertificateInfo.of(result.getTrustAnchor().getTrustedCert()));
            return new TlsVerdict.Verified(path);
        } catch (GeneralSecurityException e) {
            // Go reports an expired intermediate as expired, not as an unknown authority.
            for (X509Certificate c : chain.subList(1, chain.size())) {
                if (!validAt(c, now)) {
                    return notValid(CertificateInfo.of(c), now);
                }
            }
            X509Certificate last = chain.getLast();
            return new TlsVerdict.UnknownAuthority(last.getIssuerX500Principal().getName(),
                    String.valueOf(e.getMessage()));
        }
    }

    private static boolean validAt(X509Certificate c, Instant now) {
        try {
            c.checkValidity(Date.from(now));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    private static TlsVerdict notValid(CertificateInfo c, Instant now) {
        return new TlsVerdict.NotValidAtTime(c.subject(), c.notBefore(), c.notAfter(), now);
    }

    private static boolean allowsServerAuth(X509Certificate leaf) {
        try {
            List<String> eku = leaf.getExtendedKeyUsage();
            return eku == null || eku.contains(SERVER_AUTH) || eku.contains(ANY_EKU);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean commonNameMatches(X509Certificate leaf, String host) {
        try {
            for (var rdn : new javax.naming.ldap.LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")
                        && HostnameMatcher.matchHostnames(String.valueOf(rdn.getValue()), host)) {
                    return true;
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return false;
        }
        return false;
    }
}
