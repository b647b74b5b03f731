package dev.goferry.net.wire;

import java.util.Objects;

/** One header field as received: name as the server spelt it, value trimmed. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
