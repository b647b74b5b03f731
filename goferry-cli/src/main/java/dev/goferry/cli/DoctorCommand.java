package dev.goferry.cli;

import dev.goferry.doctor.Status;
import dev.goferry.doctor.fix.Candidates;
import dev.goferry.doctor.render.HtmlReport;
import dev.goferry.doctor.target.TargetKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import dev.goferry.doctor.render.DiagnosisJson;
import dev.goferry.doctor.render.DiagnosisText;
import dev.goferry.doctor.run.DoctorRun;
import dev.goferry.doctor.run.DoctorRunner;
import dev.goferry.doctor.run.RunOptions;
import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetOptions;
import dev.goferry.doctor.target.TargetPlanner;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import dev.goferry.gomod.module.ModulePaths;
import dev.goferry.gomod.route.RouteSettings;
import dev.goferry.gomod.tlsroots.RootsPlan;
import dev.goferry.gomod.tlsroots.SystemRootsLoader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goferry doctor}: probes every endpoint the go command uses, layer by layer, in parallel
 * under one deadline, and names the root causes with their fixes.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, sortOptions = false)
final class DoctorCommand implements Callable<Integer> {

    /**
     * Where the run meets the machine. Tests replace it (resolver files naming loopback only, a guard
     * that fails on any other address); the command uses this machine.
     */
    static Function<Map<String, String>, DoctorRunner.Seams> seams = env -> DoctorRunner.Seams.system();

    @ParentCommand
    GoferryCommand parent;

    @Option(names = "--timeout", paramLabel = "D", descriptionKey = "doctor.timeout")
    String timeout = "10s";

    @Option(names = "--target", paramLabel = "URL", descriptionKey = "doctor.target")
    List<String> targets = new ArrayList<>();

    @Option(names = "--module", paramLabel = "M[@V]", descriptionKey = "doctor.module")
    String module;

    @Option(names = "--no-public-dns", descriptionKey = "doctor.no-public-dns")
    boolean noPublicDns;

    @Option(names = "--public-dns", paramLabel = "IP,...", split = ",", descriptionKey = "doctor.public-dns")
    List<String> publicDns;

    @Option(names = "--release-index", paramLabel = "URL|off", descriptionKey = "doctor.release-index")
    String releaseIndex = TargetOptions.RELEASE_INDEX.toString();

    @Option(names = "--release-download", paramLabel = "URL|off", descriptionKey = "doctor.release-download")
    String releaseDownload = TargetOptions.RELEASE_DOWNLOAD.toString();

    @Option(names = "--candidate", paramLabel = "URL", descriptionKey = "doctor.candidate")
    List<String> candidates = new ArrayList<>();

    @Option(names = "--sumdb-candidate", paramLabel = "GOSUMDB", descriptionKey = "doctor.sumdb-candidate")
    List<String> sumdbCandidates = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE", descriptionKey = "doctor.html")
    Path html;

    @Option(names = "--fix", descriptionKey = "doctor.fix")
    boolean fix;

    @Option(names = "--yes", descriptionKey = "doctor.yes")
    boolean yes;

    /** How {@code --fix} asks before it writes; tests answer for the user. */
    static DoctorFix.Confirm confirm = DoctorFix.Confirm.SYSTEM;

