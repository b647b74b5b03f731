package dev.goferry.gomod.httpproxy;

import dev.goferry.gomod.gostd.GoQuote;
import dev.goferry.gomod.gostd.GoUrl;
import java.util.Objects;
import java.util.Optional;

/**
 * One proxy variable's value and what Go's {@code parseProxy} made of it.
 *
 * <p>Go never reports a bad value: when {@code url.Parse} fails or yields no scheme or host, it
 * retries with {@code http://} in front, and that retry nearly always "succeeds" with a nonsense
 * URL ({@code http://bad host:1} becomes {@code http://http://bad%20host:1}). When even that
 * fails the value is dropped and requests go direct. {@link #used()} is what Go will really
 * connect to; {@link #error()} is the error Go swallowed.
 *
 * @param variable where the value came from
 * @param value the raw value
 * @param used the proxy URL Go uses, if any
 * @param error Go's swallowed {@code invalid proxy address} error, when {@code used} is empty
 * @param retriedWithHttp whether Go got {@code used} only by putting {@code http://} in front
 */
public record ProxySetting(ProxyVariable variable, String value, Optional<GoUrl> used, Optional<String> error,
                           boolean retriedWithHttp) {

    public ProxySetting {
        Objects.requireNonNull(variable);
        Objects.requireNonNull(value);
        Objects.requireNonNull(used);
        Objects.requireNonNull(error);
    }

    /** {@return what Go's {@code parseProxy} gives for {@code value} under {@code rules}} */
    public static ProxySetting parse(ProxyVariable variable, String value, ProxyRules rules) {
        GoUrl first = null;
        String firstError = null;
        try {
            first = GoUrl.parse(value);
        } catch (GoUrl.ParseException e) {
            firstError = e.getMessage();
        }
        boolean retry = first == null || (rules.anyProxyScheme()
                ? first.scheme().isEmpty() || first.host().isEmpty()
                : !(first.scheme().equals("http") || first.scheme().equals("https")
                        || first.scheme().equals("socks5")));
        if (retry) {
            try {
                return new ProxySetting(variable, value, Optional.of(GoUrl.parse("http://" + value)), Optional.empty(),
                        true);
            } catch (GoUrl.ParseException ignored) {
                // Go falls through and complains about the original value
            }
        }
        if (first == null) {
            return new ProxySetting(variable, value, Optional.empty(),
                    Optional.of("invalid proxy address " + GoQuote.quote(value) + ": " + firstError), false);
        }
        return new ProxySetting(variable, value, Optional.of(first), Optional.empty(), false);
    }

    /** {@return the value with any password replaced by {@code xxxxx}, for display} */
    public String maskedValue() {
        return used.flatMap(GoUrl::user).flatMap(GoUrl.Userinfo::password).filter(p -> !p.isEmpty())
                .map(p -> value.replace(":" + p + "@", ":xxxxx@")
                        .replace(":" + escapedPassword() + "@", ":xxxxx@"))
                .orElse(value);
    }

    /** {@return the proxy Go uses, password masked, or empty} */
    public Optional<String> maskedUsed() {
        return used.map(GoUrl::redacted);
    }

    private String escapedPassword() {
        String ui = used.flatMap(GoUrl::user).map(GoUrl.Userinfo::toString).orElse("");
        int colon = ui.indexOf(':');
        return colon < 0 ? "" : ui.substring(colon + 1);
    }
}
