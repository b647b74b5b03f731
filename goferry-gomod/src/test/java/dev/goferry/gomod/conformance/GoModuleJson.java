package dev.goferry.gomod.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level string fields of the JSON objects {@code go mod download -json} prints, one
 * indented object after another. Go indents with tabs, one field per line, so nested objects
 * (Origin) are recognised by their deeper indent and left out. Enough for Path, Version, Error,
 * Sum, GoModSum, Zip, GoMod; not a general JSON parser.
 */
record GoModuleJson(Map<String, String> fields) {

    Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** {@return {@code Path@query}: the argument as given, which is Query when go resolved it to another Version} */
    String key() {
        return fields.get("Path") + "@" + fields.getOrDefault("Query", fields.getOrDefault("Version", ""));
    }

    static List<GoModuleJson> parseStream(String out) {
        List<GoModuleJson> objects = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : out.split("\n")) {
            if (line.equals("{")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("}") && current != null) {
                objects.add(new GoModuleJson(Map.copyOf(current)));
                current = null;
            } else if (current != null && line.startsWith("\t\"") && !line.startsWith("\t\t")) {
                int colon = line.indexOf("\": ");
                String key = line.substring(2, colon);
                String value = line.substring(colon + 3);
                if (value.endsWith(",")) {
                    value = value.substring(0, value.length() - 1);
                }
                if (value.startsWith("\"") && value.endsWith("\"")) {
                    current.put(key, unquote(value.substring(1, value.length() - 1)));
                }
            }
        }
        return objects;
    }

    private static String unquote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