    @Override
    public Integer call() {
        Console console = parent.console();
        Duration deadline = duration(timeout);
        TargetOptions options;
        List<InetSocketAddress> resolvers;
        try {
            options = new TargetOptions(TargetOptions.REFERENCE_MODULE,
                    Optional.ofNullable(module).map(DoctorCommand::module), optionalUrl(releaseIndex),
                    optionalUrl(releaseDownload), targets.stream().map(DoctorCommand::url).toList());
            List<InetSocketAddress> named = publicDns == null ? RunOptions.PUBLIC_RESOLVERS
                    : publicDns.stream().map(DoctorCommand::resolver).toList();
            resolvers = noPublicDns ? List.of() : named;
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        Map<String, String> env = console.environment();
        GoSettings settings = GoSettings.resolve(env, GoOs.current(), LocalFiles.SYSTEM);
        RouteSettings route = RouteSettings.of(settings, env, GoOs.current());
        List<Target> planned;
        try {
            planned = withCandidates(TargetPlanner.plan(route, options), route, options);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        String goVersion = settings.go().version();
        var roots = SystemRootsLoader.system().load(RootsPlan.linux(env, goVersion)).certificates();
        // Ctrl-C: interrupt the run, which then reports what it knows, and let the JVM exit once printed.
        Thread caller = Thread.currentThread();
        java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            caller.interrupt();
            try {
                // Bounded in case the run ignores the interrupt; long enough for a busy machine to render.
                printed.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "goferry-doctor-interrupt");
        boolean hooked = addHook(hook);
        try {
            RunOptions runOptions = RunOptions.of(deadline, resolvers, roots);
            DoctorRun run = new DoctorRunner(seams.apply(env)).run(route, settings.value("GOPROXY"),
                    settings.value("GOSUMDB"), planned, runOptions);
            int code = report(console, run);
            writeHtml(console, run, settings);
            return fix ? new DoctorFix(console, confirm, yes, (s, r) -> recheck(env, s, r, options, runOptions))
                    .run(run, settings) : code;
        } finally {
            printed.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
    }

    /** The run's targets plus the {@code --candidate} / {@code --sumdb-candidate} alternatives. */
    private List<Target> withCandidates(List<Target> planned, RouteSettings route, TargetOptions options) {
        if (candidates.isEmpty() && sumdbCandidates.isEmpty()) {
            return planned;
        }
        String module = options.module().map(TargetOptions.ModuleVersion::path).orElse(options.referenceModule());
        List<Target> all = new ArrayList<>(planned);
        all.addAll(Candidates.mirrors(candidates.stream().map(DoctorCommand::candidateUrl).toList(), module, route));
        all.addAll(Candidates.sumdbMirrors(sumdbCandidates, route));
        return all;
    }

    private static URI candidateUrl(String text) {
        try {
            return url(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("candidate \"" + text + "\": want an http:// or https:// URL with a host");
        }
    }

    /** {@code --html FILE}: the same run as a self-contained page, in the run's language. */
    private void writeHtml(Console console, DoctorRun run, GoSettings settings) {
        if (html == null) {
            return;
        }
        try {
            HtmlReport.write(html, new HtmlReport(console.messages()).render(run, settings));
            console.err().println(console.text("report.written", html));
        } catch (IOException | RuntimeException e) {
            console.err().println(console.text("report.error.write", html, e.getMessage()));
        }
        console.err().flush();
    }

    /**
     * Runs again, under the settings the fix wrote, the targets of the kinds that failed: the
     * endpoints that take their place (a new GOPROXY entry replaces the dead one).
     */
    private DoctorRun recheck(Map<String, String> env, GoSettings updated, Set<TargetKind> kinds,
                              TargetOptions options, RunOptions runOptions) {
        RouteSettings route = RouteSettings.of(updated, env, GoOs.current());
        List<Target> again = TargetPlanner.plan(route, options).stream().filter(t -> kinds.contains(t.kind())).toList();
        return new DoctorRunner(seams.apply(env)).run(route, updated.value("GOPROXY"), updated.value("GOSUMDB"), again,
                runOptions);
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;  // already shutting down: nothing to report later
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running and waits for the report just printed
        }
    }

    private int report(Console console, DoctorRun run) {

        if (console.json()) {
            Map<String, Object> doc = new LinkedHashMap<>(DiagnosisJson.of(run.diagnosis(), console.messages()));
            doc.put("unfinished", run.unfinished().stream().map(u -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("target", u.targetId());
                m.put("layers", u.layers().stream().map(l -> l.id()).toList());
                return m;
            }).toList());
            console.printJson(doc);
        } else {
            DiagnosisText text = new DiagnosisText(console.messages(), (status, mark) -> console.style(style(status),
                    mark));
            text.render(run.diagnosis()).forEach(console.out()::println);
            if (!run.unfinished().isEmpty()) {
                console.out().println();
                console.out().println(console.style(Console.Style.WARN, console.text("doctor.unfinished.title", timeout)));
                run.unfinished().forEach(u -> console.out().println("  " + console.text("doctor.unfinished.target",
                        u.targetId(), u.layers().stream().map(l -> console.text("doctor.layer." + l.id()))
                                .collect(Collectors.joining(", ")))));
            }
        }
        console.out().flush();
        return run.diagnosis().healthy() && run.unfinished().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static Console.Style style(Status s) {
        return switch (s) {
            case OK -> Console.Style.OK;
            case WARN -> Console.Style.WARN;
            case FAIL -> Console.Style.FAIL;
            default -> Console.Style.DIM;
        };
    }

    /** {@code --timeout}: Go's duration syntax for the common cases ({@code 500ms}, {@code 10s}, {@code 1m}). */
    static Duration duration(String text) {
        try {
            Duration d;
            if (text.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            } else if (text.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            } else if (text.endsWith("m")) {
                d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
            } else {
                throw new NumberFormatException();
            }
            if (d.isZero() || d.isNegative()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw UserError.usage("timeout \"" + text + "\": want a positive duration such as 10s, 500ms or 1m");
        }
    }

    /**
     * {@code --module M[@V]}: the path must be one Go accepts (Go's own message otherwise), except a
     * path whose host is a pattern such as {@code *.corp.example/x}, which the plan reports as not
     * probeable rather than refusing.
     */
    static TargetOptions.ModuleVersion module(String text) {
        TargetOptions.ModuleVersion mv = TargetOptions.ModuleVersion.parse(text);
        String first = mv.path().contains("/") ? mv.path().substring(0, mv.path().indexOf('/')) : mv.path();
        if (!first.matches(".*[*?\\[].*")) {
            ModulePaths.checkPath(mv.path()).ifPresent(e -> {
                throw new IllegalArgumentException(e.message());
            });
        }
        return mv;
    }

    private static Optional<URI> optionalUrl(String text) {
        return text.equals("off") ? Optional.empty() : Optional.of(url(text));
    }

    private static URI url(String text) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || u.getHost() == null
                    || !u.getScheme().equals("http") && !u.getScheme().equals("https")) {
                throw new IllegalArgumentException("url \"" + text + "\": want http:// or https:// with a host");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url \"" + text + "\": " + e.getReason());
        }
    }

    /** A resolver address: an IP literal, never a name (resolving it would itself need DNS). */
    private static InetSocketAddress resolver(String text) {
        String ip = text.strip();
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("public dns \"" + text + "\": want an IP address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), 53);  // a literal: no look-up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("public dns \"" + text + "\": " + e.getMessage());
        }
    }
}
