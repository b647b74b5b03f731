package dev.goferry.cli;

import dev.goferry.gomod.env.EnvFile;
import dev.goferry.gomod.env.EnvFileEditor;
import dev.goferry.gomod.env.EnvFinding;
import dev.goferry.gomod.env.EnvReport;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.env.Setting;
import dev.goferry.gomod.env.SettingSource;
import dev.goferry.gomod.goproxy.ProxyEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry env}: the go command's network settings with where each value comes from, what
 * goferry thinks of them, and {@code -w}/{@code -u} edits of the go/env file made exactly as
 * {@code go env -w}/{@code -u} makes them. Works without Go installed.
 */
@Command(name = "env", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Show the go command's network settings and where each comes from; "
        + "edit the go/env file like 'go env -w/-u'.")
public final class EnvCommand implements Callable<Integer> {

    /** Variables Go reads from the OS environment only; {@code go env -w} refuses them as unknown. */
    private static final Set<String> OS_ONLY = Set.of("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
            "http_proxy", "https_proxy", "no_proxy", "all_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR", "GIT_SSH_COMMAND");

    @ParentCommand
    GoferryCommand root;

    @Option(names = "-w", description = "Write KEY=VALUE settings to the go/env file (as 'go env -w').")
    boolean write;

    @Option(names = "-u", description = "Remove KEY settings from the go/env file (as 'go env -u').")
    boolean unset;

    @Parameters(paramLabel = "KEY", arity = "0..*", description = "Settings to show (default: all), or with -w/-u the edits.")
    List<String> args = new ArrayList<>();

    private final GoOs os = GoOs.current();
    private final LocalFiles files = LocalFiles.SYSTEM;

    @Override
    public Integer call() {
        Console console = root.console();
        if (write && unset) {
            console.err().println("go: cannot use -u with -w");
            console.err().flush();
            return ExitCodes.USAGE;
        }
        if (write || unset) {
            return edit(console);
        }
        return show(console);
    }

