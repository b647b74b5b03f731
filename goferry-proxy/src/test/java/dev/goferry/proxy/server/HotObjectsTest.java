package dev.goferry.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory of served immutable objects stays within its budgets and holds only what it was told the file is. */
class HotObjectsTest {

    @TempDir
    Path dir;

    private Path file(String name, int size) throws Exception {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (name.hashCode() + i);
        }
        return Files.write(dir.resolve(name), b);
    }

    private static Optional<HotObjects.Entry> load(HotObjects hot, String key, Path file, long size) throws Exception {
        return hot.load(key, file, size, "\"e\"", "application/json", "immutable", "info");
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void heldBodiesAreTheFilesBytesSmallOrMapped() throws Exception {
        HotObjects hot = new HotObjects(1000, 100, 10_000, 5000);
        Path small = file("small", 60);
        Path big = file("big", 4000);
        assertThat(bytes(load(hot, "/s", small, 60).orElseThrow().body())).isEqualTo(Files.readAllBytes(small));
        assertThat(bytes(load(hot, "/b", big, 4000).orElseThrow().body())).isEqualTo(Files.readAllBytes(big));
        HotObjects.Entry again = hot.get("/b").orElseThrow();
        assertThat(bytes(again.body())).as("every response gets its own view of the body").isEqualTo(bytes(again.body()));
        assertThat(again.contentLength().getValue()).isEqualTo("4000");
    }

    @Test
    void notHeldWhenTooBigOrNotAsStored() throws Exception {
        HotObjects hot = new HotObjects(1000, 100, 10_000, 5000);
        assertThat(load(hot, "/huge", file("huge", 6000), 6000)).as("bigger than the largest mapping").isEmpty();
        assertThat(load(hot, "/changed", file("changed", 50), 60)).as("size differs from the stored object's").isEmpty();
        assertThat(load(HotObjects.none(), "/s", file("s", 10), 10)).as("a memory that holds nothing").isEmpty();
        assertThat(hot.size()).isZero();
    }

    @Test
    void budgetsDropTheLeastRecentlyUsed() throws Exception {
        HotObjects hot = new HotObjects(130, 50, 300, 200);
        load(hot, "/keep", file("keep", 40), 40);
        for (int i = 0; i < 10; i++) {
            hot.get("/keep"); // used more recently than every other entry
            load(hot, "/s" + i, file("s" + i, 40), 40);
            assertThat(hot.size()).as("small objects held after %d loads (40 B each, budget 130 B)", i + 2).isLessThanOrEqualTo(3);
        }
        assertThat(hot.get("/keep")).as("the most recently used small object").isPresent();
        for (int i = 0; i < 5; i++) {
            load(hot, "/m" + i, file("m" + i, 150), 150);
        }
        assertThat(hot.get("/m4")).as("the newest mapping").isPresent();
        assertThat(hot.get("/m0")).as("the oldest mapping, past the 300 B budget").isEmpty();
    }
}
