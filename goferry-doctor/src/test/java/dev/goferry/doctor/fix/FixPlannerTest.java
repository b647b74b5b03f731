package dev.goferry.doctor.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.FixScenarios;
import dev.goferry.doctor.diagnosis.Sample;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FixPlanner} on runs diagnosed by the real Diagnoser: a fix is applied only with this run's
 * evidence that it works, and the shortcuts that switch verification off are refused.
 */
class FixPlannerTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                row("refused proxy, working mirror", () -> FixScenarios.refusedProxy(true), "",
                        "apply tcp.refused GOPROXY=https://mirror.example.net,direct mirror:https://mirror.example.net"),
                row("refused proxy, mirror failed too", () -> FixScenarios.refusedProxy(false), "",
                        "manual tcp.refused"),
                row("unreachable checksum database, no mirror", () -> FixScenarios.unreachableSumdb(""), "",
                        "refuse sumdb.unreachable GOSUMDB=off fix.unsafe.gosumdb-off"),
                row("unreachable checksum database, sum.golang.google.cn answered",
                        () -> FixScenarios.unreachableSumdb("sum.golang.google.cn"), "",
                        "apply sumdb.unreachable GOSUMDB=sum.golang.google.cn sumdb-mirror:sum.golang.google.cn"),
                row("unreachable checksum database, answering mirror signs with another key",
                        () -> FixScenarios.unreachableSumdb("sum.example.com+1234abcd+AAAA https://sum.example.com"), "",
                        "refuse sumdb.unreachable GOSUMDB=sum.example.com+1234abcd+AAAA https://sum.example.com "
                                + "fix.unsafe.gosumdb-key"),
                row("private module leaked to the public proxy", () -> FixScenarios.privateLeak(
                        "git.corp.internal/team/lib", ""), "",
                        "apply goproxy.private-leak GOPRIVATE=git.corp.internal goproxy:https://proxy.golang.org"),
                row("private leak, GOPRIVATE already holds others", () -> FixScenarios.privateLeak(
                        "git.corp.internal/team/lib", "example.org/x"), "example.org/x",
                        "apply goproxy.private-leak GOPRIVATE=example.org/x,git.corp.internal goproxy:https://proxy.golang.org"),
                row("blocked proxy with mirror, intercepted database", Sample::diagnosis, "",
                        "apply tcp.timeout GOPROXY=https://goproxy.cn,direct mirror:https://goproxy.cn",
                        "refuse tls.intercepted GOINSECURE=sum.golang.org fix.unsafe.goinsecure"),
                row("healthy", Sample::healthy, ""));
    }

    private static Arguments row(String name, Supplier<Diagnosis> d, String goprivate, String... want) {
        return Arguments.of(name, d, goprivate, List.of(want));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void plans(String name, Supplier<Diagnosis> diagnosis, String goprivate, List<String> want) {
        Diagnosis d = diagnosis.get();

        List<String> got = FixPlanner.plan(d, goprivate).stream().map(FixPlannerTest::describe)
                .filter(s -> !s.startsWith("manual") || want.stream().anyMatch(w -> w.startsWith("manual"))).toList();

        assertThat(got).as("plan(%s) with causes %s", name, d.causeIds()).containsAll(want);
        assertThat(got.stream().filter(s -> s.startsWith("apply"))).as("%s: only these are applied", name)
                .containsExactlyElementsOf(want.stream().filter(s -> s.startsWith("apply")).toList());
    }

    private static String describe(FixProposal p) {
        return switch (p) {
            case FixProposal.Apply a -> "apply " + a.cause().id() + " " + a.fix().assignment() + " " + a.fix().verifiedBy();
            case FixProposal.Refused r -> "refuse " + r.cause().id() + " " + r.shortcut() + " " + r.reasonKey();
            case FixProposal.Manual m -> "manual " + m.cause().id();
        };
    }
}