    private int show(Console console) {
        List<String> keys = args.isEmpty() ? GoSettings.KEYS : args;
        for (String key : keys) {
            if (!GoSettings.KEYS.contains(key)) {
                throw UserError.usage(console.text("env.error.unknown-key", key, String.join(" ", GoSettings.KEYS)));
            }
        }
        GoSettings settings = GoSettings.resolve(console.environment(), os, files);
        EnvReport report = EnvReport.of(settings, os);
        List<EnvFinding.Warning> warnings = report.warnings().stream().filter(w -> keys.contains(w.key())).toList();
        List<EnvFinding.Error> errors = report.errors().stream().filter(e -> keys.contains(e.key())).toList();
        boolean showList = keys.contains("GOPROXY") || keys.contains("GONOPROXY") || keys.contains("GOPRIVATE");
        Optional<EnvNetworkSection> network = args.isEmpty()
                ? Optional.of(EnvNetworkSection.of(console.environment(), settings.go().version(), os))
                : Optional.empty();
        if (console.json()) {
            Map<String, Object> doc = json(console, report, keys, warnings, errors, showList);
            network.ifPresent(n -> doc.put("network", n.json(console)));
            console.printJson(doc);
        } else {
            text(console, report, keys, warnings, errors, showList);
            network.ifPresent(n -> n.printText(console));
            console.out().flush();
        }
        return errors.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private void text(Console console, EnvReport report, List<String> keys, List<EnvFinding.Warning> warnings,
                      List<EnvFinding.Error> errors, boolean showList) {
        PrintWriter out = console.out();
        GoSettings s = report.settings();
        if (s.go().assumed()) {
            out.println(console.text("env.label.go-assumed", s.go().version()));
        } else {
            out.println(console.text("env.label.go", s.go().version(), s.go().goroot().orElse("")));
        }
        out.println(s.envFile().path().map(p -> console.text("env.label.user-file", p))
                .orElseGet(() -> console.text("env.label.user-file-none", s.envFile().problem().orElse(""))));
        out.println();
        for (String key : keys) {
            Setting setting = s.get(key);
            String value = setting.value().isEmpty() ? "\"\"" : setting.value();
            out.println(String.format("%-12s %s", key, value)
                    + "  " + console.style(Console.Style.DIM,
                            console.text("env.source.wrap", source(console, setting.source()))));
        }
        if (showList && !report.proxyList().entries().isEmpty()) {
            out.println();
            out.println(console.style(Console.Style.BOLD, console.text("env.heading.proxy-list")));
            List<ProxyEntry> entries = report.proxyList().entries();
            for (int i = 0; i < entries.size(); i++) {
                out.println("  " + (i + 1) + ". " + entry(console, entries.get(i), i == entries.size() - 1));
            }
        }
        if (!warnings.isEmpty()) {
            out.println();
            out.println(console.style(Console.Style.BOLD, console.text("env.heading.warnings")));
            for (EnvFinding.Warning w : warnings) {
                out.println("  " + console.style(Console.Style.WARN, "!") + " " + w.key() + ": "
                        + console.text("env.warn." + w.id(), w.args().toArray()));
            }
        }
        if (!errors.isEmpty()) {
            out.println();
            out.println(console.style(Console.Style.BOLD, console.text("env.heading.errors")));
            for (EnvFinding.Error e : errors) {
                out.println("  " + console.style(Console.Style.FAIL, "x") + " " + e.key() + ": go: " + e.goError());
                out.println("    " + console.text(e.explanation()));
            }
        }
        out.flush();
    }

    private static String source(Console console, SettingSource source) {
        return switch (source) {
            case SettingSource.Environment e -> console.text("env.source.environment");
            case SettingSource.UserFile f -> console.text("env.source.user-file", f.file());
            case SettingSource.GorootFile f -> console.text("env.source.goroot-file", f.file());
            case SettingSource.Default d -> d.assumed()
                    ? console.text("env.source.default-assumed", d.goVersion())
                    : console.text("env.source.default", d.goVersion());
            case SettingSource.Derived d -> console.text("env.source.derived", d.fromKey());
            case SettingSource.Discovered d -> console.text("env.source.discovered", d.binary());
            case SettingSource.NotInThisVersion n -> console.text("env.source.not-in-this-version", n.goVersion());
        };
    }

    private static String entry(Console console, ProxyEntry e, boolean last) {
        return switch (e) {
            case ProxyEntry.ProxyUrl p -> p.url() + "  " + console.style(Console.Style.DIM, "(" + console.text(
                    last ? "env.proxy.last" : p.fallBackOnError() ? "env.proxy.fallback-any" : "env.proxy.fallback-not-found")
                    + ")");
            case ProxyEntry.Direct d -> "direct  " + console.style(Console.Style.DIM, "(" + console.text("env.proxy.direct") + ")");
            case ProxyEntry.Off o -> "off  " + console.style(Console.Style.DIM, "(" + console.text("env.proxy.off") + ")");
            case ProxyEntry.NoProxy n -> "noproxy  " + console.style(Console.Style.DIM, "(" + console.text("env.proxy.noproxy") + ")");
        };
    }

    private static Map<String, Object> json(Console console, EnvReport report, List<String> keys,
                                            List<EnvFinding.Warning> warnings, List<EnvFinding.Error> errors,
                                            boolean showList) {
        GoSettings s = report.settings();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "goferry.env/v1");
        Map<String, Object> go = new LinkedHashMap<>();
        go.put("version", s.go().version());
        go.put("goroot", s.go().goroot().orElse(null));
        go.put("assumed", s.go().assumed());
        doc.put("go", go);
        doc.put("envFile", s.envFile().path().orElse(null));
        List<Object> settings = new ArrayList<>();
        for (String key : keys) {
            Setting setting = s.get(key);
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("kind", setting.source().kind());
            source.put("path", setting.source().path().orElse(null));
            switch (setting.source()) {
                case SettingSource.Default d -> source.put("goVersion", d.goVersion());
                case SettingSource.NotInThisVersion n -> source.put("goVersion", n.goVersion());
                case SettingSource.Derived d -> source.put("from", d.fromKey());
                default -> { }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", key);
            item.put("value", setting.value());
            item.put("source", source);
            settings.add(item);
        }
        doc.put("settings", settings);
        List<Object> list = new ArrayList<>();
        if (showList) {
            for (ProxyEntry e : report.proxyList().entries()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", e.kind());
                if (e instanceof ProxyEntry.ProxyUrl p) {
                    item.put("url", p.url());
                    item.put("fallBackOnError", p.fallBackOnError());
                }
                list.add(item);
            }
        }
        doc.put("proxyList", list);
        List<Object> ws = new ArrayList<>();
        for (EnvFinding.Warning w : warnings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "env.warn." + w.id());
            item.put("key", w.key());
            item.put("message", console.text("env.warn." + w.id(), w.args().toArray()));
            ws.add(item);
        }
        doc.put("warnings", ws);
        List<Object> es = new ArrayList<>();
        for (EnvFinding.Error e : errors) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("key", e.key());
            item.put("goError", e.goError());
            item.put("explanation", console.text(e.explanation()));
            es.add(item);
        }
        doc.put("errors", es);
        return doc;
    }

    /** {@code -w}/{@code -u}: Go's checks, then an atomic rewrite of the go/env file. */
    private int edit(Console console) {
        Map<String, String> env = console.environment();
        GoSettings settings = GoSettings.resolve(env, os, files);
        EnvFile.Location location = settings.envFile();
        if (location.path().isEmpty()) {
            String problem = location.problem().orElse("");
            if (problem.equals("GOENV=off")) {
                // go env -w/-u with GOENV=off silently does nothing and succeeds (observed, 1.19 and 1.24).
                console.err().println(console.text("env.write.goenv-off"));
                console.err().flush();
                return ExitCodes.OK;
            }
            console.err().println("go: cannot find go env config: " + problem);
            console.err().flush();
            return ExitCodes.USAGE;
        }
        String file = location.path().get();
        Optional<String> current = files.read(file);
        Set<String> known = new HashSet<>();
        current.ifPresent(text -> known.addAll(EnvFile.parse(text).keySet()));
        settings.go().goroot().flatMap(r -> files.read(os.join(r, "go.env")))
                .ifPresent(text -> known.addAll(EnvFile.parseGorootFile(text).keySet()));
        EnvFileEditor.Result result = write
                ? EnvFileEditor.write(args, current, known, env, settings.go(), os)
                : EnvFileEditor.unset(args, current, file, known, settings.go(), os);
        PrintWriter err = console.err();
        result.warnings().forEach(err::println);
        if (result.error().isPresent()) {
            err.println(result.error().get());
            args.stream().map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                    .filter(OS_ONLY::contains).findFirst()
                    .ifPresent(key -> err.println(console.text("env.write.os-only", key)));
            err.flush();
            return ExitCodes.USAGE;
        }
        try {
            writeAtomically(Path.of(file), result.content().orElseThrow());
        } catch (IOException e) {
            err.println("go: writing go env config: " + e.getMessage());
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        err.flush();
        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.env.write/v1");
            doc.put("envFile", file);
            doc.put("warnings", result.warnings());
            console.printJson(doc);
        } else {
            console.out().println(console.text("env.write.done", file));
            console.out().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Replaces the file's content in one step (temporary file in the same folder, then rename), so
     * a crash never leaves a half-written go/env. Like Go, writes through a symbolic link, keeps
     * an existing file's permissions and creates missing folders.
     */
    static void writeAtomically(Path file, String content) throws IOException {
        Path target = file;
        if (Files.isSymbolicLink(target)) {
            target = target.toRealPath();
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".env", ".tmp");
        try {
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
            try {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                } else {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the default permissions are right there
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
