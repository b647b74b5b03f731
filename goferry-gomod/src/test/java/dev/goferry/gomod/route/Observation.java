package dev.goferry.gomod.route;

import java.util.List;

/**
 * What one real {@code go} run did on the network, normalized so it can be written by hand: lab
 * addresses appear as the {@link RouteLab} placeholders ({@code {P}}, {@code {PORT}},
 * {@code {REFUSED}}, {@code {FWD}}, {@code {FILE}}).
 *
 * @param requests the paths (plus {@code ?query}) the recording GOPROXY server saw, in arrival
 *     order, e.g. {@code /404/example.com/m/@v/v1.0.0.info}
 * @param viaProxy what arrived at the forward proxy (HTTP_PROXY/HTTPS_PROXY), e.g.
 *     {@code CONNECT secure.test:443} or {@code GET http://proxy.test:{PORT}/ok/…}
 * @param error go's error text: the {@code Error} fields of {@code -json} output, then stderr,
 *     trimmed; empty on success
 * @param exitCode go's exit code
 */
public record Observation(List<String> requests, List<String> viaProxy, String error, int exitCode) {

    public Observation {
        requests = List.copyOf(requests);
        viaProxy = List.copyOf(viaProxy);
    }

    /** {@return a successful run that made {@code requests} directly} */
    static Observation ok(String... requests) {
        return new Observation(List.of(requests), List.of(), "", 0);
    }

    /** {@return a failed run (exit 1) that made {@code requests} directly and printed {@code error}} */
    static Observation failed(String error, String... requests) {
        return new Observation(List.of(requests), List.of(), error, 1);
    }

    /** {@return this observation with {@code viaProxy} as the forward proxy's log} */
    Observation via(String... viaProxy) {
        return new Observation(requests, List.of(viaProxy), error, exitCode);
    }
}
