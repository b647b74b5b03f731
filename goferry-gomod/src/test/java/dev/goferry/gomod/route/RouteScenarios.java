package dev.goferry.gomod.route;

import static dev.goferry.gomod.route.Observation.failed;
import static dev.goferry.gomod.route.Observation.ok;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route-observation table: each case is a GOPROXY/GOPRIVATE/GOSUMDB/proxy-variable
 * configuration, and its expectation is written by hand from go-network-semantics.md §1.2 and
 * §2.2–2.4. Where the real go disagreed with the reference, the real go won and a comment says so.
 */
final class RouteScenarios {

    private RouteScenarios() {}

    private static final String M = "example.com/m@v1.0.0";
    private static final String SUMDB_DIRECT_REFUSED =
            "example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: "
                    + "Get \"https://sum.golang.test/lookup/example.com/m@v1.0.0\": "
                    + "dial tcp 127.0.0.1:443: connect: connection refused";

    /** {@return the request path of {@code example.com/m@v1.0.0}'s {@code ext} file at proxy {@code prefix}} */
    private static String m(String prefix, String ext) {
        return "/" + prefix + "/example.com/m/@v/v1.0.0." + ext;
    }

    /** {@return info, mod and zip of {@code example.com/m@v1.0.0}, each tried at every prefix in turn} */
    private static String[] eachFileThrough(String... prefixes) {
        List<String> out = new java.util.ArrayList<>();
        for (String ext : List.of("info", "mod", "zip")) {
            for (String p : prefixes) {
                out.add(m(p, ext));
            }
        }
        return out.toArray(String[]::new);
    }

