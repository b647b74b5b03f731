package dev.goferry.gomod.env;

import dev.goferry.gomod.goproxy.ProxyEntry;
import dev.goferry.gomod.goproxy.ProxyList;
import dev.goferry.gomod.module.PrefixPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings with everything goferry concludes from them: the parsed GOPROXY list, the
 * warnings, and the errors the go command would stop with. Filled in completely even when
 * settings are malformed, so a caller can print all of it.
 */
public record EnvReport(GoSettings settings, ProxyList proxyList, List<EnvFinding.Warning> warnings,
                        List<EnvFinding.Error> errors) {

    public EnvReport {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** Module paths standing for "public modules" when judging patterns that bypass the checksum database. */
    static final List<String> PUBLIC_PATHS = List.of("github.com/user/repo", "golang.org/x/net", "gopkg.in/yaml.v3",
            "google.golang.org/protobuf", "go.uber.org/zap", "gitlab.com/group/project", "bitbucket.org/user/repo");

    /** Analyses settings. */
    public static EnvReport of(GoSettings s, GoOs os) {
        List<EnvFinding.Warning> warnings = new ArrayList<>();
        List<EnvFinding.Error> errors = new ArrayList<>();
        GoInstallation go = s.go();

        ProxyList list = ProxyList.parse(s.value("GOPROXY"), s.value("GONOPROXY"), os == GoOs.WINDOWS);
        list.error().ifPresent(e -> errors.add(new EnvFinding.Error("GOPROXY", e, "env.error.goproxy")));
        List<ProxyEntry> entries = list.entries();
        if (list.valid()) {
            if (entries.stream().anyMatch(e -> e instanceof ProxyEntry.Off)) {
                warnings.add(new EnvFinding.Warning("goproxy-off", "GOPROXY", List.of()));
            } else if (entries.stream().noneMatch(e -> e instanceof ProxyEntry.Direct)) {
                warnings.add(new EnvFinding.Warning("no-direct", "GOPROXY", List.of(s.value("GOPROXY"))));
            }
            for (int i = 0; i < entries.size() - 1; i++) {
                if (entries.get(i) instanceof ProxyEntry.ProxyUrl p && !p.fallBackOnError()
                        && entries.get(i + 1) instanceof ProxyEntry.ProxyUrl next) {
                    warnings.add(new EnvFinding.Warning("comma-fallback", "GOPROXY", List.of(p.url(), next.url())));
                }
            }
        }

        SumDbSetting sumdb = SumDbSetting.parse(s.value("GOSUMDB"));
        switch (sumdb) {
            case SumDbSetting.Off off -> warnings.add(new EnvFinding.Warning("gosumdb-off", "GOSUMDB", List.of()));
            case SumDbSetting.Invalid invalid -> {
                List<String> fields = dev.goferry.gomod.gostd.GoStrings.fields(s.value("GOSUMDB"));
                boolean bareName = fields.size() <= 2 && !fields.isEmpty() && !fields.get(0).contains("+")
                        && invalid.goError().endsWith(dev.goferry.gomod.sumdb.note.Keys.MALFORMED_VERIFIER_ID);
                if (bareName) {
                    warnings.add(new EnvFinding.Warning("sumdb-name-without-key", "GOSUMDB", List.of(fields.get(0))));
                }
                errors.add(new EnvFinding.Error("GOSUMDB", invalid.goError(), "env.error.gosumdb"));
            }
            case SumDbSetting.Database db -> { }
        }
        if (list.valid() && list.entries().stream().anyMatch(e -> e instanceof ProxyEntry.ProxyUrl)) {
            publicMatch(s.value("GONOPROXY")).ifPresent(path -> warnings.add(new EnvFinding.Warning(
                    "noproxy-public", sourceKey(s, "GONOPROXY"), List.of(s.value("GONOPROXY"), path))));
        }
        if (!(sumdb instanceof SumDbSetting.Off)) {
            publicMatch(s.value("GONOSUMDB")).ifPresent(path -> warnings.add(new EnvFinding.Warning(
                    "nosumdb-public", sourceKey(s, "GONOSUMDB"), List.of(s.value("GONOSUMDB"), path))));
        }
        publicMatch(s.value("GOINSECURE")).ifPresent(path -> warnings.add(new EnvFinding.Warning(
                "insecure-public", "GOINSECURE", List.of(s.value("GOINSECURE"), path))));
        for (String key : List.of("GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE")) {
            if (s.get(key).source() instanceof SettingSource.Derived) {
                continue;
            }
            for (String entry : s.value(key).split(",", -1)) {
                if (entry.chars().anyMatch(c -> c == '"' || c == '\'' || dev.goferry.gomod.gostd.GoStrings.isSpace(c))) {
                    warnings.add(new EnvFinding.Warning("pattern-space-quote", key, List.of(entry)));
                }
            }
        }

        GoVcsRules.parse(s.value("GOVCS")).error()
                .ifPresent(e -> errors.add(new EnvFinding.Error("GOVCS", e, "env.error.govcs")));
        GoFlags flags = GoFlags.parse(s.value("GOFLAGS"), go);
        flags.error().ifPresent(e -> errors.add(new EnvFinding.Error("GOFLAGS", e, "env.error.goflags")));
        if (flags.insecure()) {
            warnings.add(new EnvFinding.Warning("goflags-insecure", "GOFLAGS", List.of()));
        }
        if (flags.mod().filter(m -> m.equals("vendor")).isPresent()) {
            warnings.add(new EnvFinding.Warning("goflags-mod-vendor", "GOFLAGS", List.of()));
        }
        if (go.atLeast(21)) {
            GoToolchain.parse(s.value("GOTOOLCHAIN")).error()
                    .ifPresent(e -> errors.add(new EnvFinding.Error("GOTOOLCHAIN", e, "env.error.gotoolchain")));
        }
        if (go.atLeast(24)) {
            GoAuth.parse(s.value("GOAUTH"), os).error()
                    .ifPresent(e -> errors.add(new EnvFinding.Error("GOAUTH", e, "env.error.goauth")));
        }
        return new EnvReport(s, list, warnings, errors);
    }

    /** The key the user set: GOPRIVATE when GONOSUMDB/GONOPROXY only inherit it. */
    private static String sourceKey(GoSettings s, String key) {
        return s.get(key).source() instanceof SettingSource.Derived d ? d.fromKey() : key;
    }

    private static Optional<String> publicMatch(String globs) {
        return PUBLIC_PATHS.stream().filter(p -> PrefixPatterns.matches(globs, p)).findFirst();
    }
}
