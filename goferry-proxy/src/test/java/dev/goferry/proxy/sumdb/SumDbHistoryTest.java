package dev.goferry.proxy.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.dirhash.Dirhash;
import dev.goferry.gomod.sumdb.MemoryLog;
import dev.goferry.gomod.sumdb.SumDbServer;
import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.proxy.Lab;
import dev.goferry.testkit.ModuleStore;
import dev.goferry.testkit.RecordingServer;
import dev.goferry.testkit.sumdb.TestSumDb;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * goferry remembers the newest signed tree it verified in the data folder: after a restart, a
 * database that rewrote its history (a fork that still signs with the right key) is caught by the
 * consistency check and nothing it vouches for is stored. Also: /sumdb/ paths goferry does not
 * serve get 404.
 */
class SumDbHistoryTest {

    private static final String NAME = "sum.goferry.test";
    private static final Keys.KeyStrings KEY = Keys.generate(NAME, new SecureRandom());

    private static MemoryLog.Entry entry(ModuleStore.ModuleVersion m) {
        return new MemoryLog.Entry(m.path(), m.version(), "h1:unused=", Dirhash.hashGoMod(m.mod()));
    }

    private static List<MemoryLog.Entry> fillers(String tag, int count) {
        List<MemoryLog.Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new MemoryLog.Entry("example.com/" + tag + i, "v0.1.0", "h1:a" + i + "=", "h1:b" + i + "="));
        }
        return out;
    }

    @Test
    void aForkedDatabaseIsCaughtAfterARestart(@TempDir Path scratch) throws Exception {
        ModuleStore store = new ModuleStore().add("example.com/first", "v1.0.0").add("example.com/second", "v1.0.0");
        ModuleStore.ModuleVersion first = store.find("example.com/first", "v1.0.0").orElseThrow();
        ModuleStore.ModuleVersion second = store.find("example.com/second", "v1.0.0").orElseThrow();
        Path data = Files.createDirectories(scratch.resolve("data"));

        MemoryLog honest = new MemoryLog(KEY.signerKey());
        honest.addAll(fillers("filler", 300));
        honest.add(entry(first));
        MemoryLog forked = new MemoryLog(KEY.signerKey());
        List<MemoryLog.Entry> rewritten = fillers("filler", 300);
        rewritten.set(10, new MemoryLog.Entry("example.com/forged", "v0.1.0", "h1:x=", "h1:y="));
        forked.addAll(rewritten);
        forked.add(entry(first));
        forked.add(entry(second));

        try (RecordingServer upstream = RecordingServer.builder().serve("p", store).start()) {
            try (TestSumDb db = TestSumDb.start("", new SumDbServer(honest)::write);
                 Lab.Running goferry = Lab.start(data, upstream.url("p"), Map.of("sumdb", KEY.verifierKey() + " " + db.url()))) {
                HttpResponse<byte[]> r = Lab.get(goferry.url(), "/example.com/first/@v/v1.0.0.mod");
                assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                assertThat(Lab.get(goferry.url(), "/sumdb/" + NAME + "/supported").statusCode()).isEqualTo(200);
                assertThat(Lab.get(goferry.url(), "/sumdb/other.example/supported").statusCode())
                        .as("a database goferry is not configured with").isEqualTo(404);
                assertThat(Lab.get(goferry.url(), "/sumdb/" + NAME + "/nonsense").statusCode()).isEqualTo(404);
            }
            assertThat(data.resolve("sumdb/" + NAME + "/latest")).content().startsWith("go.sum database tree\n301\n");
            // Only the remembered tree may catch the fork: drop any cached (honest) tiles.
            Files.createDirectories(data.resolve("sumdb/" + NAME + "/tile"));
            try (var files = Files.walk(data.resolve("sumdb/" + NAME + "/tile"))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }

            try (TestSumDb db = TestSumDb.start("", new SumDbServer(forked)::write);
                 Lab.Running goferry = Lab.start(data, upstream.url("p"), Map.of("sumdb", KEY.verifierKey() + " " + db.url()))) {
                HttpResponse<byte[]> r = Lab.get(goferry.url(), "/example.com/second/@v/v1.0.0.mod");
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertThat(r.statusCode()).as(body).isEqualTo(502);
                assertThat(body).contains("SECURITY ERROR").contains("go.sum database server misbehavior detected!");
                assertThat(data.resolve("example.com/second/@v/v1.0.0.mod")).doesNotExist();
                assertThat(goferry.security()).anyMatch(l -> l.contains("refused example.com/second/@v/v1.0.0.mod"));
            }
        }
    }
}
