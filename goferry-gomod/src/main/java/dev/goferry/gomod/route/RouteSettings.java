package dev.goferry.gomod.route;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.GoVcsRules;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import java.util.Map;

/**
 * The settings a route depends on, parsed: everything else about the environment is irrelevant
 * to which requests Go makes.
 *
 * @param proxies GOPROXY (with the implicit {@code noproxy} entry when GONOPROXY is set)
 * @param goprivate GOPRIVATE, used by GOVCS
 * @param gonoproxy the effective GONOPROXY (GOPRIVATE when unset)
 * @param gonosumdb the effective GONOSUMDB (GOPRIVATE when unset)
 * @param goinsecure GOINSECURE
 * @param sumdb GOSUMDB
 * @param vcs GOVCS with its defaults, and GOPRIVATE
 * @param httpProxies HTTP_PROXY, HTTPS_PROXY and NO_PROXY as this Go release reads them
 */
public record RouteSettings(ProxyList proxies, String goprivate, String gonoproxy, String gonosumdb,
                            String goinsecure, SumDbSetting sumdb, VcsPolicy vcs, ProxyEnvironment httpProxies) {

    /** {@return the route settings of a process with environment {@code env} and Go settings {@code settings}} */
    public static RouteSettings of(GoSettings settings, Map<String, String> env, GoOs os) {
        String goprivate = settings.value("GOPRIVATE");
        return new RouteSettings(
                ProxyList.parse(settings.value("GOPROXY"), settings.value("GONOPROXY"), os == GoOs.WINDOWS),
                goprivate,
                settings.value("GONOPROXY"),
                settings.value("GONOSUMDB"),
                settings.value("GOINSECURE"),
                SumDbSetting.parse(settings.value("GOSUMDB")),
                new VcsPolicy(GoVcsRules.parse(settings.value("GOVCS")), goprivate),
                ProxyEnvironment.from(env, ProxyRules.forGoVersion(settings.go().version())));
    }
}
