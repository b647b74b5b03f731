package dev.goferry.gomod.gostd;

import java.util.ArrayDeque;

/** Go's {@code path} package: slash-separated paths, whatever the host system's separator. */
public final class GoPath {

    private GoPath() {}

    /**
     * Go's {@code path.Clean}: the shortest equivalent path, by lexical processing only. Runs of
     * slashes become one, {@code .} elements go, {@code ..} removes the element before it (and is
     * dropped at the root of a rooted path), a trailing slash goes; an empty result is {@code "."}.
     */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        ArrayDeque<String> out = new ArrayDeque<>();
        for (String elem : path.split("/")) {
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
