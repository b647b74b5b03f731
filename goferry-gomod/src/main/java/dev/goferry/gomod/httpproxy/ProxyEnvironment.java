package dev.goferry.gomod.httpproxy;

import dev.goferry.gomod.gostd.GoStrings;
import dev.goferry.gomod.gostd.GoUrl;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The proxy configuration a Go program reads from its environment, and the decision
 * {@code http.ProxyFromEnvironment} makes for each request URL: a port of
 * {@code golang.org/x/net/http/httpproxy} as vendored into the Go release {@link #rules()} stands for.
 *
 * <p>Go reads the environment once per process, so this is a snapshot too. The variables are
 * HTTP_PROXY, HTTPS_PROXY and NO_PROXY, the upper-case name winning unless it is empty, and
 * REQUEST_METHOD, whose presence marks a CGI process. ALL_PROXY does not exist for Go.
 *
 * @param httpProxy the value for http:// requests, if one is set
 * @param httpsProxy the value for https:// requests, if one is set
 * @param noProxy the NO_PROXY value and its variable, if set
 * @param noProxyList the parsed NO_PROXY list (empty if unset)
 * @param cgi REQUEST_METHOD's value when set and non-empty
 * @param environment the proxy-related variables that were set, including ones Go ignores
 *     (ALL_PROXY) and the case variants that lost, for {@link ProxyWarnings}
 * @param rules the Go release's behaviour
 */
public record ProxyEnvironment(Optional<ProxySetting> httpProxy, Optional<ProxySetting> httpsProxy,
                               Optional<Map.Entry<ProxyVariable, String>> noProxy, NoProxyList noProxyList,
                               Optional<String> cgi, Map<String, String> environment, ProxyRules rules) {

    public ProxyEnvironment {
        Objects.requireNonNull(httpProxy);
        Objects.requireNonNull(httpsProxy);
        Objects.requireNonNull(noProxy);
        Objects.requireNonNull(noProxyList);
        Objects.requireNonNull(cgi);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(rules);
    }

    /** {@return what a Go program of release {@code rules} reads from {@code env}} */
    public static ProxyEnvironment from(Map<String, String> env, ProxyRules rules) {
        Optional<ProxySetting> http = getEnvAny(env, ProxyVariable.HTTP_PROXY, ProxyVariable.http_proxy)
                .map(e -> ProxySetting.parse(e.getKey(), e.getValue(), rules));
        Optional<ProxySetting> https = getEnvAny(env, ProxyVariable.HTTPS_PROXY, ProxyVariable.https_proxy)
                .map(e -> ProxySetting.parse(e.getKey(), e.getValue(), rules));
        Optional<Map.Entry<ProxyVariable, String>> noProxy =
                getEnvAny(env, ProxyVariable.NO_PROXY, ProxyVariable.no_proxy);
        NoProxyList list = NoProxyList.parse(noProxy.map(Map.Entry::getValue).orElse(""), rules);
        Optional<String> cgi = Optional.ofNullable(env.get("REQUEST_METHOD")).filter(v -> !v.isEmpty());
        Map<String, String> relevant = new java.util.TreeMap<>();
        for (String name : RELEVANT) {
            String value = env.get(name);
            if (value != null) {
                relevant.put(name, value);
            }
        }
        return new ProxyEnvironment(http, https, noProxy, list, cgi, relevant, rules);
    }

    private static final List<String> RELEVANT = List.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "REQUEST_METHOD");

    /** {@return what a Go program of release {@code goVersion} (e.g. {@code go1.19.8}) reads from {@code env}} */
    public static ProxyEnvironment from(Map<String, String> env, String goVersion) {
        return from(env, ProxyRules.forGoVersion(goVersion));
    }

    /** Go's getEnvAny: the first variable whose value is non-empty. */
    private static Optional<Map.Entry<ProxyVariable, String>> getEnvAny(Map<String, String> env,
                                                                      ProxyVariable... names) {
        for (ProxyVariable name : names) {
            String value = env.get(name.name());
            if (value != null && !value.isEmpty()) {
                return Optional.of(Map.entry(name, value));
            }
        }
        return Optional.empty();
    }

    /** {@return the decision for {@code url}, read as Go's {@code url.Parse} reads its text} */
    public ProxyDecision decide(URI url) {
        return decide(url.toString());
    }

    /** {@return the decision for the URL {@code url}, parsed as Go's {@code url.Parse} does} */
    public ProxyDecision decide(String url) {
        try {
            return decide(GoUrl.parse(url));
        } catch (GoUrl.ParseException e) {
            return new ProxyDecision.Direct(ProxyDecision.DirectReason.UNPARSABLE, Optional.of(e.getMessage()));
        }
    }

    /** {@return the decision for {@code url}: Go's {@code proxyForURL}} */
    public ProxyDecision decide(GoUrl url) {
        Optional<ProxySetting> setting;
        if (url.scheme().equals("https")) {
            setting = httpsProxy;
        } else if (url.scheme().equals("http")) {
            setting = httpProxy;
            if (setting.flatMap(ProxySetting::used).isPresent() && cgi.isPresent()) {
                return new ProxyDecision.Error(ProxyDecision.Error.CGI);
            }
        } else {
            return ProxyDecision.Direct.because(ProxyDecision.DirectReason.NOT_HTTP_SCHEME);
        }
        Optional<GoUrl> proxy = setting.flatMap(ProxySetting::used);
        if (proxy.isEmpty()) {
            // set but unusable: the detail is the error Go swallowed
            return new ProxyDecision.Direct(ProxyDecision.DirectReason.NO_PROXY_VARIABLE,
                    setting.flatMap(ProxySetting::error));
        }
        // canonicalAddr, then useProxy's SplitHostPort of it
        String hostname = NoProxyList.toAscii(url.hostname()).orElse(url.hostname());
        String port = url.port().isEmpty() ? (url.scheme().equals("https") ? "443" : "80") : url.port();
        String addr = HostPort.join(hostname, port);
        Optional<String[]> split = HostPort.split(addr);
        if (split.isEmpty()) {
            return new ProxyDecision.Direct(ProxyDecision.DirectReason.UNPARSABLE, HostPort.error(addr));
        }
        String host = split.get()[0];
        if (host.equals("localhost")) {
            return ProxyDecision.Direct.because(ProxyDecision.DirectReason.LOCALHOST);
        }
        Optional<IpLiteral> ip = rules.domainRulesSkipIps()
                ? IpLiteral.parse(host, true, true)
                : IpLiteral.parse(host, rules.strictIpLiterals());
        if (ip.isPresent() && ip.get().isLoopback()) {
            return ProxyDecision.Direct.because(ProxyDecision.DirectReason.LOOPBACK);
        }
        Optional<NoProxyRule> rule = noProxyList.match(Idna.toLower(GoStrings.trimSpace(host)), split.get()[1], ip, rules);
        if (rule.isPresent()) {
            return new ProxyDecision.Direct(ProxyDecision.DirectReason.NO_PROXY_RULE, Optional.of(rule.get().entry()));
        }
        return new ProxyDecision.Proxy(proxy.get(), setting.get().variable());
    }

    /** {@return what goferry thinks the user should know about this configuration} */
    public List<ProxyWarning> warnings() {
        return ProxyWarnings.of(this);
    }
}
