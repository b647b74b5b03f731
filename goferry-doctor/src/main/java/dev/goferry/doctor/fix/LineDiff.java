package dev.goferry.doctor.fix;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a small text file that an edit removed ({@code - }) and added ({@code + }), in file
 * order, by longest common subsequence. A go/env file has a handful of lines, so the quadratic
 * table is cheap; unchanged lines are left out, which is all a user needs to judge the change.
 */
final class LineDiff {

    private LineDiff() {}

    static List<String> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add("- " + a.get(i++));  // the old line first, as diff -u shows a replacement
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(t.split("\n", -1));
    }
}
