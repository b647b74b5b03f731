package dev.goferry.doctor;

import java.util.List;
import java.util.Objects;

/**
 * User-facing text not yet rendered: a catalog key (areas {@code cause} and {@code doctor}) and its
 * positional arguments. The model holds messages, never rendered strings, so one diagnosis can be
 * shown in any language and the JSON output can carry the stable key.
 *
 * @param key  the catalog key
 * @param args the arguments, already formatted as text (host lists, commands, addresses)
 */
public record Message(String key, List<String> args) {
    public Message {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** {@return a message of {@code key} with {@code args}} */
    public static Message of(String key, String... args) {
        return new Message(key, List.of(args));
    }
}
