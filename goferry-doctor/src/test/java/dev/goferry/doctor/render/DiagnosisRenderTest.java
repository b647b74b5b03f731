package dev.goferry.doctor.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.doctor.Status;
import dev.goferry.doctor.diagnosis.Diagnosis;
import dev.goferry.doctor.diagnosis.Sample;
import dev.goferry.i18n.Language;
import dev.goferry.i18n.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text and JSON renderings of a recorded diagnosis, in both languages. */
class DiagnosisRenderTest {

    static final Diagnosis SAMPLE = Sample.diagnosis();

    @Test
    void textShowsEveryLayerThenTheRootCausesWithFixes() {
        List<String> text = DiagnosisText.plain(Messages.of(Language.EN)).render(SAMPLE);
        assertThat(text).as("report:%n%s", String.join("\n", text)).containsSubsequence(
                "This machine",
                "  ✓ local      interfaces: eth0 (10.0.0.5)",
                "proxy.golang.org  [goproxy:https://proxy.golang.org]  — GOPROXY entry 1",
                "  ✗ tcp        dial tcp 142.250.181.108:443: i/o timeout  (10.0s)  [tcp.timeout]",
                "sum.golang.org  [sumdb:sum.golang.org]  — checksum database 1, reached directly",
                "  ✗ tls        tls: failed to verify certificate: x509: certificate signed by unknown authority  (30ms)  [tls.intercepted]",
                "Root causes",
                "✗ tcp.timeout [tcp] Connection times out",
                "      proxy.golang.org: dial tcp 142.250.181.108:443: i/o timeout",
                "      Or use a module mirror that worked in this run: go env -w GOPROXY=https://goproxy.cn,direct",
                "✗ tls.intercepted [tls] TLS is intercepted",
                "2 problem(s) and 0 warning(s) found.");
    }

    @Test
    void textSpeaksChineseButKeepsEvidenceAndCommandsVerbatim() {
        List<String> text = DiagnosisText.plain(Messages.of(Language.ZH_CN)).render(SAMPLE);
        assertThat(text).as("report:%n%s", String.join("\n", text)).containsSubsequence(
                "本机",
                "  ✗ TCP        dial tcp 142.250.181.108:443: i/o timeout  (10.0s)  [tcp.timeout]",
                "根本原因",
                "✗ tcp.timeout [TCP] 连接超时",
                "      或者改用本次检测中可用的模块镜像：go env -w GOPROXY=https://goproxy.cn,direct",
                "✗ tls.intercepted [TLS] TLS 连接被拦截",
                "发现 2 个问题和 0 个警告。");
    }

    @Test
    void healthyReportSaysSo() {
        List<String> text = DiagnosisText.plain(Messages.of(Language.EN)).render(Sample.healthy());
        assertThat(text).contains("✓ healthy [local] Everything works", "    All 2 endpoints (proxy.golang.org, sum.golang.org) work at every layer.");
        assertThat(text.getLast()).isEqualTo("No problems found.");
    }

    @Test
    void theThroughputRowShowsBytesRateAndStallsInTextAndJson() {
        List<String> text = DiagnosisText.plain(Messages.of(Language.EN)).render(Sample.stalled());
        assertThat(text).as("report:%n%s", String.join("\n", text)).containsSubsequence(
                "  ✓ protocol   3 versions",
                "  ✗ throughput 150000 bytes in 4.0s (36.6 KiB/s), 2 stalls, cut short  (4.0s)  [network.slow]",
                "✗ network.slow [throughput] Network is slow or stalls");
        List<String> zh = DiagnosisText.plain(Messages.of(Language.ZH_CN)).render(Sample.stalled());
        assertThat(zh).as("report:%n%s", String.join("\n", zh)).contains(
                "✗ network.slow [吞吐] 网络缓慢或卡顿");

        Map<String, Object> doc = DiagnosisJson.of(Sample.stalled(), Messages.of(Language.EN));
        Map<String, Object> target = map(list(doc.get("targets")).getFirst());
        assertThat(target).containsEntry("rootCause", "network.slow");
        assertThat(map(list(target.get("layers")).getLast())).containsEntry("layer", "throughput")
                .containsEntry("status", "fail").containsEntry("elapsedMs", 4000.0)
                .containsEntry("detail", "150000 bytes in 4.0s (36.6 KiB/s), 2 stalls, cut short")
                .containsEntry("cause", "network.slow");
    }

