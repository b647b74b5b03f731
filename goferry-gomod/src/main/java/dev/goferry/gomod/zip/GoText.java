package dev.goferry.gomod.zip;

/** Go's {@code %q} and {@code path.Clean}, so messages and checks match Go's exactly. */
final class GoText {

    private GoText() {}

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else if (cp >= 0x80 && Character.isISOControl(cp)) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** Go's {@code path.Clean} for slash-separated paths. */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (String elem : path.split("/", -1)) {
            if (elem.isEmpty() || elem.equals(".")) {
                continue;
            }
            if (elem.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.pollLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(elem);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
