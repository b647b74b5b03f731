package dev.goferry.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The real Go clients the conformance tests run against: Debian's Go 1.19 and a newer one that
 * {@code scripts/fetch-go-clients} unpacks under {@code /opt/goferry-lab} (override the search with
 * {@code GOFERRY_GO_ROOTS}, a colon-separated list of GOROOTs). {@code .ci/run} installs both;
 * elsewhere a test that needs a missing client is skipped with a message saying how to get it.
 */
public final class GoClients {

    private static final List<GoClient> FOUND = discover();

    private GoClients() {}

    /** {@return every client found, oldest first} */
    public static List<GoClient> all() {
        Assumptions.assumeFalse(FOUND.isEmpty(),
                "no Go client found: run 'sudo bash scripts/fetch-go-clients' (installs golang-go and a newer Go)");
        return FOUND;
    }

    /**
     * {@return every case with every client, as {@code (client, case)} arguments}: the rows of a
     * parameterized conformance test that runs each case against each real go.
     */
    public static Stream<Arguments> withEach(Collection<?> cases) {
        return all().stream().flatMap(client -> cases.stream().map(c -> Arguments.of(client, c)));
    }

    /** {@return the oldest client (Go 1.19 on Debian 12)} */
    public static GoClient oldest() {
        return all().get(0);
    }

    /** {@return the newest client, which must be Go 1.21 or newer (it has GOROOT/go.env)} */
    public static GoClient newest() {
        GoClient newest = all().get(all().size() - 1);
        Assumptions.assumeTrue(newest.minor() >= 21,
                "no Go 1.21+ client found: run 'sudo bash scripts/fetch-go-clients'");
        return newest;
    }

    private static List<GoClient> discover() {
        List<Path> roots = new ArrayList<>();
        String configured = System.getenv("GOFERRY_GO_ROOTS");
        if (configured != null && !configured.isBlank()) {
            for (String root : configured.split(":")) {
                roots.add(Path.of(root));
            }
        } else {
            roots.add(Path.of("/usr/lib/go-1.19"));
            try (Stream<Path> lab = Files.list(Path.of("/opt/goferry-lab"))) {
                lab.filter(p -> p.getFileName().toString().startsWith("go1."))
                        .forEach(p -> findGoroot(p).ifPresent(roots::add));
            } catch (IOException e) {
                // no lab clients installed
            }
        }
        List<GoClient> clients = new ArrayList<>();
        for (Path root : roots) {
            Path version = root.resolve("VERSION");
            if (Files.isExecutable(root.resolve("bin/go")) && Files.isRegularFile(version)) {
                try {
                    String v = Files.readAllLines(version).get(0).trim();
                    clients.add(new GoClient(v, root.toRealPath()));
                } catch (IOException e) {
                    // unreadable: not a usable client
                }
            }
        }
        clients.sort((a, b) -> Integer.compare(a.minor(), b.minor()));
        return List.copyOf(clients);
    }

    /** A dpkg -x tree holds GOROOT at usr/lib/go-1.N. */
    private static Optional<Path> findGoroot(Path unpacked) {
        try (Stream<Path> lib = Files.list(unpacked.resolve("usr/lib"))) {
            return lib.filter(p -> p.getFileName().toString().startsWith("go-1.")).findFirst();
        } catch (IOException e) {
            return Files.isDirectory(unpacked.resolve("bin")) ? Optional.of(unpacked) : Optional.empty();
        }
    }
}
