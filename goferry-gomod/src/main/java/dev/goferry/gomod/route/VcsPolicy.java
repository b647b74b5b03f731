package dev.goferry.gomod.route;

import dev.goferry.gomod.env.GoVcsRules;
import dev.goferry.gomod.module.PrefixPatterns;

/**
 * GOVCS applied to a repository root, as cmd/go's {@code CheckGOVCS}: the path counts as private
 * when GOPRIVATE (not GONOPROXY) matches it; the first rule whose pattern matches decides, and
 * {@code all} allows any VCS.
 *
 * @param rules the parsed GOVCS, defaults appended
 * @param goprivate the effective GOPRIVATE
 */
public record VcsPolicy(GoVcsRules rules, String goprivate) {

    /** {@return the decision for {@code vcs} on the repository at {@code root}} */
    public Entry.Vcs decide(String vcs, String repo, String root) {
        boolean isPrivate = PrefixPatterns.matches(goprivate, root);
        for (GoVcsRules.Rule rule : rules.rules()) {
            boolean match = switch (rule.pattern()) {
                case "private" -> isPrivate;
                case "public" -> !isPrivate;
                default -> PrefixPatterns.matches(rule.pattern(), root);
            };
            if (match) {
                boolean allowed = rule.allowed().contains("all") || rule.allowed().contains(vcs);
                return new Entry.Vcs(vcs, repo, allowed, rule.pattern() + ":" + String.join("|", rule.allowed()),
                        isPrivate);
            }
        }
        return new Entry.Vcs(vcs, repo, false, "(no rule)", isPrivate);
    }
}