    @Test
    void styleWrapsOnlyTheMarks() {
        List<String> text = new DiagnosisText(Messages.of(Language.EN), (s, mark) -> "<" + s.id() + ">" + mark + "</>")
                .render(SAMPLE);
        assertThat(text).contains("  <fail>✗</> tcp        dial tcp 142.250.181.108:443: i/o timeout  (10.0s)  [tcp.timeout]",
                "<fail>✗</> tls.intercepted [tls] TLS is intercepted");
        assertThat(String.join("\n", text)).doesNotContain("<warn>");
    }

    @Test
    void jsonCarriesStableIdsAndLocalizedTexts() {
        Map<String, Object> doc = DiagnosisJson.of(SAMPLE, Messages.of(Language.ZH_CN));
        assertThat(doc).containsEntry("schema", "goferry.doctor/v1").containsEntry("healthy", false).containsEntry("exitCode", 1);
        Map<String, Object> first = map(list(doc.get("targets")).getFirst());
        assertThat(first).containsEntry("id", "goproxy:https://proxy.golang.org").containsEntry("kind", "goproxy")
                .containsEntry("status", "fail").containsEntry("rootCause", "tcp.timeout")
                .containsEntry("why", "GOPROXY 第 1 项");
        assertThat(map(first.get("proxy"))).containsEntry("mode", "direct").containsEntry("reason", "no-proxy-variable");
        Map<String, Object> tcp = map(list(first.get("layers")).get(1));
        assertThat(tcp).containsEntry("layer", "tcp").containsEntry("status", "fail").containsEntry("elapsedMs", 10000.0)
                .containsEntry("cause", "tcp.timeout");
        List<Object> causes = list(doc.get("causes"));
        assertThat(causes.stream().map(c -> map(c).get("id")).toList()).containsExactly("tcp.timeout", "tls.intercepted");
        Map<String, Object> cause = map(causes.getFirst());
        assertThat(cause).containsEntry("layer", "tcp").containsEntry("severity", "fail").containsEntry("title", "连接超时")
                .containsEntry("targets", List.of("goproxy:https://proxy.golang.org"));
        Map<String, Object> mirror = map(list(cause.get("fixes")).get(1));
        assertThat(mirror).containsEntry("key", "cause.fix.mirror.goproxy")
                .containsEntry("args", List.of("go env -w GOPROXY=https://goproxy.cn,direct"));
        assertJsonValue(doc, "$");
    }

    @Test
    void jsonOfAHealthyRun() {
        Map<String, Object> doc = DiagnosisJson.of(Sample.healthy(), Messages.of(Language.EN));
        assertThat(doc).containsEntry("healthy", true).containsEntry("exitCode", 0);
        List<Object> causes = list(doc.get("causes"));
        assertThat(causes.stream().map(c -> map(c).get("id")).toList()).containsExactly("healthy");
        assertThat(map(causes.getFirst())).containsEntry("severity", Status.OK.id());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    /** The CLI's JSON writer takes maps, lists, strings, numbers, booleans and null only. */
    private static void assertJsonValue(Object v, String path) {
        switch (v) {
            case null -> { }
            case String s -> { }
            case Number n -> { }
            case Boolean b -> { }
            case Map<?, ?> m -> m.forEach((k, x) -> {
                assertThat(k).as("key at %s", path).isInstanceOf(String.class);
                assertJsonValue(x, path + "." + k);
            });
            case List<?> l -> {
                for (int i = 0; i < l.size(); i++) {
                    assertJsonValue(l.get(i), path + "[" + i + "]");
                }
            }
            default -> throw new AssertionError("not a JSON value at " + path + ": " + v.getClass());
        }
    }
}
