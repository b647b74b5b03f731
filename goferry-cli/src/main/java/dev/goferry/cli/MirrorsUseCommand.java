package dev.goferry.cli;

import dev.goferry.gomod.env.EnvFile;
import dev.goferry.gomod.env.EnvFileEditor;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.env.SettingSource;
import dev.goferry.install.mirrors.GoEnvEdits;
import dev.goferry.install.mirrors.Mirror;
import dev.goferry.install.mirrors.MirrorCatalog;
import dev.goferry.install.mirrors.MirrorKind;
import dev.goferry.install.mirrors.MirrorRanking;
import dev.goferry.install.mirrors.MirrorReport;
import dev.goferry.install.mirrors.MirrorStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code goferry mirrors use NAME|fastest}: probes, then writes GOPROXY (the mirror in place of the
 * proxy entries) and GOSUMDB (only an endpoint whose signed tree head verified with the catalog's
 * key, for the same database) to the go/env file exactly as {@code go env -w} would, and shows the
 * change. It never turns verification off and never touches GOPRIVATE, GONOPROXY or GONOSUMDB.
 */
@Command(name = "use", mixinStandardHelpOptions = true, sortOptions = false)
final class MirrorsUseCommand implements Callable<Integer> {

    static final String FASTEST = "fastest";

    @ParentCommand
    MirrorsCommand parent;

    @Parameters(index = "0", paramLabel = "NAME|fastest", descriptionKey = "mirrors.use.name")
    String name;

    @Option(names = "--sumdb", paramLabel = "NAME", descriptionKey = "mirrors.use.sumdb")
    Optional<String> sumdbName = Optional.empty();

    @Option(names = "--catalog", paramLabel = "FILE", descriptionKey = "mirrors.catalog")
    Optional<Path> catalogFile = Optional.empty();

    @Option(names = "--timeout", paramLabel = "D", descriptionKey = "mirrors.timeout")
    String timeout = "15s";

    private final GoOs os = GoOs.current();
    private final LocalFiles files = LocalFiles.SYSTEM;

