package dev.goferry.gomod.route;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route-observation case: a go command run in the {@link RouteLab} with {@code env} (values may
 * hold the lab placeholders) and the expected, hand-written {@link Observation}.
 *
 * @param name what the case shows, used in test names and failure messages
 * @param env the variables under test, on top of the hermetic base ({@link RouteLab#environment})
 * @param hosts extra {@code /etc/hosts} entries for the run (name → loopback address)
 * @param args the go command's arguments
 * @param module the module (path@query) the case is about, also the last argument
 * @param expected what Go 1.19 (and any client without an override) does
 * @param expectedSince121 what Go 1.21 and newer do, where that differs
 */
public record Scenario(String name, Map<String, String> env, Map<String, String> hosts, List<String> args,
                       String module, Observation expected, Optional<Observation> expectedSince121) {

    public Scenario {
        env = Map.copyOf(env);
        hosts = Map.copyOf(hosts);
        args = List.copyOf(args);
    }

    /** {@return the expectation for a client of minor version {@code minor}} */
    public Observation expectedFor(int minor) {
        return minor >= 21 ? expectedSince121.orElse(expected) : expected;
    }

    /** {@return this case with a different expectation for Go 1.21 and newer} */
    Scenario since121(Observation newer) {
        return new Scenario(name, env, hosts, args, module, expected, Optional.of(newer));
    }

    @Override
    public String toString() {
        return name;
    }
}
