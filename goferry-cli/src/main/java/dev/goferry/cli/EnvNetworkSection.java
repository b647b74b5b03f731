package dev.goferry.cli;

import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.httpproxy.ProxyEnvironment;
import dev.goferry.gomod.httpproxy.ProxyRules;
import dev.goferry.gomod.httpproxy.ProxySetting;
import dev.goferry.gomod.httpproxy.ProxyWarning;
import dev.goferry.gomod.tlsroots.RootsPlan;
import dev.goferry.gomod.tlsroots.RootsSource;
import dev.goferry.gomod.tlsroots.SystemRoots;
import dev.goferry.gomod.tlsroots.SystemRootsLoader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code goferry env} that is not go/env settings: the HTTP proxy variables as Go's
 * net/http reads them, and the TLS roots Go trusts on Linux, each with goferry's warnings.
 *
 * @param proxies the proxy variables, read with the rules of the Go release in use
 * @param roots the roots, when the OS is Linux (the only one whose root loading goferry models)
 */
record EnvNetworkSection(ProxyEnvironment proxies, Optional<SystemRoots> roots) {

    static EnvNetworkSection of(Map<String, String> env, String goVersion, GoOs os) {
        ProxyEnvironment proxies = ProxyEnvironment.from(env, ProxyRules.forGoVersion(goVersion));
        Optional<SystemRoots> roots = os == GoOs.LINUX
                ? Optional.of(SystemRootsLoader.system().load(RootsPlan.linux(env, goVersion)))
                : Optional.empty();
        return new EnvNetworkSection(proxies, roots);
    }

    List<ProxyWarning> warnings() {
        return proxies.warnings();
    }

    void printText(Console console) {
        PrintWriter out = console.out();
        out.println();
        out.println(console.style(Console.Style.BOLD, console.text("env.heading.http-proxies")));
        printProxy(console, "HTTPS_PROXY", proxies.httpsProxy(), "env.proxy.https-role");
        printProxy(console, "HTTP_PROXY", proxies.httpProxy(), "env.proxy.http-role");
        String noProxy = proxies.noProxy().map(e -> e.getValue()).orElse("");
        out.println(String.format("  %-12s %s", proxies.noProxy().map(e -> e.getKey().name()).orElse("NO_PROXY"),
                noProxy.isEmpty() ? console.text("env.proxy.unset") : noProxy)
                + (noProxy.isEmpty() ? "" : "  " + console.style(Console.Style.DIM,
                        console.text("env.proxy.no-proxy-rules", proxies.noProxyList().rules().size()))));
        roots.ifPresent(r -> printRoots(console, r));
        List<ProxyWarning> warnings = warnings();
        if (!warnings.isEmpty()) {
            out.println();
            out.println(console.style(Console.Style.BOLD, console.text("env.heading.proxy-warnings")));
            for (ProxyWarning w : warnings) {
                out.println("  " + console.style(Console.Style.WARN, "!") + " " + console.text(w.key(), w.arguments().toArray()));
            }
        }
    }

    private void printProxy(Console console, String name, Optional<ProxySetting> setting, String roleKey) {
        PrintWriter out = console.out();
        if (setting.isEmpty()) {
            out.println(String.format("  %-12s %s", name, console.text("env.proxy.unset")) + "  "
                    + console.style(Console.Style.DIM, console.text(roleKey + ".unset")));
            return;
        }
        ProxySetting s = setting.get();
        String used = s.maskedUsed().map(u -> console.text("env.proxy.uses", u)).orElseGet(() -> console.text("env.proxy.unusable"));
        out.println(String.format("  %-12s %s", s.variable().name(), s.maskedValue()) + "  "
                + console.style(Console.Style.DIM, used + "; " + console.text(roleKey)));
    }

    private static void printRoots(Console console, SystemRoots roots) {
        PrintWriter out = console.out();
        out.println();
        out.println(console.style(Console.Style.BOLD, console.text("env.heading.tls-roots", roots.roots().size())));
        RootsPlan plan = roots.plan();
        out.println("  " + console.style(Console.Style.DIM, console.text(
                plan.fileFromEnvironment() ? "env.roots.file-from-env" : "env.roots.file-default")));
        for (RootsSource source : roots.sources()) {
            switch (source) {
                case RootsSource.File f -> {
                    if (f.outcome() != RootsSource.FileOutcome.NOT_TRIED) {
                        out.println("  " + console.text("env.roots.file." + f.outcome().name().toLowerCase(java.util.Locale.ROOT),
                                f.path(), f.reason().orElse("")));
                    }
                }
                case RootsSource.Directory d -> out.println("  " + (d.exists()
                        ? console.text("env.roots.dir", d.path(), d.read().size())
                        : d.reason().map(r -> console.text("env.roots.dir-error", d.path(), r))
                                .orElseGet(() -> console.text("env.roots.dir-missing", d.path()))));
            }
        }
        roots.error().ifPresent(e -> out.println("  " + console.style(Console.Style.FAIL, "x ") + e));
        if (roots.roots().isEmpty()) {
            out.println("  " + console.style(Console.Style.WARN, "! ") + console.text("env.roots.empty"));
        }
    }

    Map<String, Object> json(Console console) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("https", proxyJson(proxies.httpsProxy()));
        doc.put("http", proxyJson(proxies.httpProxy()));
        Map<String, Object> no = new LinkedHashMap<>();
        no.put("variable", proxies.noProxy().map(e -> e.getKey().name()).orElse(null));
        no.put("value", proxies.noProxy().map(e -> e.getValue()).orElse(null));
        no.put("rules", proxies.noProxyList().rules().stream().map(Object::toString).toList());
        no.put("ignored", proxies.noProxyList().ignored());
        doc.put("noProxy", no);
        doc.put("cgi", proxies.cgi().isPresent());
        List<Object> warnings = new ArrayList<>();
        for (ProxyWarning w : warnings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", w.key());
            item.put("message", console.text(w.key(), w.arguments().toArray()));
            warnings.add(item);
        }
        doc.put("warnings", warnings);
        roots.ifPresent(r -> doc.put("tlsRoots", rootsJson(r)));
        return doc;
    }

    private static Map<String, Object> proxyJson(Optional<ProxySetting> setting) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", setting.map(s -> s.variable().name()).orElse(null));
        m.put("value", setting.map(ProxySetting::maskedValue).orElse(null));
        m.put("uses", setting.flatMap(ProxySetting::maskedUsed).orElse(null));
        m.put("error", setting.flatMap(ProxySetting::error).orElse(null));
        return m;
    }

    private static Map<String, Object> rootsJson(SystemRoots roots) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", roots.roots().size());
        m.put("fileFromEnvironment", roots.plan().fileFromEnvironment());
        List<Object> sources = new ArrayList<>();
        for (RootsSource s : roots.sources()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("path", s.path());
            switch (s) {
                case RootsSource.File f -> {
                    item.put("kind", "file");
                    item.put("outcome", f.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    item.put("reason", f.reason().orElse(null));
                }
                case RootsSource.Directory d -> {
                    item.put("kind", "directory");
                    item.put("exists", d.exists());
                    item.put("entriesRead", d.read().size());
                    item.put("skippedSymlinks", d.skippedSymlinks().size());
                }
            }
            sources.add(item);
        }
        m.put("sources", sources);
        m.put("error", roots.error().orElse(null));
        return m;
    }
}
