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
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : derBlocks(data)) {
            parseDer(der).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The DER contents of every {@code CERTIFICATE} block Go would try to parse, in order; parse
     * each with {@link #parseDer}. Split so a pool can skip DER it already holds before paying
     * for an X.509 parse: identical bytes parse identically, so this changes no outcome.
     */
    static List<byte[]> derBlocks(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        List<byte[]> out = new ArrayList<>();
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
                der = Base64.getDecoder().decode(withoutWhiteSpace(body));
            } catch (IllegalArgumentException e) {
                continue;
            }
            out.add(der);
        }
    }

    static java.util.Optional<X509Certificate> parseDer(byte[] der) {
        try {
            X509Certificate cert = (X509Certificate) Factory.X509.generateCertificate(new ByteArrayInputStream(der));
            // Go's ParseCertificate refuses trailing data
            return cert.getEncoded().length == der.length ? java.util.Optional.of(cert) : java.util.Optional.empty();
        } catch (CertificateException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The X.509 factory, created once: its provider lookup costs more than a parse. */
    private static final class Factory {
        static final CertificateFactory X509;

        static {
            try {
                X509 = CertificateFactory.getInstance("X.509");
            } catch (CertificateException e) {
                throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
            }
        }

        private Factory() {}
    }

    /** The base64 body without the spaces, tabs and line breaks pem.Decode removes. */
    private static String withoutWhiteSpace(String body) {
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                b.append(c);
            }
        }
        return b.toString();
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
