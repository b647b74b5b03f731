package dev.goferry.doctor.run;

import dev.goferry.doctor.target.Target;
import dev.goferry.doctor.target.TargetKind;
import dev.goferry.gomod.module.Escaping;
import dev.goferry.gomod.semver.Semver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which medium-sized object a target's throughput is measured on, chosen from what its protocol
 * probe already returned, so the download is one go itself would make: a module proxy's latest
 * {@code .zip} of the probed module (or of {@code --module M@V}), and the start of a release
 * archive (a {@code Range} request) on the release download host. Other kinds have no such object.
 * Pure: no I/O.
 */
final class ThroughputPlan {

    private ThroughputPlan() {}

    /**
     * An object to download.
     *
     * @param url    what to download
     * @param ranged whether to ask only for the first bytes with a {@code Range} header
     */
    record Download(URI url, boolean ranged) {
        Download {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * {@return the download for {@code t}, whose probe returned {@code body} (decoded; {@code truncated}
     * when the sample cap cut it), if it has one}
     */
    static Optional<Download> of(Target t, byte[] body, boolean truncated) {
        if (t.url().isEmpty()) {
            return Optional.empty();
        }
        String url = t.url().get().toString();
        return switch (t.kind()) {
            case GOPROXY, MIRROR -> {
                if (url.endsWith("/@v/list")) {
                    yield latest(body, truncated).map(v -> new Download(URI.create(url.substring(0, url.length() - "list".length())
                            + Escaping.escapeVersion(v) + ".zip"), false));
                }
                if (url.endsWith(".info")) {
                    // the version the query resolved to (a branch or commit resolves to a pseudo-version)
                    String dir = url.substring(0, url.lastIndexOf('/') + 1);
                    yield infoVersion(body).map(v -> new Download(URI.create(dir + Escaping.escapeVersion(v) + ".zip"),
                            false));
                }
                yield Optional.empty();
            }
            case RELEASE_DOWNLOAD -> Optional.of(new Download(URI.create(url.endsWith(".sha256")
                    ? url.substring(0, url.length() - ".sha256".length()) : url), true));
            default -> Optional.empty();
        };
    }

    private static final Pattern INFO_VERSION = Pattern.compile("\"Version\"\\s*:\\s*\"([^\"]+)\"");

    /** {@return the {@code Version} of a {@code .info} body, when it is a canonical version} */
    static Optional<String> infoVersion(byte[] body) {
        Matcher m = INFO_VERSION.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find() && Semver.isValid(m.group(1)) && Semver.canonical(m.group(1)).equals(m.group(1))
                ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * {@return the version go's {@code @latest} would pick from a {@code @v/list} body: the highest
     * release, else the highest pre-release} When the sample cap cut the body, its last line may be a
     * cut version ({@code v0.3.1} of {@code v0.3.10}) and is dropped.
     */
    static Optional<String> latest(byte[] body, boolean truncated) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (truncated) {
            text = text.substring(0, text.lastIndexOf('\n') + 1);
        }
        List<String> versions = text.lines().map(String::strip)
                .filter(v -> Semver.isValid(v) && Semver.canonical(v).equals(v)).toList();
        Optional<String> release = versions.stream().filter(v -> Semver.prerelease(v).isEmpty())
                .max(Semver.BY_VERSION);
        return release.isPresent() ? release : versions.stream().max(Semver.BY_VERSION);
    }
}
