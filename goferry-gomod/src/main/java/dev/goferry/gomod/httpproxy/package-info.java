/**
 * Go's choice of HTTP proxy, exactly: {@code net/http.ProxyFromEnvironment}, which is
 * {@code golang.org/x/net/http/httpproxy} vendored into each Go release.
 *
 * <p>{@link dev.goferry.gomod.httpproxy.ProxyEnvironment#from} snapshots the variables as Go reads
 * them; {@link dev.goferry.gomod.httpproxy.ProxyEnvironment#decide(java.net.URI)} gives the
 * {@link dev.goferry.gomod.httpproxy.ProxyDecision} for one URL, and
 * {@link dev.goferry.gomod.httpproxy.ProxyEnvironment#warnings()} what Go does silently.
 *
 * <p>The rules, in Go's order:
 * <ol>
 *   <li>Variables: {@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code NO_PROXY}, each upper case
 *       first unless empty, then lower case. {@code REQUEST_METHOD} non-empty means CGI.
 *       {@code ALL_PROXY} is not read.</li>
 *   <li>{@code https://} URLs use HTTPS_PROXY only, {@code http://} URLs HTTP_PROXY only (under
 *       CGI that is the error {@code refusing to use HTTP_PROXY value in CGI environment; see
 *       golang.org/s/cgihttpproxy}), anything else goes direct.</li>
 *   <li>Host {@code localhost} and loopback IP literals are never proxied.</li>
 *   <li>NO_PROXY: comma-separated; {@code *} anywhere means all direct; CIDR blocks and IPs
 *       match IP-literal hosts only (no DNS); {@code x.com} matches x.com and its subdomains,
 *       {@code .x.com} and {@code *.x.com} subdomains only; a port must equal the URL's port or
 *       80/443.</li>
 *   <li>Proxy values: parsed with Go's {@code url.Parse} ({@link dev.goferry.gomod.gostd.GoUrl}),
 *       retried with {@code http://} in front, errors swallowed.</li>
 * </ol>
 *
 * <p>Worked example (Go 1.24, observed): {@code HTTPS_PROXY=proxy.corp:3128
 * NO_PROXY=*.corp.example.com,proxy.golang.org:443} sends {@code https://proxy.golang.org/...}
 * direct (port 443 matches), {@code https://proxy.golang.org:8443/} through
 * {@code http://proxy.corp:3128}, and {@code https://corp.example.com/} through the proxy too
 * ({@code *.} means subdomains only).
 *
 * <p>Release differences are flags in {@link dev.goferry.gomod.httpproxy.ProxyRules}.
 */
package dev.goferry.gomod.httpproxy;
