/**
 * The root certificates Go's {@code crypto/x509} trusts on Linux
 * ({@code root_linux.go}, {@code root_unix.go}).
 *
 * <p>{@link dev.goferry.gomod.tlsroots.RootsPlan#linux} says where Go looks under an environment;
 * {@link dev.goferry.gomod.tlsroots.SystemRootsLoader} reads those places behind a base-directory
 * seam and returns {@link dev.goferry.gomod.tlsroots.SystemRoots}: every certificate with its
 * file, how each file and directory fared, and a {@link java.security.KeyStore} for TLS probes
 * that must trust exactly what Go trusts.
 *
 * <p>Worked example: on Debian with {@code SSL_CERT_FILE=/corp/ca.pem} and no SSL_CERT_DIR, Go
 * trusts the corporate CA <em>and</em> everything in {@code /etc/ssl/certs} (directories are read
 * in addition to the file). With {@code SSL_CERT_DIR=/corp/certs} and SSL_CERT_FILE unset it
 * trusts {@code /etc/ssl/certs/ca-certificates.crt} plus the corporate directory. Only
 * {@code SSL_CERT_FILE=/nonexistent SSL_CERT_DIR=/corp/certs} trusts the corporate directory
 * alone.
 */
package dev.goferry.gomod.tlsroots;
