package dev.goferry.gomod.tlsroots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed CA certificates made on the spot with the JDK's keytool (openssl when installed,
 * because it is much faster), each with a unique subject {@code CN=<name>} so a subject names
 * one certificate.
 */
final class TestCertificates {

    private static final boolean OPENSSL = available("openssl", "version");

    private TestCertificates() {}

    /** {@return the PEM text of a new CA certificate with subject CN=name} */
    static String create(Path scratch, String name) {
        try {
            Files.createDirectories(scratch);
            Path pem = scratch.resolve(name + ".pem");
            if (OPENSSL) {
                exec(scratch, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                        "-nodes", "-keyout", scratch.resolve(name + ".key").toString(), "-out", pem.toString(),
                        "-days", "30", "-subj", "/CN=" + name);
            } else {
                Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
                Path ks = scratch.resolve(name + ".p12");
                exec(scratch, keytool.toString(), "-genkeypair", "-keystore", ks.toString(), "-storepass", "changeit",
                        "-alias", "ca", "-keyalg", "EC", "-dname", "CN=" + name, "-ext", "bc:c", "-validity", "30");
                exec(scratch, keytool.toString(), "-exportcert", "-rfc", "-keystore", ks.toString(), "-storepass",
                        "changeit", "-alias", "ca", "-file", pem.toString());
            }
            return Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exec(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
