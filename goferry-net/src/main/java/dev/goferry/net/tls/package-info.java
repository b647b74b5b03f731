/**
 * TLS handshakes that capture the presented chain without failing on trust
 * ({@link dev.goferry.net.tls.TlsProbe}), and Go's verdict on that chain against given roots
 * ({@link dev.goferry.net.tls.ChainVerifier}, {@link dev.goferry.net.tls.HostnameMatcher}):
 * validity period, then SAN-only host name rules, then PKIX without revocation or AIA fetching.
 */
package dev.goferry.net.tls;
