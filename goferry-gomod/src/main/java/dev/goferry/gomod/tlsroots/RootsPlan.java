package dev.goferry.gomod.tlsroots;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Go's {@code crypto/x509} looks for root certificates on Linux ({@code root_linux.go},
 * {@code root_unix.go} {@code loadSystemRoots}).
 *
 * <p>Files: only the <em>first readable</em> one is used. {@code SSL_CERT_FILE}, when non-empty,
 * replaces the whole list. Directories: <em>every</em> one is read, in addition to the file.
 * {@code SSL_CERT_DIR}, when non-empty, replaces the list and is split on {@code :} as OpenSSL
 * does. So {@code SSL_CERT_FILE=corp.pem} alone still trusts everything in {@code /etc/ssl/certs}.
 *
 * <p>Go 1.19 (and, inferred, every release before 1.21) also reads Android's
 * {@code /system/etc/security/cacerts} on plain Linux; from 1.21 that directory is read only on
 * Android.
 *
 * @param files the bundle files, tried in order until one is readable
 * @param fileFromEnvironment whether {@code files} is {@code SSL_CERT_FILE}
 * @param directories the directories, all read
 * @param directoriesFromEnvironment whether {@code directories} come from {@code SSL_CERT_DIR}
 * @param readdirentErrors whether listing a plain file as a directory fails as
 *     {@code readdirent <dir>: not a directory} (Go 1.19) rather than {@code open <dir>: not a
 *     directory} (Go 1.24, which opens directories with O_DIRECTORY; 1.21 inferred as the change)
 */
public record RootsPlan(List<String> files, boolean fileFromEnvironment, List<String> directories,
                        boolean directoriesFromEnvironment, boolean readdirentErrors) {

    /** Go's {@code certFiles} for Linux, in order. */
    public static final List<String> LINUX_FILES = List.of(
            "/etc/ssl/certs/ca-certificates.crt",                // Debian/Ubuntu/Gentoo etc.
            "/etc/pki/tls/certs/ca-bundle.crt",                  // Fedora/RHEL 6
            "/etc/ssl/ca-bundle.pem",                            // OpenSUSE
            "/etc/pki/tls/cacert.pem",                           // OpenELEC
            "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", // CentOS/RHEL 7
            "/etc/ssl/cert.pem");                                // Alpine Linux

    /** Go's {@code certDirectories} for Linux since 1.21. */
    public static final List<String> LINUX_DIRECTORIES = List.of("/etc/ssl/certs", "/etc/pki/tls/certs");

    private static final String ANDROID_SYSTEM = "/system/etc/security/cacerts";
    private static final Pattern MINOR = Pattern.compile("(?:go)?1\\.(\\d+).*");

    public RootsPlan {
        files = List.copyOf(files);
        directories = List.copyOf(directories);
    }

    /** {@return the plan of a Go release (e.g. {@code go1.19.8}) on Linux under {@code env}} */
    public static RootsPlan linux(Map<String, String> env, String goVersion) {
        Objects.requireNonNull(goVersion);
        String file = env.getOrDefault("SSL_CERT_FILE", "");
        String dir = env.getOrDefault("SSL_CERT_DIR", "");
        Matcher m = MINOR.matcher(goVersion.trim());
        boolean old = m.matches() && Integer.parseInt(m.group(1)) < 21;
        List<String> dirs;
        if (!dir.isEmpty()) {
            dirs = Arrays.asList(dir.split(":", -1));
        } else {
            dirs = old ? List.of(LINUX_DIRECTORIES.get(0), LINUX_DIRECTORIES.get(1), ANDROID_SYSTEM)
                    : LINUX_DIRECTORIES;
        }
        return new RootsPlan(file.isEmpty() ? LINUX_FILES : List.of(file), !file.isEmpty(), dirs, !dir.isEmpty(),
                old);
    }
}
