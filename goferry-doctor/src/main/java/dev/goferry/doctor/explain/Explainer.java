package dev.goferry.doctor.explain;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads go's output, or a whole CI log around it, one line at a time and names the causes of the
 * errors it holds. Memory stays bounded whatever the log's size: per cause a count, the first few
 * lines and the first facts; at most {@value #MAX_UNRECOGNISED} unrecognised lines.
 *
 * <p>Each line is cleaned ({@link LogLines}), checked by one {@link Prefilter} pass for the
 * patterns' keywords, then tried against the patterns whose keywords it contains, in
 * {@link ErrorPatterns} order; the first match wins. Lines that continue an error
 * ({@code \tserver response: …}, the {@code downloaded:}/{@code go.sum:} lines of a checksum
 * mismatch) add facts to it. A {@code go: …} line nothing matched is kept as unrecognised, unless it
 * is one of go's progress or context lines ({@code go: downloading …}, {@code go: x imports}).
 * Not thread-safe: one explainer per log.
 */
public final class Explainer {

    static final int MAX_SAMPLES = 5;
    static final int MAX_LISTED = 20;
    static final int MAX_UNRECOGNISED = 100;
    private static final int MAX_TEXT = 2000;

    private static final List<String> PROGRESS = List.of("go: downloading ", "go: finding ", "go: extracting ",
            "go: found ", "go: added ", "go: upgraded ", "go: downgraded ", "go: removed ", "go: creating new go.mod",
            "go: to add module requirements", "go: warning: ", "go: switching to go", "go: module ", "go: upgrading ",
            "go: errors parsing go.mod", "go: inconsistent vendoring");
    private static final byte[][] PROGRESS_BYTES = PROGRESS.stream()
            .map(p -> p.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final Pattern MODULE = Pattern.compile(
            "(?:^|go: |verifying |\t)(?<module>[A-Za-z0-9][^\\s@\"]*)@(?<version>[A-Za-z0-9][^\\s:@\"]*?)(?:/go\\.mod)?:");
    private static final Pattern URL = Pattern.compile("(?:https?|file)://[^\\s\"']+");
    private static final Pattern CHECKSUM = Pattern.compile("^\\s+(?<source>[\\w.]+):\\s+(?<sum>h1:\\S+)");
    private static final Pattern FACT_NAME = Pattern.compile("[a-z]+[0-9]?");

    private final List<ErrorPattern> patterns;
    private static final String GO = "go: ";
    private static final String RESPONSE = "server response:";
    /** How far into a line {@code go: } is looked for: past a timestamp, an annotation and colours. */
    private static final int GO_WITHIN = 96;

    private final Prefilter prefilter;
    private final ByteScan bytes;
    private final int[][] patternKeywords;
    private final int goKeyword;
    private final int responseKeyword;
    private final boolean[] hits;

    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final Map<String, Unrecognised> unrecognised = new LinkedHashMap<>();
    private long unrecognisedCount;
    private long lineNumber;
    private long size;
    private Occurrence last;
    private long lastLine = -10;
    private GroupBuilder lastGroup;
    private String contextModule;
    private String contextVersion;
    private long contextLine = -10;

    /** An explainer with every pattern of {@link ErrorPatterns}. */
    public Explainer() {
        this(ErrorPatterns.all());
    }

    /** An explainer with {@code patterns}, tried in order. */
    public Explainer(List<ErrorPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.prefilter = Prefilter.of(this.patterns, List.of(GO, RESPONSE, ": h1:", "     h1:"));
        List<String> scanned = new ArrayList<>();
        this.patterns.forEach(p -> scanned.addAll(p.keywords()));
        scanned.addAll(List.of(RESPONSE, ": h1:", "     h1:"));
        this.bytes = new ByteScan(scanned.stream().distinct().toList());
        this.patternKeywords = new int[this.patterns.size()][];
        for (int i = 0; i < this.patterns.size(); i++) {
            patternKeywords[i] = this.patterns.get(i).keywords().stream().mapToInt(prefilter::indexOf).toArray();
        }
        this.goKeyword = prefilter.indexOf(GO);
        this.responseKeyword = prefilter.indexOf(RESPONSE);
        this.hits = new boolean[prefilter.size()];
    }

    /** {@return the explanation of everything {@code in} holds; reads it to its end, does not close it} */
    public static Explanation explain(Reader in) throws IOException {
        Explainer e = new Explainer();
        long chars = LineReader.forEach(in, e::line);
        e.size = chars;
        return e.finish();
    }

    /**
     * {@return the explanation of everything {@code in} holds (UTF-8)}; reads it to its end, does not
     * close it. The fast path: lines are cut from a byte buffer and only those that may hold an error
     * (a keyword, or {@code go: } near the start) are decoded.
     */
    public static Explanation explain(InputStream in) throws IOException {
        Explainer e = new Explainer();
        e.size = ByteLines.forEach(in, e::bytes);
        return e.finish();
    }

    /** Reads one line of raw bytes {@code b[from, to)}. */
    private void bytes(byte[] b, int from, int to) {
        lineNumber++;
        if (bytes.any(b, from, to) || goErrorNearStart(b, from, to)) {
            process(new String(b, from, to - from, StandardCharsets.UTF_8));
        }
    }

    /** Reports whether {@code go: } starts near the line's start, not as one of go's progress lines. */
    private static boolean goErrorNearStart(byte[] b, int from, int to) {
        int end = Math.min(to, from + GO_WITHIN) - 3;
        for (int i = from; i < end; i++) {
            if (b[i] == 'g' && b[i + 1] == 'o' && b[i + 2] == ':' && b[i + 3] == ' ') {
                for (byte[] p : PROGRESS_BYTES) {
                    if (startsWith(b, i, to, p)) {
                        return false;
                    }
                }
                return true;
            }
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

    /** Reads one line (without its line terminator). */
    public void line(String raw) {
        lineNumber++;
        process(raw);
    }

    private void process(String raw) {
        String line = raw.indexOf('\u001b') >= 0 ? LogLines.stripAnsi(raw) : raw;
        if (!prefilter.scan(line, hits)) {
            return;
        }
        String text = LogLines.clean(line);
        if (continuation(text)) {
            return;
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (!anyHit(patternKeywords[i])) {
                continue;
            }
            ErrorPattern p = patterns.get(i);
            Matcher m = p.regex().matcher(text);
            if (m.find()) {
                record(p, m, text);
                return;
            }
        }
        Matcher context = MODULE.matcher(text);
        if (context.find()) {
            // "go: M@V: invalid version: git ls-remote … exit status 128:" heads the lines that say why.
            contextModule = context.group("module");
            contextVersion = context.group("version");
            contextLine = lineNumber;
        }
        if (hits[goKeyword] && looksLikeError(text)) {
            unrecognisedCount++;
            String shown = cut(text.strip());
            if (unrecognised.size() < MAX_UNRECOGNISED) {
                unrecognised.putIfAbsent(shown, new Unrecognised(lineNumber, shown));
            }
        }
    }

    /** {@return the explanation of the lines read so far} */
    public Explanation finish() {
        List<CauseGroup> out = groups.values().stream().map(GroupBuilder::build).toList();
        return new Explanation(out, List.copyOf(unrecognised.values()), unrecognisedCount, lineNumber, size);
    }

    private boolean anyHit(int[] keywordIndexes) {
        for (int k : keywordIndexes) {
            if (hits[k]) {
                return true;
            }
        }
        return false;
    }

    /** Adds a continuation line's facts to the error just before it; reports whether it was one. */
    private boolean continuation(String text) {
        if (last == null || lineNumber - lastLine > 4) {
            return false;
        }
        if (hits[responseKeyword]) {
            int at = text.indexOf("server response:");
            String response = text.substring(at + "server response:".length()).strip();
            if (at >= 0 && text.substring(0, at).isBlank()) {
                if (!response.isEmpty()) {
                    addFact("response", cut(response));
                }
                lastLine = lineNumber;
                return true;
            }
        }
        if (text.startsWith(" ") || text.startsWith("\t")) {
            Matcher m = CHECKSUM.matcher(text);
            if (m.find()) {
                addFact(m.group("source").equals("downloaded") ? "downloaded" : "expected", m.group("sum"));
                if (!m.group("source").equals("downloaded")) {
                    addFact("checksumSource", m.group("source"));
                }
                lastLine = lineNumber;
                return true;
            }
        }
        return false;
    }

    private void addFact(String name, String value) {
        Map<String, String> facts = new LinkedHashMap<>(last.facts());
        facts.putIfAbsent(name, value);
        last = new Occurrence(last.line(), last.pattern(), last.text(), facts);
        lastGroup.replaceLast(last);
    }

    private void record(ErrorPattern p, Matcher m, String text) {
        Map<String, String> facts = new LinkedHashMap<>();
        Matcher mv = MODULE.matcher(text);
        if (mv.find()) {
            facts.put("module", mv.group("module"));
            facts.put("version", mv.group("version"));
        } else if (lineNumber - contextLine <= 3) {
            facts.put("module", contextModule);
            facts.put("version", contextVersion);
        }
        for (String name : p.regex().namedGroups().keySet()) {
            String v = m.group(name);
            if (v != null && !v.isEmpty()) {
                facts.put(factName(name), v);
            }
        }
        if (!facts.containsKey("url")) {
            Matcher mu = URL.matcher(text);
            if (mu.find()) {
                facts.put("url", mu.group());
            }
        }
        facts.computeIfPresent("url", (k, v) -> v.endsWith(":") ? v.substring(0, v.length() - 1) : v);
        if (!facts.containsKey("host")) {
            String from = facts.containsKey("address") ? "//" + facts.get("address") : facts.get("url");
            if (from != null) {
                Hosts.of(from).ifPresent(h -> facts.put("host", h));
            }
        }
        Occurrence o = new Occurrence(lineNumber, p.id(), cut(text.strip()), facts);
        GroupBuilder g = groups.computeIfAbsent(p.meaning().id(), k -> new GroupBuilder(p.meaning()));
        g.add(o);
        last = o;
        lastLine = lineNumber;
        lastGroup = g;
    }

    /** Folds variant group names ({@code oldurl}, {@code pkg2}, {@code declared}) onto the fact they give. */
    private static String factName(String group) {
        return switch (group) {
            case "oldurl" -> "url";
            case "pkg", "pkg2", "declared" -> "detail";
            default -> FACT_NAME.matcher(group).matches() ? group : "detail";
        };
    }

    private static boolean looksLikeError(String text) {
        String s = text.stripLeading();
        if (!s.startsWith("go: ")) {
            return false;
        }
        for (String p : PROGRESS) {
            if (s.startsWith(p)) {
                return false;
            }
        }
        String t = s.stripTrailing();
        return !(t.endsWith(" imports") || t.endsWith(" requires") || t.endsWith(":") || t.endsWith(" tested by")
                || t.endsWith(" and"));
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }

    /** The running totals of one cause. */
    private static final class GroupBuilder {
        private final Meaning meaning;
        private long count;
        private final Set<String> patterns = new LinkedHashSet<>();
        private final Set<String> hosts = new LinkedHashSet<>();
        private final Set<String> modules = new LinkedHashSet<>();
        private final Map<String, String> facts = new LinkedHashMap<>();
        private final List<Occurrence> samples = new ArrayList<>();
        private boolean lastIsSample;

        GroupBuilder(Meaning meaning) {
            this.meaning = meaning;
        }

        void add(Occurrence o) {
            count++;
            patterns.add(o.pattern());
            String host = o.facts().get("host");
            if (host != null && hosts.size() < MAX_LISTED) {
                hosts.add(host);
            }
            String module = o.facts().get("module");
            if (module != null && modules.size() < MAX_LISTED) {
                modules.add(module + "@" + o.facts().get("version"));
            }
            o.facts().forEach(facts::putIfAbsent);
            lastIsSample = samples.size() < MAX_SAMPLES;
            if (lastIsSample) {
                samples.add(o);
            }
        }

        void replaceLast(Occurrence o) {
            o.facts().forEach(facts::putIfAbsent);
            if (lastIsSample) {
                samples.set(samples.size() - 1, o);
            }
        }

        CauseGroup build() {
            return new CauseGroup(meaning, count, List.copyOf(patterns), List.copyOf(hosts), List.copyOf(modules),
                    facts, samples);
        }
    }
}
