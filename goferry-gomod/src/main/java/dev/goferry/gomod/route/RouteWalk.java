package dev.goferry.gomod.route;

import dev.goferry.gomod.httpproxy.ProxyDecision;
import dev.goferry.gomod.semver.Semver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plays a {@link Route} against answers: the requests the go command makes, in order, and the
 * error it reports — {@code go mod download path@query} step by step: resolve the version (a
 * canonical version is asked as .info), then .mod, the checksum database, .zip.
 */
public final class RouteWalk {

    /**
     * The outcome of a walk.
     *
     * @param requests every request, in order (including ones refused before sending)
     * @param failure the error go reports, if the fetch fails
     * @param version the version the query resolved to, if it did
     */
    public record Result(List<Request> requests, Optional<Failure> failure, Optional<String> version) {
        public Result {
            requests = List.copyOf(requests);
        }
    }

    /**
     * The error go reports.
     *
     * @param goError the error's text (as the answers gave it, or Go's own for synthetic errors)
     * @param request the request that failed, when one did
     * @param sumdb true when the failure is the checksum database's ("verifying go.mod: …")
     */
    public record Failure(String goError, Optional<Request> request, boolean sumdb) {}

    private final Route route;
    private final Function<Request, Answer> answers;
    private final List<Request> requests = new ArrayList<>();
    private Optional<Outcome> discovered = Optional.empty();
    private Optional<SumDbBase> sumdbBase = Optional.empty();

    private RouteWalk(Route route, Function<Request, Answer> answers) {
        this.route = route;
        this.answers = answers;
    }

    /** Walks {@code route}, asking {@code answers} how each request is answered. */
    public static Result walk(Route route, Function<Request, Answer> answers) {
        return new RouteWalk(route, answers).run();
    }

    private Result run() {
        if (route.goproxyError().isPresent()) {
            return fail(new Failure(route.goproxyError().get(), Optional.empty(), false), Optional.empty());
        }
        RouteQuery query = route.query();
        Outcome resolved = query.canonicalVersion()
                .map(v -> tryProxies(route.chain(), e -> fetch(e, Step.INFO, v)).withVersion(v))
                .orElseGet(() -> query.resolvedByList()
                        ? tryProxies(route.chain(), this::queryByList)
                        : tryProxies(route.chain(), e -> fetch(e, Step.INFO, query.query())));
        if (resolved.failure().isPresent() || resolved.version().isEmpty()) {
            return fail(resolved.failure().orElse(new Failure("no version", Optional.empty(), false)), Optional.empty());
        }
        String version = resolved.version().get();
        for (Step step : List.of(Step.MOD, Step.SUMDB_LOOKUP, Step.ZIP)) {
            Outcome outcome = step == Step.SUMDB_LOOKUP
                    ? checkSumDb(version)
                    : tryProxies(route.chain(), e -> fetch(e, step, version));
            if (outcome.failure().isPresent()) {
                return fail(outcome.failure().get(), Optional.of(version));
            }
        }
        return new Result(requests, Optional.empty(), Optional.of(version));
    }

    private Result fail(Failure failure, Optional<String> version) {
        return new Result(requests, Optional.of(failure), version);
    }

    /**
     * cmd/go's TryProxies: stops at the first success; moves on after "not found", or after any
     * error where the entry falls back on error; reports direct errors first, then the latest
     * proxy error, then the latest not-found one.
     */
    private Outcome tryProxies(List<Entry> entries, Function<Entry, Outcome> attempt) {
        Optional<Failure> best = Optional.empty();
        int bestRank = 0; // 0 not found, 1 proxy error, 2 direct error
        for (Entry entry : entries) {
            Outcome outcome = attempt.apply(entry);
            if (outcome.failure().isEmpty()) {
                return outcome;
            }
            Failure failure = outcome.failure().get();
            if (entry instanceof Entry.Direct) {
                best = Optional.of(failure);
                bestRank = 2;
            } else if (bestRank <= 1 && !outcome.notFound()) {
                best = Optional.of(failure);
                bestRank = 1;
            } else if (bestRank == 0) {
                best = Optional.of(failure);
            }
            if (!entry.fallBackOnError() && !outcome.notFound()) {
                break;
            }
        }
        return Outcome.failed(best.orElseThrow(), bestRank == 0);
    }

    private Outcome fetch(Entry entry, Step step, String version) {
        return switch (entry) {
            case Entry.Proxy p -> ask(step, route.url(p.base(), step, version)).withVersion(version);
            case Entry.Skip s -> Outcome.failed(new Failure(s.goError(), Optional.empty(), false), true);
            case Entry.Direct d -> direct(d.discovery());
        };
    }

    /** A version query at one entry: its list, then the chosen version's .info (or @latest) there. */
    private Outcome queryByList(Entry entry) {
        if (!(entry instanceof Entry.Proxy p)) {
            return fetch(entry, Step.LIST, "");
        }
        Request list = request(Step.LIST, route.url(p.base(), Step.LIST, ""));
        Answer answer = answer(list);
        if (!(answer instanceof Answer.Found found)) {
            return Outcome.of(answer, list);
        }
        Optional<String> pick = latest(found.versions());
        if (pick.isPresent()) {
            return ask(Step.INFO, route.url(p.base(), Step.INFO, pick.get())).withVersion(pick.get());
        }
        return ask(Step.LATEST, route.url(p.base(), Step.LATEST, ""));
    }

