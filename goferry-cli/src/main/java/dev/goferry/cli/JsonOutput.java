package dev.goferry.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * Writes goferry's JSON documents — maps, lists, strings, numbers, booleans, enums and null —
 * with Jackson's streaming generator. Commands build their documents as plain maps (the schemas
 * in docs/json.md are the contract), so databind's reflection would only add start-up time: it
 * costs about 0.3 s on a cold JVM, more than the rest of {@code goferry env}.
 */
final class JsonOutput {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonOutput() {}

    /** Writes {@code document}, indented, followed by a newline. */
    static void write(Writer out, Object document) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            value(g, document);
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Boolean b -> g.writeBoolean(b);
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case Double d -> g.writeNumber(d);
            case Number n -> g.writeNumber(n.toString());
            case Enum<?> e -> g.writeString(e.name());
            case Optional<?> o -> value(g, o.orElse(null));
            case Map<?, ?> m -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            case Iterable<?> list -> {
                g.writeStartArray();
                for (Object item : list) {
                    value(g, item);
                }
                g.writeEndArray();
            }
            default -> throw new IllegalArgumentException("json: cannot write " + v.getClass().getName()
                    + "; build documents from maps, lists and scalars");
        }
    }
}
