package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's contract: help in both languages, version, exit codes, no stack traces. */
class MainTest {

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: goferry", "Commands:", "Exit codes:", "--json", "--lang");
    }

    @Test
    void helpFollowsTheLocaleAndTheLangOption() {
        assertThat(CliRun.of(Map.of("LANG", "zh_CN.UTF-8"), "--help").out()).contains("命令：", "退出码：");
        assertThat(CliRun.of(Map.of("LANG", "zh_CN.UTF-8"), "--lang", "en", "--help").out()).contains("Commands:");
        assertThat(CliRun.of("--lang=zh-CN", "help").out()).contains("显示某个命令的帮助");
    }

    @Test
    void versionNamesGoferryAndJava() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("goferry ").contains("Java");
    }

    @Test
    void usageErrorsExitTwoWithAHintAndNoStackTrace() {
        CliRun run = CliRun.of("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'", "goferry --help").doesNotContain("at dev.goferry");
        assertThat(CliRun.of("--lang", "fr", "--help").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of(Map.of("LANG", "zh_CN.UTF-8"), "--nope").err()).contains("查看用法");
    }

    @Test
    void noCommandShowsUsageAsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Usage: goferry");
    }

    @Test
    void coloursOnlyOnATerminalAndNeverWithNoColorOrJson() {
        Map<String, String> env = Map.of("HOME", "/nonexistent-home", "PATH", "/nonexistent-bin");
        String escape = "\u001b[";
        assertThat(CliRun.onTerminal(env, "route", "example.com/m@v1.0.0").out()).contains(escape);
        assertThat(CliRun.of(env, "route", "example.com/m@v1.0.0").out()).doesNotContain(escape);
        assertThat(CliRun.onTerminal(Map.of("NO_COLOR", "1"), "route", "example.com/m@v1.0.0").out()).doesNotContain(escape);
        assertThat(CliRun.onTerminal(env, "--no-color", "route", "example.com/m@v1.0.0").out()).doesNotContain(escape);
        assertThat(CliRun.onTerminal(env, "--json", "route", "example.com/m@v1.0.0").out()).doesNotContain(escape);
    }
}
