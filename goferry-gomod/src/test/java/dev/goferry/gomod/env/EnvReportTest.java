package dev.goferry.gomod.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.gomod.sumdb.note.Verifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which warnings and errors each configuration raises (no Go needed: the latest Go is assumed). */
class EnvReportTest {

    /** No go on PATH, no files: goferry assumes the latest Go with its standard go.env. */
    static final LocalFiles NOTHING = new LocalFiles() {
        @Override
        public Optional<String> read(String path) {
            return Optional.empty();
        }

        @Override
        public boolean isExecutable(String path) {
            return false;
        }

        @Override
        public boolean isDirectory(String path) {
            return false;
        }

        @Override
        public Optional<String> realPath(String path) {
            return Optional.empty();
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            defaults ; ; ;
            GOSUMDB off ; GOSUMDB=off ; gosumdb-off ;
            GONOSUMDB covers github.com ; GONOSUMDB=github.com ; nosumdb-public ;
            GOPRIVATE * bypasses proxy and sumdb ; GOPRIVATE=* ; noproxy-public nosumdb-public ;
            GONOSUMDB * ; GONOSUMDB=* ; nosumdb-public ;
            GONOPROXY github.com ; GONOPROXY=github.com ; noproxy-public ;
            private hosts only ; GOPRIVATE=*.corp.example.com ; ;
            GOINSECURE covers gopkg.in ; GOINSECURE=gopkg.in ; insecure-public ;
            GOPROXY off ; GOPROXY=off ; goproxy-off ;
            no direct ; GOPROXY=https://goproxy.cn ; no-direct ;
            comma between proxies ; GOPROXY=https://a.example,https://b.example,direct ; comma-fallback ;
            pipe between proxies ; GOPROXY=https://a.example|https://b.example,direct ; ;
            space in GOPRIVATE ; GOPRIVATE=a.example.com, b.example.com ; pattern-space-quote ;
            quotes in GONOPROXY ; GONOPROXY="corp.example.com" ; pattern-space-quote ;
            GOFLAGS -insecure ; GOFLAGS=-insecure ; goflags-insecure ;
            GOFLAGS -mod=vendor ; GOFLAGS=-mod=vendor -x ; goflags-mod-vendor ;
            GOFLAGS -mod=mod ; GOFLAGS=-mod=mod -modcacherw ; ;
            sumdb name without key ; GOSUMDB=sum.example.com ; sumdb-name-without-key ; GOSUMDB
            bad GOPROXY ; GOPROXY=ftp://x ; ; GOPROXY
            bad GOVCS ; GOVCS=bad ; ; GOVCS
            bad GOFLAGS ; GOFLAGS=mod=mod ; ; GOFLAGS
            bad GOTOOLCHAIN ; GOTOOLCHAIN=latest ; ; GOTOOLCHAIN
            bad GOAUTH ; GOAUTH=git relative/dir ; ; GOAUTH
            """)
    void findings(String name, String assignment, String warning, String errorKey) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/u", "PATH", "/nowhere"));
        if (assignment != null) {
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        GoSettings settings = GoSettings.resolve(env, GoOs.LINUX, NOTHING);
        EnvReport report = EnvReport.of(settings, GoOs.LINUX);
        assertThat(report.warnings()).extracting(EnvFinding.Warning::id).as("warnings for %s", name)
                .isEqualTo(warning == null ? List.of() : List.of(warning.split(" ")));
        assertThat(report.errors()).extracting(EnvFinding.Error::key).as("errors for %s", name)
                .isEqualTo(errorKey == null ? List.of() : List.of(errorKey));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            LINUX ; HOME=/home/u ; /home/u/.config/go/env
            LINUX ; XDG_CONFIG_HOME=/x/ ; /x/go/env
            DARWIN ; HOME=/Users/u ; /Users/u/Library/Application Support/go/env
            WINDOWS ; AppData=C:\\Users\\u\\AppData\\Roaming ; C:\\Users\\u\\AppData\\Roaming\\go\\env
            """)
    void userFileLocation(GoOs os, String assignment, String want) {
        int eq = assignment.indexOf('=');
        EnvFile.Location location = EnvFile.locate(Map.of(assignment.substring(0, eq), assignment.substring(eq + 1)), os, 24);
        assertThat(location.path()).contains(want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            -mod=mod -x ; mod ; false ; true
            `'-mod=vendor' --modcacherw` ; vendor ; true ; false
            -x=false -modcacherw=false ; ; false ; false
            """)
    void goflagsOfInterest(String goflags, String mod, boolean modCacheRw, boolean trace) {
        GoFlags flags = GoFlags.parse(goflags);
        assertThat(flags.error()).isEmpty();
        assertThat(flags.mod()).isEqualTo(Optional.ofNullable(mod));
        assertThat(flags.modCacheRw()).as("modcacherw of %s", goflags).isEqualTo(modCacheRw);
        assertThat(flags.trace()).as("-x of %s", goflags).isEqualTo(trace);
    }

    @org.junit.jupiter.api.Test
    void withoutGoTheLatestDefaultsAreAssumedAndSaidSo() {
        GoSettings settings = GoSettings.resolve(Map.of("HOME", "/home/u"), GoOs.LINUX, NOTHING);
        assertThat(settings.go().assumed()).isTrue();
        assertThat(settings.get("GOPROXY")).isEqualTo(new Setting("GOPROXY", "https://proxy.golang.org,direct",
                new SettingSource.Default(GoInstallation.LATEST, true)));
        assertThat(settings.value("GOTOOLCHAIN")).isEqualTo("auto");
        assertThat(settings.value("GOAUTH")).isEqualTo("netrc");
        assertThat(settings.value("GOMODCACHE")).isEqualTo("/home/u/go/pkg/mod");
    }

    @org.junit.jupiter.api.Test
    void theBuiltInSumGolangOrgKeyIsAValidVerifierKey() throws NoteException {
        Verifier key = Keys.newVerifier(SumDbSetting.SUM_GOLANG_ORG_KEY);
        assertThat(key.name()).isEqualTo("sum.golang.org");
        String vkey = SumDbSetting.SUM_GOLANG_ORG_KEY;
        // name+hash+base64: the base64 text may itself hold '+'
        byte[] algAndKey = java.util.Base64.getDecoder().decode(vkey.substring(vkey.indexOf('+', vkey.indexOf('+') + 1) + 1));
        byte[] publicKey = java.util.Arrays.copyOfRange(algAndKey, 1, algAndKey.length);
        assertThat(publicKey).hasSize(32);
        assertThat(Keys.ed25519VerifierKey("sum.golang.org", publicKey)).isEqualTo(SumDbSetting.SUM_GOLANG_ORG_KEY);
        assertThat(SumDbSetting.parse("sum.golang.google.cn")).isEqualTo(new SumDbSetting.Database("sum.golang.org",
                SumDbSetting.SUM_GOLANG_ORG_KEY, Optional.of("https://sum.golang.google.cn"), true));
    }
}