    @Override
    public Integer call() {
        Console console = parent.console();
        MirrorCatalog catalog = MirrorsCommand.catalog(console, catalogFile);
        List<Mirror> proxies = name.equals(FASTEST) ? catalog.of(MirrorKind.GOPROXY)
                : List.of(catalog.find(MirrorKind.GOPROXY, name).orElseThrow(() -> UserError.usage(console.text(
                        "mirrors.error.unknown-name", name, names(catalog, MirrorKind.GOPROXY)))));
        List<Mirror> sumdbs = sumdbName.map(n -> List.of(catalog.find(MirrorKind.SUMDB, n).orElseThrow(() -> UserError.usage(
                console.text("mirrors.error.unknown-sumdb", n, names(catalog, MirrorKind.SUMDB))))))
                .orElse(catalog.of(MirrorKind.SUMDB));
        List<Mirror> probed = new ArrayList<>(proxies);
        probed.addAll(sumdbs);
        MirrorCatalog toProbe = new MirrorCatalog(probed, catalog.referenceModule(), catalog.sumdbKey(), catalog.indexUrls());
        MirrorRanking ranking = MirrorsCommand.probe(console, toProbe, Set.of(MirrorKind.GOPROXY, MirrorKind.SUMDB),
                DoctorCommand.duration(timeout));

        MirrorReport proxy = chooseProxy(console, ranking);
        Optional<MirrorReport> sumdb = ranking.of(MirrorKind.SUMDB).stream().filter(r -> r.status().works())
                .filter(r -> r.mirror().name().equals(proxy.mirror().name())).findFirst()
                .or(() -> ranking.best(MirrorKind.SUMDB));
        if (sumdbName.isPresent() && sumdb.isEmpty()) {
            MirrorReport r = ranking.of(MirrorKind.SUMDB).getFirst();
            throw UserError.failed(console.text("mirrors.error.not-working", MirrorsCommand.label(r.mirror()),
                    r.detail().orElse(console.text("mirrors.status." + r.status().id()))));
        }

        Map<String, String> env = console.environment();
        GoSettings settings = GoSettings.resolve(env, os, files);
        EnvFile.Location location = settings.envFile();
        if (location.path().isEmpty()) {
            throw UserError.failed(console.text("mirrors.error.no-env-file", location.problem().orElse("")));
        }
        String file = location.path().get();
        String goproxyBefore = settings.value("GOPROXY");
        String gosumdbBefore = settings.value("GOSUMDB");
        GoEnvEdits.ProxyEdit proxyEdit = GoEnvEdits.goproxy(goproxyBefore, proxy.mirror());
        // Go's default is not a choice of database: any endpoint of the catalog's database may replace it.
        // Since Go 1.21 that default comes from $GOROOT/go.env (GOSUMDB=sum.golang.org), not from cmd/go.
        SettingSource sumdbSource = settings.get("GOSUMDB").source();
        String chosenSumdb = sumdbSource instanceof SettingSource.Default || sumdbSource instanceof SettingSource.GorootFile
                ? "" : gosumdbBefore;
        Optional<GoEnvEdits.SumdbEdit> sumdbEdit = sumdb.map(s -> GoEnvEdits.gosumdb(chosenSumdb, s.mirror(), catalog.sumdbKey()));

        List<String> args = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String goproxyAfter = goproxyBefore;
        switch (proxyEdit) {
            case GoEnvEdits.SetProxy p when !p.value().equals(goproxyBefore) -> {
                args.add("GOPROXY=" + p.value());
                goproxyAfter = p.value();
            }
            case GoEnvEdits.SetProxy p -> { }
            case GoEnvEdits.ProxyOff o -> notes.add(console.text("mirrors.use.proxy-off"));
        }
        String gosumdbAfter = gosumdbBefore;
        if (sumdbEdit.isEmpty()) {
            notes.add(console.text("mirrors.use.sumdb-none"));
        } else {
            switch (sumdbEdit.get()) {
                case GoEnvEdits.SetSumdb s -> {
                    args.add("GOSUMDB=" + s.value());
                    gosumdbAfter = s.value();
                }
                case GoEnvEdits.SumdbUnchanged u -> { }
                case GoEnvEdits.SumdbOff o -> notes.add(console.text("mirrors.use.sumdb-off"));
                case GoEnvEdits.OtherDatabase d -> notes.add(console.text("mirrors.use.sumdb-other", d.name()));
            }
        }
        List<String> warnings = List.of();
        if (!args.isEmpty()) {
            Optional<String> current = files.read(file);
            Set<String> known = new HashSet<>();
            current.ifPresent(text -> known.addAll(EnvFile.parse(text).keySet()));
            EnvFileEditor.Result result = EnvFileEditor.write(args, current, known, env, settings.go(), os);
            if (result.error().isPresent()) {
                throw UserError.failed(result.error().get());
            }
            warnings = result.warnings();
            try {
                EnvCommand.writeAtomically(Path.of(file), result.content().orElseThrow());
            } catch (IOException e) {
                throw UserError.failed(console.text("mirrors.error.write", file, e.getMessage()));
            }
        }
        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", "goferry.mirrors.use/v1");
            doc.put("envFile", file);
            doc.put("written", !args.isEmpty());
            doc.put("goproxy", change(goproxyBefore, goproxyAfter, Optional.of(proxy)));
            doc.put("gosumdb", change(gosumdbBefore, gosumdbAfter, sumdb));
            doc.put("notes", notes);
            doc.put("warnings", warnings);
            doc.put("mirrors", ranking.reports().stream().map(MirrorsReport::json).toList());
            console.printJson(doc);
        } else {
            PrintWriter out = console.out();
            out.println(console.text("mirrors.use.chose", MirrorsCommand.label(proxy.mirror()), proxy.mirror().url(),
                    proxy.latency().map(MirrorsReport::millis).orElse("-")));
            sumdb.ifPresent(s -> out.println(console.text("mirrors.use.chose", MirrorsCommand.label(s.mirror()), s.mirror().url(),
                    s.latency().map(MirrorsReport::millis).orElse("-"))));
            line(console, "GOPROXY", goproxyBefore, goproxyAfter);
            line(console, "GOSUMDB", gosumdbBefore, gosumdbAfter);
            notes.forEach(n -> out.println(console.style(Console.Style.WARN, "! ") + n));
            out.println(args.isEmpty() ? console.text("mirrors.use.nothing", file) : console.text("mirrors.use.written", file));
            out.flush();
            warnings.forEach(console.err()::println);
            console.err().flush();
        }
        return ExitCodes.OK;
    }

    private MirrorReport chooseProxy(Console console, MirrorRanking ranking) {
        List<MirrorReport> reports = ranking.of(MirrorKind.GOPROXY);
        if (name.equals(FASTEST)) {
            return reports.stream().filter(r -> r.status() == MirrorStatus.OK).findFirst()
                    .orElseThrow(() -> UserError.failed(console.text("mirrors.error.no-working")));
        }
        MirrorReport r = reports.getFirst();
        if (!r.status().works()) {
            throw UserError.failed(console.text("mirrors.error.not-working", MirrorsCommand.label(r.mirror()),
                    r.detail().orElse(console.text("mirrors.status." + r.status().id()))));
        }
        return r;
    }

    private static void line(Console console, String key, String before, String after) {
        String shown = before.isEmpty() ? "\"\"" : before;
        console.out().println(before.equals(after)
                ? console.text("mirrors.use.unchanged", key, shown)
                : console.text("mirrors.use.change", key, shown, after));
    }

    private static Map<String, Object> change(String before, String after, Optional<MirrorReport> mirror) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("before", before);
        m.put("after", after);
        m.put("changed", !before.equals(after));
        m.put("mirror", mirror.map(r -> r.mirror().name()).orElse(null));
        m.put("url", mirror.map(r -> r.mirror().url().toString()).orElse(null));
        return m;
    }

    private static String names(MirrorCatalog catalog, MirrorKind kind) {
        return String.join(", ", catalog.of(kind).stream().map(Mirror::name).toList());
    }
}