    /** The highest release, else the highest pre-release, of a list (cmd/go's "latest" query). */
    static Optional<String> latest(List<String> versions) {
        List<String> valid = versions.stream().filter(Semver::isValid).toList();
        Optional<String> release = valid.stream().filter(v -> Semver.prerelease(v).isEmpty()).max(Semver::compare);
        return release.isPresent() ? release : valid.stream().max(Semver::compare);
    }

    /** Direct mode: discovery (once per walk: Go caches the repository), GOVCS, then the VCS. */
    private Outcome direct(Entry.Discovery discovery) {
        if (discovered.isPresent()) {
            return discovered.get();
        }
        Outcome outcome;
        if (discovery.knownVcs().isPresent()) {
            outcome = vcs(discovery.knownVcs().get(), route.query().path());
        } else {
            outcome = null;
            for (String url : discovery.urls()) {
                Request r = request(Step.DISCOVERY, url);
                Answer a = answer(r);
                if (a instanceof Answer.Found f && f.goImport().isPresent()) {
                    Answer.GoImport tag = f.goImport().get();
                    outcome = vcs(route.vcs().decide(tag.vcs(), tag.repo(), route.query().path()), route.query().path());
                    break;
                }
                outcome = Outcome.of(a, r);
            }
        }
        discovered = Optional.of(outcome);
        return outcome;
    }

    private Outcome vcs(Entry.Vcs vcs, String root) {
        if (!vcs.allowed()) {
            return Outcome.failed(new Failure(vcs.goError(root), Optional.empty(), false), false);
        }
        Request r = new Request(Step.VCS, vcs.repo(), new ProxyDecision.Direct(ProxyDecision.DirectReason.NOT_HTTP_SCHEME,
                Optional.of(vcs.vcs() + " uses its own proxy settings")));
        requests.add(r);
        return Outcome.of(answers.apply(r), r);
    }

    /** The checksum database: find its base once (explicit, through a proxy, or direct), then look up. */
    private Outcome checkSumDb(String version) {
        SumDbRoute sumdb = route.sumdb();
        switch (sumdb) {
            case SumDbRoute.Skipped s -> {
                return Outcome.found(version);
            }
            case SumDbRoute.Fails f -> {
                return Outcome.failed(new Failure(f.goError(), Optional.empty(), true), false);
            }
            case SumDbRoute.Explicit e -> sumdbBase = Optional.of(SumDbBase.of(e.base()));
            case SumDbRoute.ViaProxies v -> {
                if (sumdbBase.isEmpty()) {
                    Outcome probe = tryProxies(v.probes(), entry -> switch (entry) {
                        case Entry.Proxy p -> {
                            Outcome o = ask(Step.SUMDB_SUPPORTED, Route.sumdbSupportedUrl(p.base(), v.name()));
                            if (o.failure().isEmpty()) {
                                sumdbBase = Optional.of(SumDbBase.of(p.base()).join("sumdb/" + v.name()));
                            }
                            yield o;
                        }
                        default -> Outcome.failed(new Failure(((Entry.Skip) entry).goError(), Optional.empty(), true), true);
                    });
                    if (probe.failure().isPresent()) {
                        if (!probe.notFound()) {
                            Failure f = probe.failure().get();
                            return Outcome.failed(new Failure(f.goError(), f.request(), true), false);
                        }
                        sumdbBase = Optional.of(SumDbBase.of(v.direct()));
                    }
                }
            }
        }
        Outcome lookup = ask(Step.SUMDB_LOOKUP, route.sumdbLookupUrl(sumdbBase.orElseThrow(), version));
        return lookup.failure()
                .map(f -> Outcome.failed(new Failure(f.goError(), f.request(), true), lookup.notFound()))
                .orElse(Outcome.found(version));
    }

    private Outcome ask(Step step, String url) {
        Request r = request(step, url);
        return Outcome.of(answer(r), r);
    }

    private Request request(Step step, String url) {
        ProxyDecision via = url.startsWith("file:")
                ? new ProxyDecision.Direct(ProxyDecision.DirectReason.NOT_HTTP_SCHEME, Optional.empty())
                : route.via(url);
        Request r = new Request(step, url, via);
        requests.add(r);
        return r;
    }

    private Answer answer(Request r) {
        return r.via() instanceof ProxyDecision.Error e ? new Answer.Failed(e.message()) : answers.apply(r);
    }

    /** One attempt's result: success (with the version it resolved), or a failure and whether it is "not found". */
    private record Outcome(Optional<String> version, Optional<Failure> failure, boolean notFound) {
        static Outcome found(String version) {
            return new Outcome(Optional.of(version), Optional.empty(), false);
        }

        static Outcome failed(Failure failure, boolean notFound) {
            return new Outcome(Optional.empty(), Optional.of(failure), notFound);
        }

        static Outcome of(Answer answer, Request request) {
            return switch (answer) {
                case Answer.Found f -> new Outcome(f.version(), Optional.empty(), false);
                case Answer.NotFound n -> failed(new Failure(n.goError(), Optional.of(request), false), true);
                case Answer.Failed x -> failed(new Failure(x.goError(), Optional.of(request), false), false);
            };
        }

        /** Fills in the version when the answer did not name one (a canonical version's .info). */
        Outcome withVersion(String v) {
            return failure.isEmpty() && version.isEmpty() ? found(v) : this;
        }
    }
}
