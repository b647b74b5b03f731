package dev.goferry.doctor.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.goferry.gomod.semver.Semver;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.Note;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.gomod.sumdb.note.Notes;
import dev.goferry.gomod.sumdb.note.Verifier;
import dev.goferry.gomod.sumdb.note.Verifiers;
import dev.goferry.gomod.sumdb.tlog.Tree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a 200 response body against the protocol its target speaks, because a captive portal, a
 * block page or a misrouted server answers 200 too. Pure functions: bytes in, verdict out.
 * Statuses other than 2xx are the HTTP layer's business and are not judged here.
 */
public final class ProtocolValidator {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern GO_IMPORT = Pattern.compile("(?is)<meta\\s+name=[\"']?go-import[\"']?");
    private static final int EXCERPT = 120;

    private ProtocolValidator() {}

    /**
     * Judges {@code sample} for {@code check}; {@code sumdbKey} is the checksum database's verifier
     * key (GOSUMDB's), used by {@link ProtocolCheck#SUMDB_LATEST} to verify the signature.
     */
    public static ProtocolVerdict validate(ProtocolCheck check, BodySample sample, Optional<String> sumdbKey) {
        byte[] body = sample.body();
        boolean html = looksLikeHtml(sample.contentType(), body);
        return switch (check) {
            case VCS_DISCOVERY -> goImport(body);
            case ANY -> new ProtocolVerdict.Valid(body.length + " bytes");
            default -> html ? htmlPage(body) : switch (check) {
                case GOPROXY_LIST -> versionList(body, sample.truncated());
                case GOPROXY_INFO -> versionInfo(body);
                case SUMDB_SUPPORTED -> new ProtocolVerdict.Valid("supported");
                case SUMDB_LATEST -> treeHead(body, sumdbKey);
                case RELEASE_INDEX -> releaseIndex(body, sample.truncated());
                case DOWNLOAD -> new ProtocolVerdict.Valid(body.length + " bytes");
                case VCS_DISCOVERY, ANY -> throw new AssertionError(check);
            };
        };
    }