    private static String reading(String prefix, int status, String reason) {
        return "example.com/m@v1.0.0: reading {P}/" + prefix + "/example.com/m/@v/v1.0.0.info: " + status + " "
                + reason + "\n\tserver response: scripted " + status;
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Scenario download(String name, String module, Map<String, String> env, Observation expected) {
        return new Scenario(name, env, Map.of(), List.of("mod", "download", "-json", module), module, expected,
                Optional.empty());
    }

    private static Scenario go(String name, String module, Map<String, String> env, Observation expected,
                               String... args) {
        return new Scenario(name, env, Map.of(), List.of(args), module, expected, Optional.empty());
    }

    static List<Scenario> all() {
        return List.of(
                // §2.2: a comma entry falls through only on 404/410; each file is tried through the list anew.
                download("comma 404 falls through", M, env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", "off"),
                        ok(eachFileThrough("404", "ok"))),
                download("comma 410 falls through", M, env("GOPROXY", "{P}/410,{P}/ok", "GOSUMDB", "off"),
                        ok(eachFileThrough("410", "ok"))),
                download("comma 403 stops", M, env("GOPROXY", "{P}/403,{P}/ok", "GOSUMDB", "off"),
                        failed(reading("403", 403, "Forbidden"), m("403", "info"))),
                download("pipe 403 falls through", M, env("GOPROXY", "{P}/403|{P}/ok", "GOSUMDB", "off"),
                        ok(eachFileThrough("403", "ok"))),
                download("comma 500 stops", M, env("GOPROXY", "{P}/500,{P}/ok", "GOSUMDB", "off"),
                        failed(reading("500", 500, "Internal Server Error"), m("500", "info"))),
                download("pipe 500 falls through", M, env("GOPROXY", "{P}/500|{P}/ok", "GOSUMDB", "off"),
                        ok(eachFileThrough("500", "ok"))),
                download("comma refused stops", M,
                        env("GOPROXY", "http://127.0.0.1:{REFUSED},{P}/ok", "GOSUMDB", "off"),
                        failed("example.com/m@v1.0.0: Get \"http://127.0.0.1:{REFUSED}/example.com/m/@v/v1.0.0.info\": "
                                + "dial tcp 127.0.0.1:{REFUSED}: connect: connection refused")),
                download("pipe refused falls through", M,
                        env("GOPROXY", "http://127.0.0.1:{REFUSED}|{P}/ok", "GOSUMDB", "off"),
                        ok(eachFileThrough("ok"))),
                // §2.2: the latest not-exist error is the one reported.
                download("404 then 410 reports the 410", M, env("GOPROXY", "{P}/404,{P}/410", "GOSUMDB", "off"),
                        failed(reading("410", 410, "Gone"), m("404", "info"), m("410", "info"))),
                // §2.2: a non-not-exist error outranks a later 404.
                download("pipe 500 then 404 reports the 500", M,
                        env("GOPROXY", "{P}/500|{P}/404", "GOSUMDB", "off"),
                        failed(reading("500", 500, "Internal Server Error"), m("500", "info"), m("404", "info"))),
                // §2.2 parsing: entries are trimmed, empty ones skipped, and the separator after an
                // entry decides its fallback: "500 |," still falls through on the 500.
                download("spaces and empty entries", M, env("GOPROXY", " {P}/500 |, ,{P}/ok ", "GOSUMDB", "off"),
                        ok(eachFileThrough("500", "ok"))),
                download("a list of separators has no entries", M, env("GOPROXY", ",|", "GOSUMDB", "off"),
                        failed("example.com/m@v1.0.0: GOPROXY list is not the empty string, but contains no entries")),
                // §2.1: an empty GOPROXY line in the user go/env file. Go 1.19 treats the empty value as
                // unset and uses its compiled-in default; Go 1.21+ lets it mask GOROOT/go.env, and the
                // empty list fails (golang/go#62485).
                new Scenario("empty goproxy in the go/env file", env("GOENV", "{GOENV_EMPTY_GOPROXY}", "GOSUMDB", "off"),
                        Map.of("proxy.golang.org", "127.0.0.1"), List.of("mod", "download", "-json", M), M,
                        failed("example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": "
                                + "dial tcp 127.0.0.1:443: connect: connection refused"), Optional.empty())
                        .since121(failed("example.com/m@v1.0.0: GOPROXY list is not the empty string, "
                                + "but contains no entries")),
                download("off", M, env("GOPROXY", "off", "GOSUMDB", "off"),
                        failed("example.com/m@v1.0.0: module lookup disabled by GOPROXY=off")),
                // errProxyOff is a not-exist error too and comes last, so it is the one reported.
                download("404 then off reports off", M, env("GOPROXY", "{P}/404,off", "GOSUMDB", "off"),
                        failed("example.com/m@v1.0.0: module lookup disabled by GOPROXY=off", m("404", "info"))),
                // §2.2: direct after a 404 goes to the VCS: ?go-get=1 on https, loopback 443, refused.
                download("404 then direct", "direct.test/m@v1.0.0",
                        env("GOPROXY", "{P}/404,direct", "GOSUMDB", "off"),
                        failed(directRefused("direct.test/m"), "/404/direct.test/m/@v/v1.0.0.info")),
                // §2.2: direct stops parsing; the proxy after it is never asked.
                download("direct stops the list", "direct.test/m@v1.0.0",
                        env("GOPROXY", "direct,{P}/ok", "GOSUMDB", "off"),
                        failed(directRefused("direct.test/m"))),
                // file:// entries are read from disk: nothing reaches the server.
                download("file proxy serves", M, env("GOPROXY", "file://{FILE},{P}/ok", "GOSUMDB", "off"),
                        ok()),
                // a missing file is a synthetic 404, so a comma falls through to the next proxy.
                download("file proxy missing falls through", "example.com/m@v1.1.0",
                        env("GOPROXY", "file://{FILE},{P}/ok", "GOSUMDB", "off"),
                        ok("/ok/example.com/m/@v/v1.1.0.info", "/ok/example.com/m/@v/v1.1.0.mod",
                                "/ok/example.com/m/@v/v1.1.0.zip")),
                // §2.2: upper-case letters are case-encoded as '!' + lower case. Not in the reference: on the
                // wire (and in go's error texts) the '!' is percent-encoded too, by net/url: %21m.
                download("case-escaped path", "example.com/M@v1.0.0",
                        env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", "off"),
                        ok("/404/example.com/%21m/@v/v1.0.0.info", "/ok/example.com/%21m/@v/v1.0.0.info",
                                "/404/example.com/%21m/@v/v1.0.0.mod", "/ok/example.com/%21m/@v/v1.0.0.mod",
                                "/404/example.com/%21m/@v/v1.0.0.zip", "/ok/example.com/%21m/@v/v1.0.0.zip")),
                // The error text names the percent-encoded URL as well.
                download("case-escaped path not found", "example.com/M@v1.1.0",
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "off"),
                        failed("example.com/M@v1.1.0: reading {P}/ok/example.com/%21m/@v/v1.1.0.info: 404 Not Found"
                                        + "\n\tserver response: not found: example.com/!m/@v/v1.1.0.info",
                                "/ok/example.com/%21m/@v/v1.1.0.info")),
                // §2.3: GOPRIVATE forces direct although GOPROXY has no direct entry...
                download("goprivate forces direct", "private.test/m@v1.0.0",
                        env("GOPROXY", "{P}/ok", "GOPRIVATE", "private.test"),
                        failed(directRefused("private.test/m"))),
                // ...and even with GOPROXY=off, because the implicit noproxy entry comes first.
                download("goprivate with off still goes direct", "private.test/m@v1.0.0",
                        env("GOPROXY", "off", "GOPRIVATE", "private.test"),
                        failed(directRefused("private.test/m"))),
                // §2.3: no whitespace trimming in pattern lists: " example.com" matches nothing, so the
                // module the user meant to keep private goes through the proxy.
                download("goprivate with a space does not match", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "off", "GOPRIVATE", "foo.test, example.com"),
                        ok(eachFileThrough("ok"))),
                // §2.3: GONOPROXY=none lets a private module through the proxy; GONOSUMDB still
                // defaults to GOPRIVATE, so the default GOSUMDB (sum.golang.org) is never asked.
                download("gonoproxy none uses the proxy", "private.test/m@v1.0.0",
                        env("GOPROXY", "{P}/ok", "GOPRIVATE", "private.test", "GONOPROXY", "none"),
                        ok("/ok/private.test/m/@v/v1.0.0.info", "/ok/private.test/m/@v/v1.0.0.mod",
                                "/ok/private.test/m/@v/v1.0.0.zip")),
                // §2.4: the proxy offers the sumdb: lookups go to <proxy>/sumdb/<name>/lookup, never direct.
                download("sumdb through a proxy that supports it", M,
                        env("GOPROXY", "{P}/sumdb", "GOSUMDB", "{SUMDB_KEY}"),
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: reading "
                                        + "{P}/sumdb/sumdb/sum.golang.test/lookup/example.com/m@v1.0.0: 404 Not Found"
                                        + "\n\tserver response: sumdb scripted 404",
                                m("sumdb", "info"), m("sumdb", "mod"), "/sumdb/sumdb/sum.golang.test/supported",
                                "/sumdb/sumdb/sum.golang.test/lookup/example.com/m@v1.0.0")),
                // §2.4: the supported probe walks the GOPROXY list like any other request.
                download("sumdb probe falls through a 404 proxy", M,
                        env("GOPROXY", "{P}/404,{P}/sumdb", "GOSUMDB", "{SUMDB_KEY}"),
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: reading "
                                        + "{P}/sumdb/sumdb/sum.golang.test/lookup/example.com/m@v1.0.0: 404 Not Found"
                                        + "\n\tserver response: sumdb scripted 404",
                                m("404", "info"), m("sumdb", "info"), m("404", "mod"), m("sumdb", "mod"),
                                "/404/sumdb/sum.golang.test/supported", "/sumdb/sumdb/sum.golang.test/supported",
                                "/sumdb/sumdb/sum.golang.test/lookup/example.com/m@v1.0.0")),
                // §2.4: supported 404 → the sumdb is reached directly at https://<name>.
                download("sumdb direct when the proxy does not support it", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "{SUMDB_KEY}"),
                        failed(SUMDB_DIRECT_REFUSED, m("ok", "info"), m("ok", "mod"),
                                "/ok/sumdb/sum.golang.test/supported")),
                // §2.4: a 503 on the probe is the sumdb error; no direct fallback.
                download("sumdb probe 503 fails", M, env("GOPROXY", "{P}/sumdb503", "GOSUMDB", "{SUMDB_KEY}"),
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: reading "
                                        + "{P}/sumdb503/sumdb/sum.golang.test/supported: 503 Service Unavailable"
                                        + "\n\tserver response: sumdb scripted 503",
                                m("sumdb503", "info"), m("sumdb503", "mod"), "/sumdb503/sumdb/sum.golang.test/supported")),
                // §2.4: the probe asks every proxy in the list; when all say 404, the sumdb is reached directly.
                download("sumdb probe walks the list then goes direct", M,
                        env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", "{SUMDB_KEY}"),
                        failed(SUMDB_DIRECT_REFUSED, m("404", "info"), m("ok", "info"), m("404", "mod"), m("ok", "mod"),
                                "/404/sumdb/sum.golang.test/supported", "/ok/sumdb/sum.golang.test/supported")),
                // §2.4: a file:// proxy is probed on disk (missing file = 404), then direct ends the probe
                // with not-exist: straight to https://<name>. Nothing reaches the server.
                download("sumdb direct after a file proxy and direct", M,
                        env("GOPROXY", "file://{FILE},direct", "GOSUMDB", "{SUMDB_KEY}"),
                        failed(SUMDB_DIRECT_REFUSED)),
                // §2.3: a non-empty GONOSUMDB replaces GOPRIVATE for the sumdb decision (no merging):
                // example.com is private for the proxy decision but still checked in the sumdb.
                download("gonosumdb replaces goprivate", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "{SUMDB_KEY}", "GOPRIVATE", "example.com",
                                "GONOPROXY", "none", "GONOSUMDB", "other.test"),
                        failed(SUMDB_DIRECT_REFUSED, m("ok", "info"), m("ok", "mod"),
                                "/ok/sumdb/sum.golang.test/supported")),
                // §2.4: a GOSUMDB with an explicit URL bypasses the proxies: no supported probe.
                download("gosumdb with a url skips the probe", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "{SUMDB_KEY} {P}/404"),
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: reading "
                                        + "{P}/404/lookup/example.com/m@v1.0.0: 404 Not Found"
                                        + "\n\tserver response: scripted 404",
                                m("ok", "info"), m("ok", "mod"), "/404/lookup/example.com/m@v1.0.0")),
                // §2.4: sum.golang.google.cn is the one alias: name sum.golang.org, explicit URL, so the
                // proxy is not probed and the lookup goes straight to https://sum.golang.google.cn.
                new Scenario("gosumdb sum.golang.google.cn goes straight to its url",
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "sum.golang.google.cn"),
                        Map.of("sum.golang.google.cn", "127.0.0.1"), List.of("mod", "download", "-json", M), M,
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: "
                                        + "Get \"https://sum.golang.google.cn/lookup/example.com/m@v1.0.0\": "
                                        + "dial tcp 127.0.0.1:443: connect: connection refused",
                                m("ok", "info"), m("ok", "mod")), Optional.empty()),
                // §2.1/§2.4: the default GOSUMDB is sum.golang.org, probed through the proxy first.
                new Scenario("default gosumdb is sum.golang.org", env("GOPROXY", "{P}/ok"),
                        Map.of("sum.golang.org", "127.0.0.1"), List.of("mod", "download", "-json", M), M,
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: "
                                        + "Get \"https://sum.golang.org/lookup/example.com/m@v1.0.0\": "
                                        + "dial tcp 127.0.0.1:443: connect: connection refused",
                                m("ok", "info"), m("ok", "mod"), "/ok/sumdb/sum.golang.org/supported"),
                        Optional.empty()),
                // §2.1: without GOPROXY the default https://proxy.golang.org,direct applies (compiled in
                // for 1.19, from GOROOT/go.env for 1.24); a dial error there stops at the comma.
                new Scenario("default goproxy is proxy.golang.org", env("GOSUMDB", "off"),
                        Map.of("proxy.golang.org", "127.0.0.1"), List.of("mod", "download", "-json", M), M,
                        failed("example.com/m@v1.0.0: Get \"https://proxy.golang.org/example.com/m/@v/v1.0.0.info\": "
                                + "dial tcp 127.0.0.1:443: connect: connection refused"), Optional.empty()),
                download("gonosumdb skips the sumdb", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "{SUMDB_KEY}", "GONOSUMDB", "example.com"),
                        ok(eachFileThrough("ok"))),
                // §2.5: GOINSECURE lets go-get discovery fall back to http. Both attempts are refused
                // (443, then 80); the text says "http/https fetch" but names only the http URL.
                download("goinsecure private module tries https then http", "private.test/m@v1.0.0",
                        env("GOPROXY", "{P}/ok", "GOPRIVATE", "private.test", "GOINSECURE", "private.test"),
                        failed("private.test/m@v1.0.0: unrecognized import path \"private.test/m\": http/https fetch: "
                                + "Get \"http://private.test/m?go-get=1\": dial tcp 127.0.0.1:80: connect: connection refused")),
                // §2.5: GOVCS is checked after discovery: the go-import tag names git, GOVCS allows only hg.
                download("govcs denies git for a private module", "vcs.test/git@v1.0.0",
                        env("GOPROXY", "{P}/ok", "GOPRIVATE", "vcs.test", "GOINSECURE", "vcs.test",
                                "GOVCS", "private:hg"),
                        failed("vcs.test/git@v1.0.0: unrecognized import path \"vcs.test/git\": "
                                + "GOVCS disallows using git for private vcs.test/git; see 'go help vcs'",
                                "http://vcs.test/git?go-get=1")),
                // §2.5: the default GOVCS (public:git|hg) refuses svn for a public module.
                download("default govcs denies svn for a public module", "vcs.test/svn@v1.0.0",
                        env("GOPROXY", "direct", "GOSUMDB", "off", "GOINSECURE", "vcs.test"),
                        failed("vcs.test/svn@v1.0.0: unrecognized import path \"vcs.test/svn\": "
                                + "GOVCS disallows using svn for public vcs.test/svn; see 'go help vcs'",
                                "http://vcs.test/svn?go-get=1")),
                // §2.5: private:all (the default) lets git run; git (Debian 12's, smart then dumb http)
                // asks the repository named by the go-import tag, whatever GOPROXY says.
                download("private module goes to git", "vcs.test/git@v1.0.0",
                        env("GOPROXY", "{P}/ok", "GOPRIVATE", "vcs.test", "GOINSECURE", "vcs.test"),
                        failed("vcs.test/git@v1.0.0: invalid version: git ls-remote -q origin in {SCRATCH}/gopath/pkg/mod/"
                                        + "cache/vcs/{HASH}: "
                                        + "exit status 128:\n\tremote: no such prefix: /git.git/info/refs\n"
                                        + "\tfatal: repository 'http://vcs.test/git.git/' not found",
                                "http://vcs.test/git?go-get=1",
                                "http://vcs.test/git.git/info/refs?service=git-upload-pack",
                                "http://vcs.test/git.git")),
                // §1.2: an http:// GOPROXY URL goes through HTTP_PROXY as absolute-URI GETs.
                download("http_proxy carries an http goproxy", M,
                        env("GOPROXY", "http://proxy.test:{PORT}/ok", "GOSUMDB", "off", "HTTP_PROXY", "{FWD}"),
                        ok(eachFileThrough("ok")).via(
                                "GET http://proxy.test:{PORT}" + m("ok", "info"),
                                "GET http://proxy.test:{PORT}" + m("ok", "mod"),
                                "GET http://proxy.test:{PORT}" + m("ok", "zip"))),
                download("no_proxy bypasses the http proxy", M,
                        env("GOPROXY", "http://proxy.test:{PORT}/ok", "GOSUMDB", "off", "HTTP_PROXY", "{FWD}",
                                "NO_PROXY", "proxy.test"),
                        ok(eachFileThrough("ok"))),
                // §1.2: REQUEST_METHOD set (CGI) makes an http URL with HTTP_PROXY fail outright.
                download("cgi refuses http_proxy", M,
                        env("GOPROXY", "http://proxy.test:{PORT}/ok", "GOSUMDB", "off", "HTTP_PROXY", "{FWD}",
                                "REQUEST_METHOD", "GET"),
                        failed("example.com/m@v1.0.0: Get \"http://proxy.test:{PORT}/ok/example.com/m/@v/v1.0.0.info\": "
                                + "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy")),
                // §1.3: loopback IP literals are never proxied.
                download("loopback goproxy is never proxied", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "off", "HTTP_PROXY", "{FWD}", "NO_PROXY", ""),
                        ok(eachFileThrough("ok"))),
                // §1.5: an https URL through HTTPS_PROXY is a CONNECT; a non-200 reply is its status text.
                download("https_proxy connect refused", M,
                        env("GOPROXY", "https://secure.test/ok", "GOSUMDB", "off", "HTTPS_PROXY", "{FWD}"),
                        failed("example.com/m@v1.0.0: Get \"https://secure.test/ok/example.com/m/@v/v1.0.0.info\": Forbidden")
                                .via("CONNECT secure.test:443")),
                // §1.1: the lower-case variable is read when the upper-case one is unset...
                download("lower-case https_proxy is used", M,
                        env("GOPROXY", "https://secure.test/ok", "GOSUMDB", "off", "https_proxy", "{FWD}"),
                        failed("example.com/m@v1.0.0: Get \"https://secure.test/ok/example.com/m/@v/v1.0.0.info\": Forbidden")
                                .via("CONNECT secure.test:443")),
                // ...but a non-empty upper-case one wins: here it names a refused port.
                download("upper-case https_proxy wins", M,
                        env("GOPROXY", "https://secure.test/ok", "GOSUMDB", "off", "https_proxy", "{FWD}",
                                "HTTPS_PROXY", "http://127.0.0.1:{REFUSED}"),
                        failed("example.com/m@v1.0.0: Get \"https://secure.test/ok/example.com/m/@v/v1.0.0.info\": "
                                + "proxyconnect tcp: dial tcp 127.0.0.1:{REFUSED}: connect: connection refused")),
                // §1.2: HTTP_PROXY is never used for https URLs.
                download("http_proxy ignored for https", M,
                        env("GOPROXY", "https://secure.test/ok", "GOSUMDB", "off", "HTTP_PROXY", "{FWD}"),
                        failed("example.com/m@v1.0.0: Get \"https://secure.test/ok/example.com/m/@v/v1.0.0.info\": "
                                + "dial tcp 127.0.0.1:443: connect: connection refused")),
                // §2.4 + §1.2: the direct sumdb connection goes through HTTPS_PROXY.
                download("direct sumdb through https_proxy", M,
                        env("GOPROXY", "{P}/ok", "GOSUMDB", "{SUMDB_KEY}", "HTTPS_PROXY", "{FWD}"),
                        failed("example.com/m@v1.0.0: verifying go.mod: example.com/m@v1.0.0/go.mod: "
                                        + "Get \"https://sum.golang.test/lookup/example.com/m@v1.0.0\": Forbidden",
                                m("ok", "info"), m("ok", "mod"), "/ok/sumdb/sum.golang.test/supported")
                                .via("CONNECT sum.golang.test:443")),
                // Not in the reference: -versions also reads the latest version's .info and .mod (to hide
                // retracted versions). The query's .info comes from the proxy that answered the list (the
                // query runs inside one TryProxies step); the .mod is a new download that walks the list.
                go("list versions through a 404", "example.com/m",
                        env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", "off"),
                        ok("/404/example.com/m/@v/list", "/ok/example.com/m/@v/list",
                                "/ok/example.com/m/@v/v1.1.0.info",
                                "/404/example.com/m/@v/v1.1.0.mod", "/ok/example.com/m/@v/v1.1.0.mod"),
                        "list", "-m", "-versions", "example.com/m"),
                // @latest: the list decides the version and the same proxy answers its .info; .mod and
                // .zip walk the list again. @latest itself is asked only when the list is empty.
                download("latest through a 404", "example.com/m@latest",
                        env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", "off"),
                        ok("/404/example.com/m/@v/list", "/ok/example.com/m/@v/list",
                                "/ok/example.com/m/@v/v1.1.0.info",
                                "/404/example.com/m/@v/v1.1.0.mod", "/ok/example.com/m/@v/v1.1.0.mod",
                                "/404/example.com/m/@v/v1.1.0.zip", "/ok/example.com/m/@v/v1.1.0.zip")),
                // §2.2: with an empty list (only a pseudo-version exists) go asks @latest. Not in the
                // reference: @latest goes only to the proxy whose list answered (the query is one
                // TryProxies step), not through the list again; .mod and .zip walk the list.
                download("latest of a pseudo-version-only module", "example.com/pseudo@latest",
                        env("GOPROXY", "{P}/404,{P}/ok", "GOSUMDB", "off"),
                        ok("/404/example.com/pseudo/@v/list", "/ok/example.com/pseudo/@v/list",
                                "/ok/example.com/pseudo/@latest",
                                "/404/example.com/pseudo/@v/v0.0.0-20240101000000-abcdefabcdef.mod",
                                "/ok/example.com/pseudo/@v/v0.0.0-20240101000000-abcdefabcdef.mod",
                                "/404/example.com/pseudo/@v/v0.0.0-20240101000000-abcdefabcdef.zip",
                                "/ok/example.com/pseudo/@v/v0.0.0-20240101000000-abcdefabcdef.zip")));
    }

    private static String directRefused(String path) {
        return path + "@v1.0.0: unrecognized import path \"" + path + "\": https fetch: Get \"https://" + path
                + "?go-get=1\": dial tcp 127.0.0.1:443: connect: connection refused";
    }
}
