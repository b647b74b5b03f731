package dev.goferry.gomod.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * One table drives every property, as in x/mod's semver_test.go: input, canonical form ("" =
 * invalid). The table is in increasing order, so its order is the oracle for compare and max.
 */
class SemverTest {

    record Case(String in, String out) {}

    static final List<Case> TABLE = """
            bad             |
            v1-alpha.beta.gamma |
            v1-pre          |
            v1+meta         |
            v1-pre+meta     |
            v1.2-pre        |
            v1.2+meta       |
            v1.2-pre+meta   |
            v1.0.0-alpha    | v1.0.0-alpha
            v1.0.0-alpha.1  | v1.0.0-alpha.1
            v1.0.0-alpha.beta | v1.0.0-alpha.beta
            v1.0.0-beta     | v1.0.0-beta
            v1.0.0-beta.2   | v1.0.0-beta.2
            v1.0.0-beta.11  | v1.0.0-beta.11
            v1.0.0-rc.1     | v1.0.0-rc.1
            v1              | v1.0.0
            v1.0            | v1.0.0
            v1.0.0          | v1.0.0
            v1.2            | v1.2.0
            v1.2.0          | v1.2.0
            v1.2.3-456      | v1.2.3-456
            v1.2.3-456.789  | v1.2.3-456.789
            v1.2.3-456-789  | v1.2.3-456-789
            v1.2.3-456a     | v1.2.3-456a
            v1.2.3-pre      | v1.2.3-pre
            v1.2.3-pre+meta | v1.2.3-pre
            v1.2.3-pre.1    | v1.2.3-pre.1
            v1.2.3-zzz      | v1.2.3-zzz
            v1.2.3          | v1.2.3
            v1.2.3+meta     | v1.2.3
            v1.2.3+meta-pre | v1.2.3
            v1.2.3+meta-pre.sha.256a | v1.2.3
            """.lines().map(l -> l.split("\\|", -1)).map(p -> new Case(p[0].strip(), p[1].strip())).toList();

    static Stream<Case> table() {
        return TABLE.stream();
    }

    @ParameterizedTest
    @MethodSource("table")
    void isValidAndCanonical(Case c) {
        assertThat(Semver.isValid(c.in())).as("isValid(%s)", c.in()).isEqualTo(!c.out().isEmpty());
        assertThat(Semver.canonical(c.in())).as("canonical(%s)", c.in()).isEqualTo(c.out());
    }

    @ParameterizedTest
    @MethodSource("table")
    void partsFollowTheCanonicalForm(Case c) {
        String wantMajor = c.out().isEmpty() ? "" : c.out().substring(0, c.out().indexOf('.'));
        assertThat(Semver.major(c.in())).as("major(%s)", c.in()).isEqualTo(wantMajor);

        String wantMM = "";
        if (!c.out().isEmpty()) {
            wantMM = c.in().replaceAll("[+].*", "").replaceAll("-.*", "");
            long dots = wantMM.chars().filter(ch -> ch == '.').count();
            wantMM = dots == 0 ? wantMM + ".0" : dots == 1 ? wantMM : wantMM.substring(0, wantMM.lastIndexOf('.'));
        }
        assertThat(Semver.majorMinor(c.in())).as("majorMinor(%s)", c.in()).isEqualTo(wantMM);

        String wantPre = c.out().contains("-") ? c.out().substring(c.out().indexOf('-')) : "";
        assertThat(Semver.prerelease(c.in())).as("prerelease(%s)", c.in()).isEqualTo(wantPre);

        String wantBuild = !c.out().isEmpty() && c.in().contains("+") ? c.in().substring(c.in().indexOf('+')) : "";
        assertThat(Semver.build(c.in())).as("build(%s)", c.in()).isEqualTo(wantBuild);
    }

    @Test
    void compareAndMaxFollowTableOrder() {
        for (int i = 0; i < TABLE.size(); i++) {
            for (int j = 0; j < TABLE.size(); j++) {
                Case a = TABLE.get(i);
                Case b = TABLE.get(j);
                int want = a.out().equals(b.out()) ? 0 : i < j ? -1 : 1;
                assertThat(Semver.compare(a.in(), b.in())).as("compare(%s, %s)", a.in(), b.in()).isEqualTo(want);
                String wantMax = i < j ? Semver.canonical(b.in()) : Semver.canonical(a.in());
                assertThat(Semver.max(a.in(), b.in())).as("max(%s, %s)", a.in(), b.in()).isEqualTo(wantMax);
            }
        }
    }

    @ParameterizedTest(name = "compare({0}, {1}) = {2}")
    @CsvSource({"v1, v1, 0", "v2, v1, 1", "v1, v2, -1", "v1.19, v1.2, 1", "v1.2, v1.19, -1",
        "v1.0.0-alpha.10, v1.0.0-alpha.9, 1", "v1.0.0+a, v1.0.0+b, 0", "v10.0.0, v9.99.99, 1"})
    void compareNumbersNumerically(String v, String w, int want) {
        assertThat(Semver.compare(v, w)).isEqualTo(want);
    }

    @Test
    void sortOrdersAShuffledTableAndBreaksTiesByString() {
        List<String> versions = new ArrayList<>(TABLE.stream().map(Case::in).toList());
        Collections.shuffle(versions, new Random(42));
        List<String> sorted = Semver.sort(versions);
        for (int i = 1; i < sorted.size(); i++) {
            String a = sorted.get(i - 1);
            String b = sorted.get(i);
            int c = Semver.compare(a, b);
            assertThat(c < 0 || c == 0 && a.compareTo(b) <= 0).as("%s before %s", a, b).isTrue();
        }
        assertThat(sorted.get(0)).isEqualTo("bad"); // invalid ones first, in string order
        assertThat(sorted.get(sorted.size() - 1)).isEqualTo("v1.2.3+meta-pre.sha.256a");
    }
}
