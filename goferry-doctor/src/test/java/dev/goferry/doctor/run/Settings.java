package dev.goferry.doctor.run;

import dev.goferry.gomod.env.GoVcsRules;
import dev.goferry.gomod.env.SumDbSetting;
import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.route.VcsPolicy;
import java.util.HashMap;
import java.util.Map;

/** Route settings from an environment, with the go command's defaults for what it leaves out. */
final class Settings {

    private Settings() {}

    static RouteSettings of(String... keyValues) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        String goprivate = env.getOrDefault("GOPRIVATE", "");
        String gonoproxy = env.getOrDefault("GONOPROXY", goprivate);
        return new RouteSettings(ProxyList.parse(goproxy(env), gonoproxy, false), goprivate, gonoproxy,
                env.getOrDefault("GONOSUMDB", goprivate), "", SumDbSetting.parse(gosumdb(env)),
                new VcsPolicy(GoVcsRules.parse(""), goprivate), ProxyEnvironment.from(env, "go1.24.4"));
    }

    static String goproxy(Map<String, String> env) {
        return env.getOrDefault("GOPROXY", "https://proxy.golang.org,direct");
    }

    static String gosumdb(Map<String, String> env) {
        return env.getOrDefault("GOSUMDB", "sum.golang.org");
    }
}
