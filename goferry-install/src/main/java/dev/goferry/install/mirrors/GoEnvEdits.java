package dev.goferry.install.mirrors;

import dev.goferry.gomod.env.SumDbSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code goferry mirrors use} writes to the go/env file, decided from the current values
 * alone: GOPROXY gets the chosen mirror in place of its proxy entries ({@code direct}, {@code off}
 * and the {@code ,}/{@code |} fallback rules after them are kept); GOSUMDB gets an endpoint whose
 * signed tree head verified, for the same database only. Neither ever turns anything off, and
 * GOPRIVATE, GONOPROXY, GONOSUMDB are never touched.
 */
public final class GoEnvEdits {

    /** Go's GOPROXY when unset. */
    public static final String DEFAULT_GOPROXY = "https://proxy.golang.org,direct";

    private GoEnvEdits() {}

    /** What to do with GOPROXY. */
    public sealed interface ProxyEdit {}

    /** Write {@code value}. */
    public record SetProxy(String value) implements ProxyEdit {}

    /** GOPROXY=off: module downloads are disabled on purpose; a mirror would turn them on. */
    public record ProxyOff() implements ProxyEdit {}

    /** What to do with GOSUMDB. */
    public sealed interface SumdbEdit {}

    /** Write {@code value}. */
    public record SetSumdb(String value) implements SumdbEdit {}

    /** It already names this endpoint. */
    public record SumdbUnchanged() implements SumdbEdit {}

    /** GOSUMDB=off: left alone (goferry neither turns verification off nor overrides that choice). */
    public record SumdbOff() implements SumdbEdit {}

    /** GOSUMDB names another database (a company's own): left alone. */
    public record OtherDatabase(String name) implements SumdbEdit {}

    /** {@return GOPROXY with its proxy entries replaced by {@code mirror}} */
    public static ProxyEdit goproxy(String current, Mirror mirror) {
        String list = current.isBlank() ? DEFAULT_GOPROXY : current;
        List<String> entries = new ArrayList<>();
        List<Character> separators = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            if (i == list.length() || list.charAt(i) == ',' || list.charAt(i) == '|') {
                String entry = list.substring(start, i).trim();
                if (!entry.isEmpty()) {
                    entries.add(entry);
                    separators.add(i == list.length() ? ',' : list.charAt(i));
                }
                start = i + 1;
            }
        }
        if (!entries.isEmpty() && entries.getFirst().equals("off")) {
            return new ProxyOff();
        }
        List<String> out = new ArrayList<>();
        List<Character> seps = new ArrayList<>();
        int mirrorAt = -1;
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            if (e.equals("direct") || e.equals("off")) {
                out.add(e);
                seps.add(separators.get(i));
            } else if (mirrorAt < 0) {
                mirrorAt = out.size();
                out.add(mirror.url().toString());
                seps.add(separators.get(i));
            } else {
                // the separator after the last proxy entry decides how the rest is reached
                seps.set(mirrorAt, separators.get(i));
            }
        }
        if (mirrorAt < 0) {
            out.addFirst(mirror.url().toString());
            seps.addFirst(',');
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            value.append(out.get(i));
            if (i < out.size() - 1) {
                value.append(seps.get(i));
            }
        }
        return new SetProxy(value.toString());
    }

    /**
     * {@return GOSUMDB pointing at {@code verified}, an endpoint of the database {@code key} names
     * whose signed tree head verified with it}
     *
     * @param current GOSUMDB as the user set it; empty when unset (Go's default is not a choice of
     *     database, so any endpoint of the catalog's database may replace it)
     */
    public static SumdbEdit gosumdb(String current, Mirror verified, String key) {
        String name = key.substring(0, key.indexOf('+') < 0 ? key.length() : key.indexOf('+'));
        String value;
        if (key.equals(SumDbSetting.SUM_GOLANG_ORG_KEY)) {
            value = verified.url().toString().equals("https://sum.golang.org") ? "sum.golang.org" : "sum.golang.org " + verified.url();
        } else {
            value = key + " " + verified.url();
        }
        if (current.isBlank()) {
            return value.equals("sum.golang.org") ? new SumdbUnchanged() : new SetSumdb(value);
        }
        String effective = current.trim();
        return switch (SumDbSetting.parse(effective)) {
            case SumDbSetting.Off off -> new SumdbOff();
            case SumDbSetting.Database db when !db.name().equals(name) -> new OtherDatabase(db.name());
            case SumDbSetting.Database db when effective.equals(value)
                    || db.key().equals(key) && db.url().map(u -> u.equals(verified.url().toString()))
                            .orElse(verified.url().toString().equals("https://" + name)) -> new SumdbUnchanged();
            default -> new SetSumdb(value);
        };
    }
}
