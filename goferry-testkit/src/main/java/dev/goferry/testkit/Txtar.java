package dev.goferry.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A txtar archive, the text format Go's own tests keep module and script fixtures in: a free
 * comment, then files, each introduced by a line {@code -- NAME --}. Parsed exactly as Go's
 * {@code internal/txtar} does: a marker is a line that starts with {@code "-- "} and ends with
 * {@code " --"}, the name is trimmed, every file but an empty one ends with a newline (one is
 * added to the last if missing), and bytes are kept as they are (no charset decoding).
 *
 * @param comment the bytes before the first marker
 * @param files the files, in order (names may repeat)
 */
public record Txtar(byte[] comment, List<File> files) {

    public Txtar {
        comment = comment.clone();
        files = List.copyOf(files);
    }

    /** One file of an archive. */
    public record File(String name, byte[] data) {
        public File {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** {@return the content as UTF-8 text} */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return name + " (" + data.length + " bytes)";
        }
    }

    @Override
    public byte[] comment() {
        return comment.clone();
    }

    /** {@return the first file with this name} */
    public Optional<File> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** {@return the archive parsed from {@code data}} */
    public static Txtar parse(byte[] data) {
        Marker m = findMarker(data, 0);
        byte[] comment = m.before();
        List<File> files = new ArrayList<>();
        while (m.name() != null) {
            String name = m.name();
            m = findMarker(data, m.after());
            files.add(new File(name, m.before()));
        }
        return new Txtar(comment, files);
    }

    /** {@return the archive in file {@code path}} */
    public static Txtar parse(Path path) {
        try {
            return parse(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the archive as text again; parsing it gives an equal archive} */
    public byte[] format() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fixNewline(comment));
        for (File f : files) {
            out.writeBytes(("-- " + f.name() + " --\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(fixNewline(f.data));
        }
        return out.toByteArray();
    }

    /** The bytes before the next marker at or after {@code from}, that marker's name (null if none) and where its content starts. */
    private record Marker(byte[] before, String name, int after) {}

    private static Marker findMarker(byte[] data, int from) {
        int i = from;
        while (true) {
            Marker m = markerAt(data, from, i);
            if (m != null) {
                return m;
            }
            int j = indexOf(data, i, "\n-- ");
            if (j < 0) {
                return new Marker(fixNewline(Arrays.copyOfRange(data, from, data.length)), null, data.length);
            }
            i = j + 1;
        }
    }

    private static Marker markerAt(byte[] data, int from, int i) {
        if (!startsWith(data, i, "-- ")) {
            return null;
        }
        int nl = indexOf(data, i, "\n");
        int lineEnd = nl < 0 ? data.length : nl;
        int after = nl < 0 ? data.length : nl + 1;
        String line = new String(data, i, lineEnd - i, StandardCharsets.UTF_8);
        if (!(line.endsWith(" --") && line.length() >= 6)) {
            return null;
        }
        String name = line.substring(3, line.length() - 3).strip();
        if (name.isEmpty()) {
            return null;
        }
        return new Marker(Arrays.copyOfRange(data, from, i), name, after);
    }

    private static boolean startsWith(byte[] data, int at, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        if (at + p.length > data.length) {
            return false;
        }
        return Arrays.equals(data, at, at + p.length, p, 0, p.length);
    }

    private static int indexOf(byte[] data, int from, String what) {
        byte[] w = what.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = from; i + w.length <= data.length; i++) {
            for (int k = 0; k < w.length; k++) {
                if (data[i + k] != w[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] fixNewline(byte[] data) {
        if (data.length == 0 || data[data.length - 1] == '\n') {
            return data;
        }
        byte[] d = Arrays.copyOf(data, data.length + 1);
        d[data.length] = '\n';
        return d;
    }
}
