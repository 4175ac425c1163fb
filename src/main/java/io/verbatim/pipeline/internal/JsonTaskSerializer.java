package io.verbatim.pipeline.internal;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** Job data as JSON rather than Java serialization: readable in the table and safe across versions. */
class JsonTaskSerializer implements Serializer {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        return json.writeValueAsBytes(data);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        return json.readValue(bytes, type);
    }
}
