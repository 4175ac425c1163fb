package io.verbatim.analysis.internal.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The schema subset the judgment schema needs: nullable types, numeric bounds, required-but-nullable properties. */
class SchemaValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonNode schema = JSON.readTree("""
            {"type": "object", "required": ["value", "confidence"], "properties": {
              "value": {"type": ["string", "null"], "enum": ["booked", null]},
              "confidence": {"type": "number", "minimum": 0, "maximum": 1}}}""");

    @Test
    void nullableValuesAndBounds() {
        assertThat(SchemaValidator.validate(schema, JSON.readTree("{\"value\": null, \"confidence\": 0.5}"))).isEmpty();
        assertThat(SchemaValidator.validate(schema, JSON.readTree("{\"value\": \"booked\", \"confidence\": 1}"))).isEmpty();
        assertThat(SchemaValidator.validate(schema, JSON.readTree("{\"value\": 3, \"confidence\": 1.5}")))
                .containsExactly("$.value: expected one of [\"string\",\"null\"], got number", "$.confidence: more than 1");
        assertThat(SchemaValidator.validate(schema, JSON.readTree("{\"value\": \"maybe\"}")))
                .containsExactly("$.confidence: is required", "$.value: not one of [\"booked\",null]");
    }
}
