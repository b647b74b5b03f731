package dev.goferry.install.mirrors;

import dev.goferry.install.download.ArchiveMagic;
import dev.goferry.install.index.ReleaseFile;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a release mirror against the trusted index: the newest release's archive for this
 * platform must be there with the index's size (from Content-Range or Content-Length) and start
 * like the archive (gzip or zip magic: catches HTML served as 200). A mirror without it that has
 * the previous release is stale; the first bounded sample of the archive gives the throughput.
 */
final class ReleaseProbe {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final ProbeHttp http;
    private final ReleaseFile newest;
    private final Optional<ReleaseFile> previous;
    private final int sampleBytes;

    ReleaseProbe(ProbeHttp http, ReleaseFile newest, Optional<ReleaseFile> previous, int sampleBytes) {
        this.http = http;
        this.newest = newest;
        this.previous = previous;
        this.sampleBytes = sampleBytes;
    }

    /** One archive's check. */
    private sealed interface Check permits Served, Missing, Failed {}

    private record Served(Duration latency, OptionalDouble throughput) implements Check {}

    private record Missing(Duration latency, int status) implements Check {}

    private record Failed(ProbeOutcome outcome) implements Check {}

    ProbeOutcome probe(Mirror mirror) throws InterruptedException {
        Check first = check(mirror, newest);
        return switch (first) {
            case Served s -> new ProbeOutcome.Answered(s.latency(), newest.version(), s.throughput(), Optional.empty());
            case Failed f -> f.outcome();
            case Missing m when previous.isPresent() -> switch (check(mirror, previous.get())) {
                case Served s -> new ProbeOutcome.Answered(m.latency(), previous.get().version(), s.throughput(),
                        Optional.of("no " + newest.filename() + " (HTTP " + m.status() + ")"));
                case Missing again -> new ProbeOutcome.Broken(Optional.of(m.latency()),
                        newest.filename() + ": HTTP " + m.status() + "; " + previous.get().filename() + ": HTTP " + again.status());
                case Failed f -> f.outcome();
            };
            case Missing m -> new ProbeOutcome.Broken(Optional.of(m.latency()), newest.filename() + ": HTTP " + m.status());
        };
    }

    private Check check(Mirror mirror, ReleaseFile file) throws InterruptedException {
        ProbeHttp.Answer a;
        try {
            a = http.get(mirror.resolve(file.filename()), Optional.of("bytes=0-" + (sampleBytes - 1)), sampleBytes);
        } catch (ProbeHttp.NoAnswer e) {
            return new Failed(new ProbeOutcome.Unreachable(e.getMessage()));
        }
        Optional<Duration> latency = Optional.of(a.latency());
        String name = file.filename();
        if (a.status() == 404 || a.status() == 410) {
            return new Missing(a.latency(), a.status());
        }
        if (a.status() != 200 && a.status() != 206) {
            return new Failed(new ProbeOutcome.Broken(latency, name + ": HTTP " + a.status()));
        }
        if (a.html()) {
            return new Failed(new ProbeOutcome.Broken(latency, name + ": served an HTML page with status " + a.status() + ", not the archive"));
        }
        long total = -1;
        if (a.status() == 206) {
            Matcher m = CONTENT_RANGE.matcher(a.contentRange().orElse(""));
            if (m.matches() && !m.group(3).equals("*")) {
                total = Long.parseLong(m.group(3));
            }
        } else {
            total = a.contentLength().orElse(-1);
        }
        if (file.size() > 0 && total >= 0 && total != file.size()) {
            return new Failed(new ProbeOutcome.Broken(latency, name + ": serves " + total + " bytes, the index says " + file.size()));
        }
        Optional<String> bad = ArchiveMagic.mismatch(name, a.body(), a.body().length);
        if (bad.isPresent()) {
            return new Failed(new ProbeOutcome.Broken(latency, name + ": " + bad.get()));
        }
        return new Served(a.latency(), GoproxyProbe.Throughput.of(a.body().length, a.transfer()));
    }
}
