package dev.goferry.gomod.env;

import dev.goferry.gomod.gostd.GoQuote;
import dev.goferry.gomod.gostd.GoStrings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GOVCS parsed as cmd/go's {@code vcs.parseGOVCS}, with Go's default rules
 * {@code private:all,public:git|hg} appended.
 *
 * @param rules the user's rules followed by the defaults; the first matching rule decides
 * @param error Go's text when GOVCS is malformed (direct fetches then fail with it)
 */
public record GoVcsRules(List<Rule> rules, Optional<String> error) {

    /** One {@code pattern:vcs|vcs} rule. */
    public record Rule(String pattern, List<String> allowed) {
        public Rule {
            allowed = List.copyOf(allowed);
        }
    }

    public GoVcsRules {
        rules = List.copyOf(rules);
    }

    static final List<Rule> DEFAULTS = List.of(new Rule("private", List.of("all")), new Rule("public", List.of("git", "hg")));

    /** Parses GOVCS. */
    public static GoVcsRules parse(String govcs) {
        List<Rule> rules = new ArrayList<>();
        String s = GoStrings.trimSpace(govcs);
        if (!s.isEmpty()) {
            Map<String, String> have = new HashMap<>();
            for (String raw : s.split(",", -1)) {
                String item = GoStrings.trimSpace(raw);
                if (item.isEmpty()) {
                    return invalid("empty entry in GOVCS");
                }
                int colon = item.indexOf(':');
                if (colon < 0) {
                    return invalid("malformed entry in GOVCS (missing colon): " + GoQuote.quote(item));
                }
                String pattern = GoStrings.trimSpace(item.substring(0, colon));
                String list = GoStrings.trimSpace(item.substring(colon + 1));
                if (pattern.isEmpty()) {
                    return invalid("empty pattern in GOVCS: " + GoQuote.quote(item));
                }
                if (list.isEmpty()) {
                    return invalid("empty VCS list in GOVCS: " + GoQuote.quote(item));
                }
                if (pattern.equals(".") || pattern.equals("..") || pattern.startsWith("./") || pattern.startsWith("../")) {
                    return invalid("relative pattern not allowed in GOVCS: " + GoQuote.quote(pattern));
                }
                String old = have.get(pattern);
                if (old != null) {
                    return invalid("unreachable pattern in GOVCS: " + GoQuote.quote(item) + " after " + GoQuote.quote(old));
                }
                have.put(pattern, item);
                List<String> allowed = new ArrayList<>();
                for (String a : list.split("\\|", -1)) {
                    String name = GoStrings.trimSpace(a);
                    if (name.isEmpty()) {
                        return invalid("empty VCS name in GOVCS: " + GoQuote.quote(item));
                    }
                    allowed.add(name);
                }
                rules.add(new Rule(pattern, allowed));
            }
        }
        rules.addAll(DEFAULTS);
        return new GoVcsRules(rules, Optional.empty());
    }

    private static GoVcsRules invalid(String error) {
        return new GoVcsRules(DEFAULTS, Optional.of(error));
    }
}
