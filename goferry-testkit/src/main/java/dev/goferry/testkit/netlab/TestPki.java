package dev.goferry.testkit.netlab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test certificate authority made with the openssl command line in a scratch folder: the same
 * tool a user would use for a corporate CA, so the certificates are ordinary X.509 files.
 */
public final class TestPki {

    private final Path dir;
    private final String name;

    private TestPki(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** Creates a CA whose files are {@code <name>-ca.pem} and {@code <name>-ca.key} in {@code dir}. */
    public static TestPki createCa(Path dir, String name, String commonName) {
        return createCa(dir, name, commonName, 0);
    }

    /** Like {@link #createCa(Path, String, String)}, valid from {@code backdateDays} days ago (see {@link #issue(String, String, List, int, int)}). */
    public static TestPki createCa(Path dir, String name, String commonName, int backdateDays) {
        ServerProcess.requireBinary("openssl", "openssl");
        TestPki pki = new TestPki(dir, name);
        List<String> faked = backdateDays == 0 ? List.of() : List.of(
                ServerProcess.requireBinary("faketime", "faketime").toString(), "-f", offset(backdateDays));
        pki.openssl(faked, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", pki.caKey().toString(), "-out", pki.caPem().toString(), "-days", "3650",
                "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return pki;
    }

    /** {@return the CA certificate file} */
    public Path caPem() {
        return dir.resolve(name + "-ca.pem");
    }

    private Path caKey() {
        return dir.resolve(name + "-ca.key");
    }

    /** {@return the CA certificate} */
    public X509Certificate caCertificate() {
        return read(caPem()).getFirst();
    }

    /**
     * Issues a leaf certificate; {@code days} may be negative for an already-expired one.
     *
     * @param file   base file name: {@code file.pem} (leaf) and {@code file.key} are written
     * @param cn     subject common name
     * @param sans   subjectAltName entries such as {@code DNS:localhost} or {@code IP:127.0.0.1}; none for a CN-only certificate
     * @return the leaf certificate file
     */
    public Path issue(String file, String cn, List<String> sans, int days) {
        return issue(file, cn, sans, days, 0);
    }

    /**
     * Like {@link #issue(String, String, List, int)}, but valid from {@code backdateDays} days ago
     * (negative: only from that many days ahead), openssl run under libfaketime since openssl 3.0's
     * x509 has no start-date option. Skips the test when faketime is not installed.
     */
    public Path issue(String file, String cn, List<String> sans, int days, int backdateDays) {
        Path key = dir.resolve(file + ".key");
        Path csr = dir.resolve(file + ".csr");
        Path pem = dir.resolve(file + ".pem");
        Path ext = dir.resolve(file + ".ext");
        try {
            StringBuilder e = new StringBuilder("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
            if (!sans.isEmpty()) {
                e.append("subjectAltName=").append(String.join(",", sans)).append('\n');
            }
            Files.writeString(ext, e.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + cn);
        List<String> faked = backdateDays == 0 ? List.of() : List.of(
                ServerProcess.requireBinary("faketime", "faketime").toString(), "-f", offset(backdateDays));
        openssl(faked, "x509", "-req", "-in", csr.toString(), "-CA", caPem().toString(), "-CAkey", caKey().toString(),
                "-CAcreateserial", "-days", Integer.toString(days + Math.max(0, backdateDays)), "-extfile", ext.toString(), "-out", pem.toString());
        return pem;
    }

    /** {@return faketime's offset for a clock {@code backdateDays} days back (negative: ahead)} */
    private static String offset(int backdateDays) {
        return (backdateDays > 0 ? "-" : "+") + Math.abs(backdateDays) + "d";
    }

    /** {@return the key file written beside {@code pem} by {@link #issue}} */
    public static Path keyOf(Path pem) {
        String f = pem.getFileName().toString();
        return pem.resolveSibling(f.substring(0, f.length() - ".pem".length()) + ".key");
    }

    /** {@return the certificates in a PEM file} */
    public static List<X509Certificate> read(Path pem) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("certificates in " + pem + ": " + e.getMessage(), e);
        }
    }

    private void openssl(String... args) {
        openssl(List.of(), args);
    }

    private void openssl(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
