package dev.goferry.install.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseCatalogTest {

    @Test
    void builtInCatalogListsOfficialHostsFirstAndTheKnownMirrors() {
        ReleaseCatalog c = ReleaseCatalog.builtIn();
        assertThat(c.indexUrls()).extracting(URI::toString).containsExactly(
                "https://go.dev/dl/?mode=json&include=all", "https://golang.google.cn/dl/?mode=json&include=all");
        assertThat(c.sources()).extracting(ReleaseSource::name)
                .containsExactly("go.dev", "dl.google.com", "golang.google.cn", "aliyun", "ustc", "nju", "hust");
        assertThat(c.sources().get(3).fileUrl("go1.22.3.linux-amd64.tar.gz"))
                .hasToString("https://mirrors.aliyun.com/golang/go1.22.3.linux-amd64.tar.gz");
    }

    @Test
    void aUserFileReplacesTheListsItDefines(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("release-sources.properties");
        Files.writeString(file, """
                source.10=second http://127.0.0.1:9/b
                source.2=first http://127.0.0.1:9/a/
                """);
        ReleaseCatalog c = ReleaseCatalog.builtIn().overriddenBy(file);
        assertThat(c.indexUrls()).as("index list kept").hasSize(2);
        assertThat(c.sources()).extracting(s -> s.name() + " " + s.base())
                .containsExactly("first http://127.0.0.1:9/a/", "second http://127.0.0.1:9/b/");
    }

    @Test
    void badEntriesAreReportedWithTheFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("c.properties");
        Files.writeString(file, "source.1=only-a-name\n");
        assertThatThrownBy(() -> ReleaseCatalog.builtIn().overriddenBy(file))
                .hasMessage(file + ": source.1 \"only-a-name\": want NAME BASE-URL");
        Files.writeString(file, "source.1=x ftp://mirror/\n");
        assertThatThrownBy(() -> ReleaseCatalog.builtIn().overriddenBy(file))
                .hasMessageContaining("release mirror \"ftp://mirror/\": not an http or https URL");
    }
}
