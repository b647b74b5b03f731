package dev.goferry.install.mirrors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goferry.gomod.env.SumDbSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MirrorCatalogTest {

    static Stream<Arguments> builtIn() {
        return Stream.of(
                Arguments.of(MirrorKind.GOPROXY, "goproxy.cn", "https://goproxy.cn"),
                Arguments.of(MirrorKind.GOPROXY, "aliyun", "https://mirrors.aliyun.com/goproxy"),
                Arguments.of(MirrorKind.GOPROXY, "huaweicloud", "https://repo.huaweicloud.com/repository/goproxy"),
                Arguments.of(MirrorKind.SUMDB, "sum.golang.google.cn", "https://sum.golang.google.cn"),
                Arguments.of(MirrorKind.SUMDB, "goproxy.cn", "https://goproxy.cn/sumdb/sum.golang.org"),
                Arguments.of(MirrorKind.RELEASE, "ustc", "https://mirrors.ustc.edu.cn/golang/"),
                Arguments.of(MirrorKind.RELEASE, "go.dev", "https://go.dev/dl/"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("builtIn")
    void theBuiltInCatalogNamesTheWellKnownMirrors(MirrorKind kind, String name, String url) {
        assertThat(MirrorCatalog.builtIn().find(kind, name)).as("%s %s", kind, name)
                .hasValueSatisfying(m -> assertThat(m.url()).hasToString(url));
    }

    @Test
    void theBuiltInKeyIsGosOwn() {
        assertThat(MirrorCatalog.builtIn().sumdbKey()).isEqualTo(SumDbSetting.SUM_GOLANG_ORG_KEY);
        assertThat(MirrorCatalog.builtIn().of(MirrorKind.GOPROXY)).hasSize(6);
    }

    @Test
    void aFileReplacesOnlyWhatItDefines(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "goproxy.1=lab http://127.0.0.1:1/\nreference.module=example.com/ref\n");
        MirrorCatalog c = MirrorCatalog.builtIn().overriddenBy(file);
        assertThat(c.of(MirrorKind.GOPROXY)).singleElement().satisfies(m -> assertThat(m.url()).hasToString("http://127.0.0.1:1"));
        assertThat(c.of(MirrorKind.SUMDB)).hasSize(6);
        assertThat(c.referenceModule()).isEqualTo("example.com/ref");
        assertThat(c.sumdbKey()).isEqualTo(SumDbSetting.SUM_GOLANG_ORG_KEY);
    }

    @Test
    void malformedLinesAreRefusedWithThePlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "sumdb.1=only-a-name\n");
        assertThatThrownBy(() -> MirrorCatalog.builtIn().overriddenBy(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("sumdb.1 \"only-a-name\": want NAME URL");
        Files.writeString(file, "goproxy.1=a ftp://x\n");
        assertThatThrownBy(() -> MirrorCatalog.builtIn().overriddenBy(file)).hasMessageContaining("not an http or https URL");
    }
}
