package dev.goferry.doctor.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reports whether a line of raw bytes contains any of a set of ASCII keywords, skipping through it
 * the Wu–Manber way: the last two bytes of a window as long as the shortest keyword say how far the
 * window can move without passing a keyword's start. Most bytes of a CI log are never looked at
 * more than once and many not at all, so explain reads a log about as fast as it can decode it.
 * Which keywords occur is then settled by {@link Prefilter} on the few lines that pass.
 */
final class ByteScan {

    private final byte[][] keywords;
    private final int min;
    private final byte[] shift = new byte[1 << 16];
    private final int[][] bucket = new int[1 << 16][];

    /** Builds the scanner for {@code keywords} (ASCII, each at least two bytes long). */
    ByteScan(List<String> keywords) {
        this.keywords = keywords.stream().map(k -> k.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        this.min = Arrays.stream(this.keywords).mapToInt(k -> k.length).min().orElse(2);
        if (min < 2 || min > 127) {
            throw new IllegalArgumentException("keywords must be 2 to 127 bytes long, shortest is " + min);
        }
        Arrays.fill(shift, (byte) (min - 1));
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < 1 << 16; i++) {
            lists.add(null);
        }
        for (int k = 0; k < this.keywords.length; k++) {
            byte[] w = this.keywords[k];
            for (int j = 1; j < min; j++) {
                int block = block(w[j - 1], w[j]);
                int s = min - 1 - j;
                shift[block] = (byte) Math.min(shift[block], s);
                if (s == 0) {
                    if (lists.get(block) == null) {
                        lists.set(block, new ArrayList<>());
                    }
                    lists.get(block).add(k);
                }
            }
        }
        for (int i = 0; i < 1 << 16; i++) {
            List<Integer> l = lists.get(i);
            bucket[i] = l == null ? null : l.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** Reports whether {@code b[from, to)} contains a keyword. */
    boolean any(byte[] b, int from, int to) {
        int i = from + min - 1;
        while (i < to) {
            int block = block(b[i - 1], b[i]);
            int s = shift[block];
            if (s > 0) {
                i += s;
                continue;
            }
            int start = i - min + 1;
            for (int k : bucket[block]) {
                if (startsWith(b, start, to, keywords[k])) {
                    return true;
                }
            }
            i++;
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int at, int to, byte[] word) {
        if (to - at < word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[at + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static int block(byte a, byte b) {
        return (a & 0xff) << 8 | (b & 0xff);
    }
}
