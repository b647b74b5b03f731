package dev.goferry.gomod.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goferry.gomod.sumdb.note.NoteException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server side reproduces sumdb-vectors.txt byte for byte: the x/mod test key signing the
 * 5-record log gives the same {@code /latest}, lookup response, hash tile and data tile.
 */
class ServerVectorsTest {

    static final String SKEY = "PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk";
    static final String VKEY = "localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6";
    static final String NOTE = "go.sum database tree\n5\nMeHw8hsl2DAOSJ8RfdhmspI4Dd8f6+5JRGh6M2H8Rus=\n\n"
            + "\u2014 localhost.localdev/sumdb AAAMZ3N5gHYlwOTenYS3J2JezAoyqnqdJ+MhMLyrtiTNFcBhMHMkml5zLMEreBIgCpjDLyyQuDESwSV1oDRQGWEVPwU=\n";

    static MemoryLog vectorLog() throws NoteException {
        MemoryLog log = new MemoryLog(SKEY);
        log.add(new MemoryLog.Entry("rsc.io/quote", "v1.5.2", "h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=", "h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0="));
        log.add(new MemoryLog.Entry("golang.org/x/text", "v0.0.0-20170915032832-14c0d48ead0c", "h1:qgOY6WgZOaTkIIMiVjBQcw93ERBE4m30iBm00nkL0i8=", "h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ="));
        log.add(new MemoryLog.Entry("rsc.io/sampler", "v1.3.0", "h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=", "h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA="));
        log.add(new MemoryLog.Entry("github.com/google/uuid", "v1.6.0", "h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=", "h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo="));
        log.add(new MemoryLog.Entry("github.com/pkg/errors", "v0.9.1", "h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=", "h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0="));
        return log;
    }

    static String text(SumDbServer.Reply r) {
        assertThat(r.status()).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheVectorsExactly() throws NoteException {
        SumDbServer s = new SumDbServer(vectorLog());
        assertThat(text(s.serve("/latest"))).as("/latest").isEqualTo(NOTE);
        assertThat(text(s.serve("/lookup/rsc.io/sampler@v1.3.0"))).as("lookup").isEqualTo(
                "2\nrsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=\nrsc.io/sampler v1.3.0/go.mod h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=\n\n"
                        + NOTE);
        assertThat(Base64.getEncoder().encodeToString(s.serve("/tile/8/0/000.p/5").body())).as("tile/8/0/000.p/5").isEqualTo(
                "YIbrIfbx/MNcPidoYOgRXWdOys26yALyiA3vKAesRjw5XJwrNthSb7sBRlcRHt8yshYFSnvTYiq61jKEVDUeeKPJua65Z50V24RAT/V/M5D9nc6nn3PfJiqkjH+7dYoPP6nS0/+haFtPXDHudaMEI6wZ1MXpaHDgWR73Kphr7UUbGyScpF8xdfgiu3tQm2OvlhuJPEmlYSgmQK+hofk3hA==");
        assertThat(text(s.serve("/tile/8/data/000.p/5"))).as("tile/8/data/000.p/5").isEqualTo(
                "rsc.io/quote v1.5.2 h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=\nrsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=\n\n"
                        + "golang.org/x/text v0.0.0-20170915032832-14c0d48ead0c h1:qgOY6WgZOaTkIIMiVjBQcw93ERBE4m30iBm00nkL0i8=\ngolang.org/x/text v0.0.0-20170915032832-14c0d48ead0c/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\n\n"
                        + "rsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=\nrsc.io/sampler v1.3.0/go.mod h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=\n\n"
                        + "github.com/google/uuid v1.6.0 h1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=\ngithub.com/google/uuid v1.6.0/go.mod h1:TIyPZe4MgqvfeYDBFedMoGGpEw/LqOeaOT+nhxU+yHo=\n\n"
                        + "github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\ngithub.com/pkg/errors v0.9.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=\n\n");
    }

    @Test
    void clientVerifiesTheVectorLog() throws NoteException {
        SumDbServer s = new SumDbServer(vectorLog());
        SumDbClient c = SumDbClient.of(VKEY, path -> s.serve(path).body());
        LookupResult r = c.lookup("rsc.io/sampler", "v1.3.0");
        assertThat(r).isEqualTo(new LookupResult.Verified(
                java.util.List.of("rsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4="), 2, vectorLog().tree()));
        assertThat(new String(c.latestNote().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(NOTE);
    }

    @Test
    void testModuleHashMatchesTheDirhashVectors() {
        byte[] empty = new byte[0];
        assertThat(TestModule.h1(Map.of("go.mod", empty))).isEqualTo("h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=");
        assertThat(TestModule.h1(Map.of("go.mod", "module github.com/pkg/errors\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=");
        assertThat(TestModule.h1(Map.of())).isEqualTo("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        byte[] pkg = "package a\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TestModule.h1(Map.of("example.com/m@v1.0.0/go.mod", "module example.com/m\n".getBytes(StandardCharsets.UTF_8),
                "example.com/m@v1.0.0/a.go", pkg, "example.com/m@v1.0.0/B.go", pkg)))
                .isEqualTo("h1:qUOGIUr0iqoOREGy5lhk2MfOJ7mmKK3tLKhFHrPYGuY=");
    }
}
