package dev.goferry.gomod.route;

import dev.goferry.gomod.httpproxy.ProxyDecision;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@link RouteLab}'s servers answer, written as the answers a {@link RouteWalk} asks for:
 * the recording server's prefixes and module store, the forward proxy (CONNECT refused with 403,
 * plain http relayed to the server), {@code vcs.test}'s go-import tags, refused ports everywhere
 * else. It mirrors the lab's scripts so that goferry's walk can be compared with what the real
 * go command made the lab record.
 */
final class LabAnswers implements Function<Request, Answer> {

    private static final Pattern VERSION = Pattern.compile("\"Version\"\\s*:\\s*\"([^\"]+)\"");

    private final RouteLab lab;

    LabAnswers(RouteLab lab) {
        this.lab = lab;
    }

    @Override
    public Answer apply(Request request) {
        if (request.step() == Step.VCS) {
            return new Answer.Failed("git: repository not found");
        }
        if (request.url().startsWith("file:")) {
            Path file = Path.of(URLDecoder.decode(request.url().substring("file://".length()), StandardCharsets.UTF_8));
            return Files.isRegularFile(file) ? fileAnswer(file) : new Answer.NotFound("file does not exist");
        }
        URI uri = URI.create(request.url());
        if (request.via() instanceof ProxyDecision.Proxy proxy) {
            String proxyPort = proxy.proxy().port();
            if (proxyPort.equals(Integer.toString(lab.refusedPort()))) {
                return new Answer.Failed("proxyconnect tcp: connection refused");
            }
            if (uri.getScheme().equals("https")) {
                return new Answer.Failed("Forbidden");
            }
            return server(uri);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        if (port == lab.serverPort()) {
            return server(uri);
        }
        if (uri.getHost().equals("vcs.test") && port == 80) {
            String repo = uri.getPath().substring(1);
            return List.of("git", "svn").contains(repo)
                    ? Answer.Found.goImport(repo, "http://vcs.test/" + repo + (repo.equals("git") ? ".git" : ""))
                    : new Answer.NotFound("no go-import tag");
        }
        return new Answer.Failed("connection refused");
    }

    private Answer server(URI uri) {
        String rawPath = uri.getRawPath();
        String[] parts = rawPath.substring(1).split("/", 2);
        String prefix = parts[0];
        String rest = URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8);
        switch (prefix) {
            case "404", "410" -> {
                return new Answer.NotFound(prefix);
            }
            case "403", "500" -> {
                return new Answer.Failed(prefix);
            }
            default -> {
                // ok, sumdb, sumdb503: the module store, and each one's checksum-database script
            }
        }
        if (rest.startsWith("sumdb/")) {
            return switch (prefix) {
                case "sumdb" -> rest.endsWith("/supported") ? Answer.Found.ok() : new Answer.NotFound("404");
                case "sumdb503" -> new Answer.Failed("503");
                default -> new Answer.NotFound("404");
            };
        }
        return lab.store().serve(rest).map(body -> module(rest, body))
                .orElseGet(() -> new Answer.NotFound("404"));
    }

    private Answer fileAnswer(Path file) {
        try {
            return module(file.toString(), Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            return new Answer.Failed(e.toString());
        }
    }

    private static Answer module(String name, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (name.endsWith("/list")) {
            return Answer.Found.list(Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList());
        }
        if (name.endsWith("/@latest") || name.endsWith(".info")) {
            Matcher m = VERSION.matcher(text);
            return m.find() ? Answer.Found.version(m.group(1)) : Answer.Found.ok();
        }
        return Answer.Found.ok();
    }

    /** Reports whether a walk's request reaches the recording server (or vcs.test), as the lab records it. */
    Optional<String> recorded(Request request) {
        if (!request.sent() || request.url().startsWith("file:")) {
            return Optional.empty();
        }
        if (request.step() == Step.VCS) {
            return Optional.of("VCS " + request.url());
        }
        URI uri = URI.create(request.url());
        boolean relayed = request.via() instanceof ProxyDecision.Proxy p
                && uri.getScheme().equals("http") && p.proxy().port().equals(Integer.toString(lab.forwardPort()));
        if (relayed || request.via() instanceof ProxyDecision.Direct && uri.getPort() == lab.serverPort()) {
            return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        if (uri.getHost().equals("vcs.test") && uri.getScheme().equals("http")) {
            return Optional.of(request.url());
        }
        return Optional.empty();
    }

    /** {@return what the forward proxy records for a walk's request, if it goes there} */
    Optional<String> proxied(Request request) {
        if (!(request.via() instanceof ProxyDecision.Proxy p)
                || !p.proxy().port().equals(Integer.toString(lab.forwardPort()))) {
            return Optional.empty();
        }
        URI uri = URI.create(request.url());
        return Optional.of(uri.getScheme().equals("https")
                ? "CONNECT " + uri.getHost() + ":" + (uri.getPort() < 0 ? 443 : uri.getPort())
                : "GET " + request.url());
    }
}
