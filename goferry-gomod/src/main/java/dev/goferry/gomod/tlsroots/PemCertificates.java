package dev.goferry.gomod.tlsroots;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Go's {@code CertPool.AppendCertsFromPEM} minus the pool: every {@code CERTIFICATE} PEM block
 * without headers, in order, whose contents parse as one certificate with nothing after it.
 * Other blocks, blocks with headers and unparsable certificates are skipped silently, as Go does.
 * Text around the blocks is ignored, so a whole bundle or a directory entry is read the same way.
 */
final class PemCertificates {

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private PemCertificates() {}

    static List<X509Certificate> parse(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        List<X509Certificate> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = findBegin(text, pos);
            if (begin < 0) {
                return out;
            }
            int lineEnd = text.indexOf('\n', begin);
            String typeLine = stripTrailing(text.substring(begin, lineEnd < 0 ? text.length() : lineEnd));
            pos = begin + BEGIN.length();
            if (!typeLine.endsWith(DASHES) || lineEnd < 0) {
                continue;
            }
            String type = typeLine.substring(BEGIN.length(), typeLine.length() - DASHES.length());
            String endMarker = "\n-----END " + type + DASHES;
            int bodyStart = lineEnd + 1;
            int end = text.indexOf(endMarker, lineEnd);
            if (end < 0) {
                continue;
            }
            String body = text.substring(bodyStart, Math.max(bodyStart, end));
            pos = end + endMarker.length();
            if (!type.equals("CERTIFICATE") || hasHeaders(body)) {
                continue;
            }
            byte[] der;
            try {
                der = Base64.getDecoder().decode(body.replaceAll("[ \t\r\n]", ""));
            } catch (IllegalArgumentException e) {
                continue;
            }
            parseDer(der).ifPresent(out::add);
        }
    }

    private static java.util.Optional<X509Certificate> parseDer(byte[] der) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
            // Go's ParseCertificate refuses trailing data
            return cert.getEncoded().length == der.length ? java.util.Optional.of(cert) : java.util.Optional.empty();
        } catch (CertificateException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Go's pem.Decode: BEGIN must start the data or a line. */
    private static int findBegin(String text, int from) {
        if (from == 0 && text.startsWith(BEGIN)) {
            return 0;
        }
        int i = text.indexOf("\n" + BEGIN, Math.max(0, from - 1));
        return i < 0 ? -1 : i + 1;
    }

    /** The first body line holding a colon makes it a header (Proc-Type: …), and Go skips the block. */
    private static boolean hasHeaders(String body) {
        int nl = body.indexOf('\n');
        return (nl < 0 ? body : body.substring(0, nl)).indexOf(':') >= 0;
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
