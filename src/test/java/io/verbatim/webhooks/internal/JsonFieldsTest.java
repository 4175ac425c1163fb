package io.verbatim.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.platform.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The streamed read of an event's type and id answers as the tree read did, and refuses what it refused. */
class JsonFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> VAPI = Set.of("message.type", "message.call.id", "type", "call.id");

    private static JsonFields.Found read(String body, Set<String> paths) {
        return JsonFields.read(JSON, body.getBytes(StandardCharsets.UTF_8), paths);
    }

    @Test
    void readsNestedScalarsAndSkipsEverythingElse() {
        var found = read("""
                {"message": {"artifact": {"messages": [{"role": "bot", "type": "x", "call": {"id": "no"}}]},
                 "type": "end-of-call-report", "call": {"id": " call-1 ", "cost": 1.5}, "timestamp": 17}}""", VAPI);
        assertThat(found.get("message.type")).isEqualTo("end-of-call-report");
        assertThat(found.get("message.call.id")).isEqualTo("call-1");
        assertThat(found.get("type")).isNull();
        assertThat(found.objects()).contains("message", "message.call");
    }

    @Test
    void numbersAndBooleansAsTheirTextBlankAndNullLeftOut() {
        var found = read("{\"type\": 42, \"call\": {\"id\": \"  \"}, \"message\": null}", VAPI);
        assertThat(found.get("type")).isEqualTo("42");
        assertThat(found.get("call.id")).isNull();
        assertThat(found.objects()).doesNotContain("message");
        assertThat(read("{\"type\": true, \"call\": {\"id\": null}}", VAPI).get("type")).isEqualTo("true");
    }

    @Test
    void aRepeatedNameKeepsItsLastValueAsATreeDoes() {
        var found = read("{\"message\": {\"type\": \"a\"}, \"message\": \"text\", \"type\": \"b\", \"type\": [1]}", VAPI);
        assertThat(found.objects()).doesNotContain("message");
        assertThat(found.get("type")).isNull();
        assertThat(read("{\"type\": \"a\", \"type\": \"b\"}", VAPI).get("type")).isEqualTo("b");
    }

    @Test
    void whatIsNotOneJsonObjectIsA400() {
        for (String body : new String[] {"", "not json", "[1, 2]", "\"text\"", "{\"type\": \"a\"", "{\"type\": \"a\"} trailing",
                "{\"type\": \"a\", \"call\": {\"id\": \"c\"}} {}"}) {
            assertThatThrownBy(() -> read(body, VAPI)).as(body).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status().value()).isEqualTo(400);
                assertThat(e.type()).isEqualTo("invalid-webhook-payload");
            });
        }
    }
}
