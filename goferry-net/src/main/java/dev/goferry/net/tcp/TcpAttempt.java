package dev.goferry.net.tcp;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One connect attempt.
 *
 * @param target  the address dialled
 * @param attempt 1-based attempt number for this address
 * @param outcome what happened
 */
public record TcpAttempt(InetSocketAddress target, int attempt, TcpOutcome outcome) {
    public TcpAttempt {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        if (attempt < 1) {
            throw new IllegalArgumentException("tcp attempt " + attempt + ": must be at least 1");
        }
    }
}
