package dev.goferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    @Test
    void writesDocumentsThatJsonParsersReadBackIdentically() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", "goferry.test/v1");
        doc.put("text", "quote \" backslash \\ newline \n 中文");
        doc.put("nothing", null);
        doc.put("absent", Optional.empty());
        doc.put("present", Optional.of(3L));
        doc.put("list", Arrays.asList(1, true, null, List.of("a")));
        doc.put("kind", ExitCodesLike.USAGE);
        StringWriter out = new StringWriter();
        JsonOutput.write(out, doc);
        JsonNode read = new ObjectMapper().readTree(out.toString());
        assertThat(read.path("text").asText()).isEqualTo("quote \" backslash \\ newline \n 中文");
        assertThat(read.path("nothing").isNull()).isTrue();
        assertThat(read.path("absent").isNull()).isTrue();
        assertThat(read.path("present").asLong()).isEqualTo(3L);
        assertThat(read.path("list").toString()).isEqualTo("[1,true,null,[\"a\"]]");
        assertThat(read.path("kind").asText()).isEqualTo("USAGE");
        assertThat(out.toString()).endsWith("}" + System.lineSeparator());
    }

    @Test
    void refusesTypesWithoutADocumentedShape() {
        assertThatThrownBy(() -> JsonOutput.write(new StringWriter(), Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    enum ExitCodesLike { USAGE }
}
