package dev.goferry.doctor.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of literal keywords occur in a line, in one pass over the line: a
 * table indexed by each position's two characters lists the keywords starting with them, and only
 * those are compared. Most lines of a CI log hit no table entry at all, so explaining a log costs
 * about as much as reading it; the regexes run only on the few lines with a hit.
 */
final class Prefilter {

    private static final int TABLE = 1 << 12;

    private final String[] keywords;
    private final int[][] table;

    /** Builds the matcher for {@code keywords} (distinct, each at least two characters long). */
    Prefilter(List<String> keywords) {
        this.keywords = keywords.toArray(String[]::new);
        List<List<Integer>> buckets = new ArrayList<>(TABLE);
        for (int i = 0; i < TABLE; i++) {
            buckets.add(null);
        }
        for (int k = 0; k < this.keywords.length; k++) {
            String w = this.keywords[k];
            if (w.length() < 2) {
                throw new IllegalArgumentException("keyword \"" + w + "\": needs at least two characters");
            }
            int h = slot(w.charAt(0), w.charAt(1));
            if (buckets.get(h) == null) {
                buckets.set(h, new ArrayList<>());
            }
            buckets.get(h).add(k);
        }
        table = new int[TABLE][];
        for (int i = 0; i < TABLE; i++) {
            List<Integer> b = buckets.get(i);
            table[i] = b == null ? null : b.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** {@return a prefilter over the distinct keywords of {@code patterns} plus {@code extra}, in that order} */
    static Prefilter of(List<ErrorPattern> patterns, List<String> extra) {
        Map<String, Boolean> words = new LinkedHashMap<>();
        patterns.forEach(p -> p.keywords().forEach(k -> words.put(k, true)));
        extra.forEach(k -> words.put(k, true));
        return new Prefilter(List.copyOf(words.keySet()));
    }

    /** {@return the index of {@code keyword}, or -1} */
    int indexOf(String keyword) {
        for (int i = 0; i < keywords.length; i++) {
            if (keywords[i].equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return the number of keywords} */
    int size() {
        return keywords.length;
    }

    /**
     * Marks in {@code hits} (length {@link #size()}, cleared by this call) the keywords {@code line}
     * contains, and reports whether there was any.
     */
    boolean scan(String line, boolean[] hits) {
        java.util.Arrays.fill(hits, false);
        boolean any = false;
        int n = line.length() - 1;
        for (int i = 0; i < n; i++) {
            int[] candidates = table[slot(line.charAt(i), line.charAt(i + 1))];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (!hits[k] && line.startsWith(keywords[k], i)) {
                    hits[k] = true;
                    any = true;
                }
            }
        }
        return any;
    }

    private static int slot(char a, char b) {
        return (a * 31 + b) & (TABLE - 1);
    }
}