    /** Reports whether a body is a web page: by its Content-Type, or by how it starts. */
    static boolean looksLikeHtml(Optional<String> contentType, byte[] body) {
        if (contentType.map(c -> c.toLowerCase(Locale.ROOT).contains("html")).orElse(false)) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\ufeff")) {
            start = start.substring(1);
        }
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body") || start.startsWith("<script");
    }

    private static ProtocolVerdict htmlPage(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher m = TITLE.matcher(text);
        String excerpt = m.find() ? m.group(1) : text;
        return new ProtocolVerdict.Unexpected("html-page", excerpt(excerpt));
    }

    /**
     * A GOPROXY {@code @v/list}: cmd/go keeps the first field of each line that is a valid version
     * and ignores the rest, so a real proxy's lines all start with one. An empty list is valid (a
     * module with no tagged versions). A truncated body's last line is not judged.
     */
    static ProtocolVerdict versionList(byte[] body, boolean truncated) {
        Optional<String> text = utf8(body);
        if (text.isEmpty()) {
            return new ProtocolVerdict.Unexpected("not-utf8", excerpt(new String(body, StandardCharsets.ISO_8859_1)));
        }
        String[] lines = text.get().split("\n", -1);
        int n = truncated ? lines.length - 1 : lines.length;
        int versions = 0;
        for (int i = 0; i < n; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String first = line.split("\\s+", 2)[0];
            if (!Semver.isValid(first)) {
                return new ProtocolVerdict.Unexpected("not-version-list", excerpt(line));
            }
            versions++;
        }
        return new ProtocolVerdict.Valid(versions + " versions");
    }

    /**
     * A checksum database's {@code /latest}: a signed note whose text is a tree head, signed by the
     * GOSUMDB key when one is known.
     */
    static ProtocolVerdict treeHead(byte[] body, Optional<String> key) {
        Note note;
        try {
            Verifier verifier = key.isPresent() ? Keys.newVerifier(key.get()) : null;
            Verifiers known = verifier == null
                    ? (name, hash) -> { throw new NoteException.UnknownVerifier(name, hash); }
                    : Verifiers.of(verifier);
            try {
                note = Notes.open(body, known);
            } catch (NoteException.UnverifiedNote e) {
                if (verifier != null) {
                    return new ProtocolVerdict.Unexpected("unknown-signer", excerpt(String.join(", ",
                            e.note().unverifiedSigs().stream().map(Note.Signature::name).toList())));
                }
                note = e.note();
            }
        } catch (NoteException.InvalidSignature e) {
            return new ProtocolVerdict.Unexpected("bad-signature", excerpt(e.getMessage()));
        } catch (NoteException e) {
            return new ProtocolVerdict.Unexpected("not-a-note",
                    excerpt(new String(body, StandardCharsets.UTF_8)));
        }
        try {
            Tree tree = Tree.parse(note.text().getBytes(StandardCharsets.UTF_8));
            return new ProtocolVerdict.Valid("tree " + tree.n());
        } catch (IllegalArgumentException e) {
            return new ProtocolVerdict.Unexpected("not-a-tree", excerpt(note.text()));
        }
    }

    /**
     * The release index: a non-empty JSON array of objects, each with a {@code version} string
     * starting {@code go} and a {@code files} array. A body cut at the cap is judged up to the cut.
     */
    /** A version's {@code .info}: {@code {"Version":"v1.2.3","Time":"…"}}. */
    static ProtocolVerdict versionInfo(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new ProtocolVerdict.Unexpected("not-version-info", excerpt(new String(body, StandardCharsets.UTF_8)));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("Version") && v == JsonToken.VALUE_STRING && Semver.isValid(p.getText())) {
                    return new ProtocolVerdict.Valid(p.getText());
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return new ProtocolVerdict.Unexpected("bad-json", excerpt(String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("")));
        }
        return new ProtocolVerdict.Unexpected("not-version-info", excerpt(new String(body, StandardCharsets.UTF_8)));
    }

    static ProtocolVerdict releaseIndex(byte[] body, boolean truncated) {
        int releases = 0;
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return new ProtocolVerdict.Unexpected("not-release-index", excerpt(new String(body, StandardCharsets.UTF_8)));
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                boolean version = false;
                boolean files = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("version") && v == JsonToken.VALUE_STRING && p.getText().startsWith("go")) {
                        version = true;
                    } else if (field.equals("files") && v == JsonToken.START_ARRAY) {
                        files = true;
                    }
                    p.skipChildren();
                }
                if (!version || !files) {
                    return new ProtocolVerdict.Unexpected("not-release-index", "release " + (releases + 1)
                            + " lacks " + (version ? "files" : "version"));
                }
                releases++;
            }
            if (t != JsonToken.END_ARRAY) {
                return new ProtocolVerdict.Unexpected("bad-json", excerpt(String.valueOf(t)));
            }
        } catch (IOException e) {
            if (truncated && releases > 0) {
                return new ProtocolVerdict.Valid(releases + "+ releases");
            }
            return new ProtocolVerdict.Unexpected("bad-json", excerpt(String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("")));
        }
        return releases == 0
                ? new ProtocolVerdict.Unexpected("not-release-index", "[]")
                : new ProtocolVerdict.Valid(releases + " releases");
    }

    private static ProtocolVerdict goImport(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (GO_IMPORT.matcher(text).find()) {
            return new ProtocolVerdict.Valid("go-import");
        }
        Matcher m = TITLE.matcher(text);
        return new ProtocolVerdict.Unexpected("no-go-import", excerpt(m.find() ? m.group(1) : text));
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Collapses white space, drops control characters and cuts to {@value #EXCERPT} characters. */
    static String excerpt(String s) {
        String flat = s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return flat.length() > EXCERPT ? flat.substring(0, EXCERPT) + "…" : flat;
    }
}
