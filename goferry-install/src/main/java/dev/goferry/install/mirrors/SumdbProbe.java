package dev.goferry.install.mirrors;

import dev.goferry.gomod.sumdb.note.Keys;
import dev.goferry.gomod.sumdb.note.Note;
import dev.goferry.gomod.sumdb.note.NoteException;
import dev.goferry.gomod.sumdb.note.Notes;
import dev.goferry.gomod.sumdb.note.Verifier;
import dev.goferry.gomod.sumdb.note.Verifiers;
import dev.goferry.gomod.sumdb.tlog.Tree;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Checks a checksum database endpoint: its {@code /latest} must be a signed tree head that
 * verifies with the configured key (x/mod's note.Open). Anything else, including a tree signed
 * by another key, is broken: {@code mirrors use} writes GOSUMDB only for endpoints that pass.
 * The tree size is its "newest", so a lagging copy shows as stale.
 */
final class SumdbProbe {

    private final ProbeHttp http;
    private final Verifier key;

    SumdbProbe(ProbeHttp http, String verifierKey) throws NoteException {
        this.http = http;
        this.key = Keys.newVerifier(verifierKey);
    }

    /**
     * {@return the latency of a second {@code /latest}}: the first request also pays for the
     * client's first connection set-up, so the quicker of the two is the endpoint's latency
     */
    private Optional<java.time.Duration> again(Mirror mirror) throws InterruptedException {
        try {
            ProbeHttp.Answer a = http.get(mirror.resolve("/latest"), Optional.empty(), 16 * 1024);
            return a.status() == 200 ? Optional.of(a.latency()) : Optional.empty();
        } catch (ProbeHttp.NoAnswer e) {
            return Optional.empty();
        }
    }

    ProbeOutcome probe(Mirror mirror) throws InterruptedException {
        ProbeHttp.Answer latest;
        try {
            latest = http.get(mirror.resolve("/latest"), Optional.empty(), 16 * 1024);
        } catch (ProbeHttp.NoAnswer e) {
            return new ProbeOutcome.Unreachable(e.getMessage());
        }
        if (latest.status() != 200) {
            return new ProbeOutcome.Broken(Optional.of(latest.latency()), "latest: HTTP " + latest.status());
        }
        if (latest.html()) {
            return new ProbeOutcome.Broken(Optional.of(latest.latency()), "latest: served an HTML page with status 200, not a signed tree head");
        }
        try {
            Note note = Notes.open(latest.body(), Verifiers.of(key));
            Tree tree = Tree.parse(note.text().getBytes(StandardCharsets.UTF_8));
            return new ProbeOutcome.Answered(again(mirror).filter(d -> d.compareTo(latest.latency()) < 0).orElse(latest.latency()),
                    Long.toString(tree.n()), OptionalDouble.empty(), Optional.empty());
        } catch (NoteException.UnverifiedNote e) {
            return new ProbeOutcome.Broken(Optional.of(latest.latency()),
                    "latest: signed tree head not signed by " + key.name() + "'s key (" + e.getMessage() + ")");
        } catch (NoteException e) {
            return new ProbeOutcome.Broken(Optional.of(latest.latency()), "latest: signed tree head does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            return new ProbeOutcome.Broken(Optional.of(latest.latency()), "latest: malformed tree: " + e.getMessage());
        }
    }
}
