package dev.goferry.cli;

import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.Cause;
import dev.goferry.doctor.diagnosis.CauseId;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.TargetReport;
import dev.goferry.doctor.fix.ApplicableFix;
import dev.goferry.doctor.fix.EnvChange;
import dev.goferry.doctor.fix.EnvFileFixer;
import dev.goferry.doctor.fix.FixPlanner;
import dev.goferry.doctor.fix.FixProposal;
import dev.goferry.doctor.run.DoctorRun;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.env.GoOs;
import dev.goferry.gomod.env.GoSettings;
import dev.goferry.gomod.env.LocalFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * {@code goferry doctor --fix}, after the report: lists what the run verified, what it refuses and
 * why, shows the go/env change as a diff, asks (or takes {@code --yes}), applies it with a backup,
 * prints the undo command, then checks the affected endpoints again under the new settings and
 * says whether each cause is gone.
 */
final class DoctorFix {

    /** Asks the user a yes/no question. */
    @FunctionalInterface
    interface Confirm {
        /** {@return the answer, or empty when nobody can answer (standard input is not a terminal)} */
        Optional<Boolean> ask(String prompt);

        /** The process's terminal, when standard input and output are one. */
        Confirm SYSTEM = prompt -> {
            java.io.Console c = System.console();
            if (c == null || !interactive(c)) {
                return Optional.empty();
            }
            String answer = c.readLine("%s", prompt);
            return Optional.of(answer != null && (answer.strip().equalsIgnoreCase("y")
                    || answer.strip().equalsIgnoreCase("yes")));
        };

