package dev.goferry.doctor.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Safety#veto}: what {@code --fix} must never write, whoever proposed it. */
class SafetyTest {

    @ParameterizedTest(name = "{0}={1} (now \"{2}\")")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GOSUMDB    | off                                        |                    | fix.unsafe.gosumdb-off
            GOSUMDB    | ' off '                                    |                    | fix.unsafe.gosumdb-off
            GOSUMDB    | sum.golang.google.cn                       |                    | -
            GOSUMDB    | sum.golang.org https://sum.golang.google.cn|                    | -
            GOSUMDB    | sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8 https://m.example | | -
            GOSUMDB    | sum.example.com+1234abcd+AAAA              |                    | fix.unsafe.gosumdb-key
            GOINSECURE | proxy.example.com                          |                    | fix.unsafe.goinsecure
            GOINSECURE | ''                                         |                    | -
            GOFLAGS    | -mod=mod -insecure                         |                    | fix.unsafe.goflags-insecure
            GOFLAGS    | -insecure=true                             |                    | fix.unsafe.goflags-insecure
            GOFLAGS    | -mod=mod                                   |                    | -
            GONOSUMDB  | github.com/acme                            |                    | fix.unsafe.public-nosumdb
            GONOSUMDB  | *                                          |                    | fix.unsafe.public-nosumdb
            GONOSUMDB  | *.com                                      |                    | fix.unsafe.public-nosumdb
            GONOSUMDB  | *.org/x                                    |                    | fix.unsafe.public-nosumdb
            GONOSUMDB  | git.corp.internal                          |                    | -
            GOPRIVATE  | git.corp.internal,golang.org/x             |                    | fix.unsafe.public-nosumdb
            GOPRIVATE  | git.corp.internal                          |                    | -
            GOPRIVATE  | github.com/acme,git.corp.internal          | github.com/acme    | -
            GOPRIVATE  | corp                                       |                    | fix.unsafe.public-nosumdb
            GOPROXY    | https://goproxy.cn,direct                  |                    | -
            GONOPROXY  | github.com                                 |                    | -
            """)
    void veto(String variable, String value, String current, String want) {
        Optional<String> got = Safety.veto(variable, value, current == null ? "" : current);

        assertThat(got).as("veto(%s, %s, %s)", variable, value, current).isEqualTo(Optional.ofNullable(want));
    }
}
