package dev.goferry.gomod.httpproxy;

import dev.goferry.gomod.gostd.GoUrl;
import java.util.Objects;
import java.util.Optional;

/** What Go's {@code http.ProxyFromEnvironment} decides for one request URL. */
public sealed interface ProxyDecision {

    /** Why a request goes direct. */
    enum DirectReason {
        /** Neither http nor https: Go proxies nothing else. */
        NOT_HTTP_SCHEME,
        /**
         * The variable for this scheme is unset, empty, or a value Go could not use at all (the
         * detail is then the error Go swallowed).
         */
        NO_PROXY_VARIABLE,
        /** The host is exactly {@code localhost}. */
        LOCALHOST,
        /** The host is a loopback IP literal (127/8, ::1). */
        LOOPBACK,
        /** A NO_PROXY entry matched; the detail names it. */
        NO_PROXY_RULE,
        /** Go could not parse the request URL or split its host and port; the detail says why. */
        UNPARSABLE
    }

    /**
     * No proxy.
     *
     * @param reason why
     * @param detail the matching NO_PROXY entry or Go's (possibly swallowed) error, where the reason has one
     */
    record Direct(DirectReason reason, Optional<String> detail) implements ProxyDecision {
        public Direct {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(detail);
        }

        static Direct because(DirectReason reason) {
            return new Direct(reason, Optional.empty());
        }
    }

    /**
     * Through a proxy.
     *
     * @param proxy the proxy URL Go uses (possibly garbage Go made of a bad value)
     * @param variable the variable it came from
     */
    record Proxy(GoUrl proxy, ProxyVariable variable) implements ProxyDecision {
        public Proxy {
            Objects.requireNonNull(proxy);
            Objects.requireNonNull(variable);
        }
    }

    /**
     * The request fails before any connection.
     *
     * @param message Go's error text, verbatim
     */
    record Error(String message) implements ProxyDecision {
        /** Go's text for an http:// request with HTTP_PROXY set under CGI (REQUEST_METHOD set). */
        public static final String CGI = "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy";

        public Error {
            Objects.requireNonNull(message);
        }
    }
}
