package dev.goferry.install.mirrors;

import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.semver.Semver;
import dev.goferry.install.index.Release;
import dev.goferry.install.toolchain.ToolchainModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a GOPROXY mirror the way the go command would use it: the reference module's
 * {@code @v/list} must be a list of valid versions (an HTML page with status 200 is broken, not
 * "reachable"), the newest one's {@code .info} must name that version, and a bounded sample of its
 * {@code .zip} (which must start like a zip) gives the throughput. Then, for {@code goferry install
 * --goproxy}, which Go release it serves as the {@code golang.org/toolchain} module for the platform
 * (a proxy that does not serve it still works for modules: this is a fact, not a verdict).
 */
final class GoproxyProbe {

    private static final Pattern INFO_VERSION = Pattern.compile("\"Version\"\\s*:\\s*\"([^\"]*)\"");
    private static final int SMALL = 64 * 1024;
    /** golang.org/toolchain's list has a line per release and platform: about 100 KiB in 2026. */
    private static final int TOOLCHAIN_LIST = 2 << 20;

    private final ProbeHttp http;
    private final String module;
    private final ProbeSettings settings;

    GoproxyProbe(ProbeHttp http, String module, ProbeSettings settings) {
        this.http = http;
        this.module = module;
        this.settings = settings;
    }

    ProbeOutcome probe(Mirror mirror) throws InterruptedException {
        String base = "/" + Escaping.escapePath(module) + "/@v/";
        ProbeHttp.Answer list;
        try {
            list = http.get(mirror.resolve(base + "list"), Optional.empty(), SMALL);
        } catch (ProbeHttp.NoAnswer e) {
            return new ProbeOutcome.Unreachable(e.getMessage());
        }
        Optional<Duration> latency = Optional.of(list.latency());
        if (list.status() != 200) {
            return new ProbeOutcome.Broken(latency, module + "/@v/list: HTTP " + list.status());
        }
        if (list.html()) {
            return new ProbeOutcome.Broken(latency, module + "/@v/list: served an HTML page with status 200, not a version list");
        }
        List<String> versions = new String(list.body(), StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]).toList();
        Optional<String> bad = versions.stream().filter(v -> !Semver.isValid(v)).findFirst();
        if (versions.isEmpty() || bad.isPresent()) {
            return new ProbeOutcome.Broken(latency, module + "/@v/list: not a version list"
                    + bad.map(b -> " (\"" + abbreviate(b) + "\" is not a version)").orElse(" (empty)"));
        }
        String newest = Semver.sort(versions).getLast();
        String escaped = Escaping.escapeVersion(newest);
        try {
            ProbeHttp.Answer info = http.get(mirror.resolve(base + escaped + ".info"), Optional.empty(), SMALL);
            Matcher m = INFO_VERSION.matcher(new String(info.body(), StandardCharsets.UTF_8));
            if (info.status() != 200 || info.html() || !m.find() || !m.group(1).equals(newest)) {
                return new ProbeOutcome.Broken(latency, module + "@" + newest + ".info: "
                        + (info.status() != 200 ? "HTTP " + info.status() : "not the version's info"));
            }
            ProbeHttp.Answer zip = http.get(mirror.resolve(base + escaped + ".zip"), Optional.empty(), settings.sampleBytes());
            byte[] b = zip.body();
            if (zip.status() != 200 || b.length < 4 || b[0] != 'P' || b[1] != 'K' || b[2] != 3 || b[3] != 4) {
                return new ProbeOutcome.Broken(latency, module + "@" + newest + ".zip: "
                        + (zip.status() != 200 ? "HTTP " + zip.status() : "not a zip file"));
            }
            // The first request also pays for the client's first connection set-up: the quicker of the two
            // small requests is the mirror's latency.
            Duration best = list.latency().compareTo(info.latency()) <= 0 ? list.latency() : info.latency();
            return new ProbeOutcome.Answered(best, newest, Throughput.of(b.length, zip.transfer()), Optional.empty(),
                    toolchain(mirror));
        } catch (ProbeHttp.NoAnswer e) {
            return new ProbeOutcome.Unreachable(e.getMessage());
        }
    }

    /** {@return the newest stable Go release the mirror serves as golang.org/toolchain for the platform, if any} */
    private Optional<String> toolchain(Mirror mirror) throws InterruptedException {
        try {
            ProbeHttp.Answer list = http.get(mirror.resolve("/" + Escaping.escapePath(ToolchainModule.PATH) + "/@v/list"),
                    Optional.empty(), TOOLCHAIN_LIST);
            if (list.status() != 200 || list.html()) {
                return Optional.empty();
            }
            return ToolchainModule.index(list.body(), settings.goos(), ToolchainModule.goarch(settings.goarch()))
                    .releases().stream().filter(Release::stable).findFirst().map(Release::version);
        } catch (ProbeHttp.NoAnswer e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Bytes per second, when the sample is large enough to mean something. */
    static final class Throughput {
        private Throughput() {}

        static OptionalDouble of(long bytes, Duration transfer) {
            double seconds = Math.max(transfer.toNanos(), 1_000_000L) / 1e9;
            return bytes <= 0 ? OptionalDouble.empty() : OptionalDouble.of(bytes / seconds);
        }
    }
}
