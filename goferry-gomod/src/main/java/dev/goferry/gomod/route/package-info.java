/**
 * The path a module fetch takes: which requests the go command makes, in which order, through
 * which HTTP proxy, and on which answers it moves on — computed from the settings alone.
 *
 * <p>A {@link dev.goferry.gomod.route.Route} is the plan; {@link dev.goferry.gomod.route.RouteWalk}
 * plays it against answers (from a test lab, or from probes), reproducing cmd/go's
 * {@code TryProxies}: each file (.info, .mod, .zip) walks the GOPROXY list anew; a {@code ,} entry
 * moves on only on "not found" (404, 410, and the synthetic not-found errors of {@code off},
 * {@code noproxy} and private paths), a {@code |} entry on any error; the error reported is the
 * direct one, else the latest non-not-found proxy error, else the latest not-found one. A version
 * query ({@code @latest}) lists versions and asks the chosen version's .info of the same proxy
 * that answered the list, in one step. The checksum database is reached through the first proxy
 * whose {@code /sumdb/<name>/supported} answers 200, else directly, unless GOSUMDB names a URL.
 * Each rule was observed with Go 1.19 and 1.24 (see the route observation tests).
 */
package dev.goferry.gomod.route;
