package dev.goferry.gomod.env;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the flat object {@code go env -json KEY…} prints (Go's JSON string escapes included). */
final class GoEnvJson {

    private GoEnvJson() {}

    static Map<String, String> parse(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = json.indexOf('{');
        while (true) {
            int k = json.indexOf('"', i + 1);
            if (k < 0) {
                return out;
            }
            StringBuilder key = new StringBuilder();
            i = readString(json, k, key);
            int v = json.indexOf('"', json.indexOf(':', i));
            StringBuilder value = new StringBuilder();
            i = readString(json, v, value);
            out.put(key.toString(), value.toString());
        }
    }

    /** Reads the string starting at the quote at {@code start}; returns the index after its closing quote. */
    private static int readString(String s, int start, StringBuilder out) {
        int i = start + 1;
        while (s.charAt(i) != '"') {
            char c = s.charAt(i);
            if (c == '\\') {
                char e = s.charAt(i + 1);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return i + 1;
    }
}