        /**
         * Since JDK 22 {@code System.console()} exists even when redirected and {@code isTerminal()}
         * tells; the project compiles for 21, where a console exists only on a terminal.
         */
        private static boolean interactive(java.io.Console c) {
            try {
                Method m = java.io.Console.class.getMethod("isTerminal");
                return (Boolean) m.invoke(c);
            } catch (NoSuchMethodException e) {
                return true;
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }

    private final Console console;
    private final Confirm confirm;
    private final boolean yes;
    private final BiFunction<GoSettings, Set<TargetKind>, DoctorRun> recheck;

    /**
     * @param recheck runs the targets of the given kinds again under updated settings
     */
    DoctorFix(Console console, Confirm confirm, boolean yes, BiFunction<GoSettings, Set<TargetKind>, DoctorRun> recheck) {
        this.console = console;
        this.confirm = confirm;
        this.yes = yes;
        this.recheck = recheck;
    }

    /** {@return the exit code: 0 when every failing cause was fixed and the check again confirms it} */
    int run(DoctorRun run, GoSettings settings) {
        PrintWriter out = console.json() ? console.err() : console.out();
        try {
            return fix(out, run.diagnosis(), settings);
        } finally {
            out.flush();
        }
    }

    private int fix(PrintWriter out, Diagnosis d, GoSettings settings) {
        out.println();
        out.println(console.text("fix.title"));
        List<FixProposal> proposals = FixPlanner.plan(d, settings.value("GOPRIVATE"));
        if (proposals.isEmpty()) {
            out.println("  " + console.text("fix.healthy"));
            return ExitCodes.OK;
        }
        for (FixProposal p : proposals) {
            switch (p) {
                case FixProposal.Apply a -> out.println("  + " + console.text("fix.apply", a.fix().assignment(),
                        a.cause().id(), a.fix().verifiedBy()));
                case FixProposal.Refused r -> {
                    out.println("  " + console.style(Console.Style.FAIL, "✗") + " "
                            + console.text("fix.refused", r.shortcut(), r.cause().id()));
                    out.println("      " + console.text(r.reasonKey(), r.hosts()));
                }
                case FixProposal.Manual m -> out.println("  · " + console.text("fix.manual", m.cause().id()));
            }
        }
        List<ApplicableFix> fixes = proposals.stream().filter(p -> p instanceof FixProposal.Apply)
                .map(p -> ((FixProposal.Apply) p).fix()).toList();
        if (fixes.isEmpty()) {
            out.println(console.text("fix.none"));
            return ExitCodes.PROBLEMS;
        }
        Map<String, String> env = console.environment();
        EnvChange change;
        switch (EnvChange.plan(fixes, settings, env, GoOs.current(), LocalFiles.SYSTEM)) {
            case EnvChange.Impossible i -> {
                out.println(console.text("fix.impossible", i.reason()));
                return ExitCodes.PROBLEMS;
            }
            case EnvChange.Shadowed s -> {
                s.fixes().forEach(f -> out.println(console.text("fix.shadowed", f.variable(), quoted(f))));
                return ExitCodes.PROBLEMS;
            }
            case EnvChange.Ready r -> {
                r.shadowed().forEach(f -> out.println(console.text("fix.shadowed", f.variable(), quoted(f))));
                change = r.change();
            }
        }
        out.println();
        out.println(console.text("fix.diff.title", change.file()));
        change.diff().forEach(line -> out.println("  " + console.style(line.startsWith("+")
                ? Console.Style.OK : Console.Style.FAIL, line)));
        change.warnings().forEach(out::println);
        if (!yes) {
            out.flush();
            Optional<Boolean> answer = confirm.ask(console.text("fix.ask"));
            if (answer.isEmpty()) {
                out.println(console.text("fix.not-tty"));
                return ExitCodes.PROBLEMS;
            }
            if (!answer.get()) {
                out.println(console.text("fix.declined"));
                return ExitCodes.PROBLEMS;
            }
        }
        EnvFileFixer.Applied applied;
        try {
            applied = new EnvFileFixer(Clock.systemUTC()).apply(change);
        } catch (IOException e) {
            console.err().println(console.text("fix.error.write", change.file(), e.getMessage()));
            console.err().flush();
            return ExitCodes.PROBLEMS;
        }
        out.println(applied.backup().map(b -> console.text("fix.applied", b))
                .orElseGet(() -> console.text("fix.applied-new", applied.file())));
        out.println(console.text("fix.undo", applied.undo()));
        return recheck(out, d, change.fixes(), env);
    }

    private int recheck(PrintWriter out, Diagnosis before, List<ApplicableFix> fixes, Map<String, String> env) {
        Set<TargetKind> kinds = EnumSet.noneOf(TargetKind.class);
        for (ApplicableFix f : fixes) {
            before.cause(f.cause()).map(Cause::targets).orElse(List.of()).forEach(id -> before.targets().stream()
                    .map(TargetReport::target).filter(t -> t.id().equals(id)).forEach(t -> kinds.add(t.kind())));
        }
        GoSettings updated = GoSettings.resolve(env, GoOs.current(), LocalFiles.SYSTEM);
        DoctorRun again = recheck.apply(updated, kinds);
        out.println();
        out.println(console.text("fix.recheck.title"));
        again.diagnosis().targets().forEach(r -> out.println("  " + console.style(style(r), r.status().mark()) + " "
                + r.target().id()));
        boolean allGone = true;
        for (CauseId id : fixes.stream().map(ApplicableFix::cause).distinct().toList()) {
            boolean gone = again.diagnosis().cause(id).isEmpty();
            allGone &= gone;
            out.println("  " + console.text(gone ? "fix.recheck.gone" : "fix.recheck.still", id.id()));
        }
        boolean everyFailureFixed = before.causes().stream().filter(c -> c.severity() == Status.FAIL)
                .allMatch(c -> fixes.stream().anyMatch(f -> f.cause() == c.id()));
        return allGone && everyFailureFixed ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static Console.Style style(TargetReport r) {
        return switch (r.status()) {
            case OK -> Console.Style.OK;
            case WARN -> Console.Style.WARN;
            case FAIL -> Console.Style.FAIL;
            case SKIPPED -> Console.Style.DIM;
        };
    }

    /** {@code VAR=value} for a shell, quoted when the value holds a space. */
    private static String quoted(ApplicableFix f) {
        return f.value().contains(" ") ? f.variable() + "=\"" + f.value() + "\"" : f.assignment();
    }
}
