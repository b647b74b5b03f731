package dev.goferry.gomod.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** GOROOT and the Go version from a go found on PATH, symbolic links resolved as cmd/go's findGOROOT does. */
class GorootDiscoveryTest {

    /** A file system with /usr/bin/go -> /usr/lib/go-1.19/bin/go (Debian's layout). */
    static final LocalFiles DEBIAN = new LocalFiles() {
        final Set<String> executables = Set.of("/usr/bin/go", "/usr/lib/go-1.19/bin/go");

        @Override
        public Optional<String> read(String path) {
            return path.equals("/usr/lib/go-1.19/VERSION") ? Optional.of("go1.19.8\n") : Optional.empty();
        }

        @Override
        public boolean isExecutable(String path) {
            return executables.contains(path);
        }

        @Override
        public boolean isDirectory(String path) {
            return path.equals("/usr/lib/go-1.19/pkg/tool");
        }

        @Override
        public Optional<String> realPath(String path) {
            return path.equals("/usr/bin/go") ? Optional.of("/usr/lib/go-1.19/bin/go") : Optional.of(path);
        }
    };

    @Test
    void symlinkedGoBinaryGivesItsGoroot() {
        GoSettings s = GoSettings.resolve(Map.of("PATH", "/usr/local/bin:/usr/bin", "HOME", "/home/u"), GoOs.LINUX, DEBIAN);
        assertThat(s.go()).isEqualTo(new GoInstallation("go1.19.8", Optional.of("/usr/lib/go-1.19"), false));
        assertThat(s.get("GOROOT")).isEqualTo(new Setting("GOROOT", "/usr/lib/go-1.19",
                new SettingSource.Discovered("/usr/bin/go")));
        assertThat(s.get("GOPROXY").source()).isEqualTo(new SettingSource.Default("go1.19.8", false));
        assertThat(s.get("GOTOOLCHAIN").source()).isEqualTo(new SettingSource.NotInThisVersion("go1.19.8"));
    }

    @Test
    void gorootFromTheEnvironmentIsCleaned() {
        GoSettings s = GoSettings.resolve(Map.of("GOROOT", "/usr/lib/go-1.19/", "HOME", "/home/u"), GoOs.LINUX, DEBIAN);
        assertThat(s.value("GOROOT")).isEqualTo("/usr/lib/go-1.19");
        assertThat(s.go().version()).isEqualTo("go1.19.8");
    }

    @Test
    void theRealUsrBinGo() {
        Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/usr/bin/go")), "no /usr/bin/go symbolic link here");
        GoSettings s = GoSettings.resolve(Map.of("PATH", "/usr/bin", "HOME", "/home/u"), GoOs.LINUX, LocalFiles.SYSTEM);
        assertThat(s.go().assumed()).isFalse();
        assertThat(s.get("GOROOT").source()).isEqualTo(new SettingSource.Discovered("/usr/bin/go"));
        assertThat(Path.of(s.value("GOROOT")).resolve("bin/go")).exists();
    }
}
