package dev.goferry.net.dns;

import java.util.ArrayList;
import java.util.List;

/** The small text helpers of Go's {@code net/parse.go} whose quirks the file parsers inherit. */
final class GoText {

    /** Go's {@code big}: dtoi stops here. */
    static final int BIG = 0xFFFFFF;

    private GoText() {}

    /** Go's {@code getFields}: splits on space, tab, CR and LF, dropping empty fields. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean sep = i == line.length() || " \r\t\n".indexOf(line.charAt(i)) >= 0;
            if (sep) {
                if (start >= 0) {
                    out.add(line.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return out;
    }

    /**
     * Go's {@code dtoi} as resolv.conf uses it: the value of the leading decimal digits, 0 when
     * there are none (so {@code ndots:x} means 0), {@link #BIG} on overflow.
     */
    static int dtoi(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            n = n * 10 + (s.charAt(i) - '0');
            if (n >= BIG) {
                return BIG;
            }
        }
        return n;
    }
}
