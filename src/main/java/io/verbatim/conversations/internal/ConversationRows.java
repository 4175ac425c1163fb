package io.verbatim.conversations.internal;

import io.verbatim.conversations.Channel;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationStatus;
import io.verbatim.conversations.Direction;
import io.verbatim.conversations.InputKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps a conversations row to the aggregate. */
public final class ConversationRows implements RowMapper<Conversation> {

    private static final TypeReference<Map<String, String>> ROLES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };
    private final JsonMapper json;

    public ConversationRows(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Conversation mapRow(ResultSet rs, int rowNum) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Conversation(
                rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("source"), rs.getString("external_id"),
                Direction.fromWire(rs.getString("direction")), Channel.fromWire(rs.getString("channel")),
                instant(rs.getTimestamp("started_at")),
                new Conversation.Agent(rs.getObject("agent_user_id", UUID.class), rs.getString("agent_ref"), rs.getString("agent_name")),
                rs.getObject("team_id", UUID.class),
                new Conversation.Customer(rs.getString("customer_name"), rs.getString("customer_phone"), rs.getString("customer_email")),
                rs.getString("language"), json.readValue(rs.getString("channel_roles"), ROLES),
                tags == null ? List.of() : List.of((String[]) tags.getArray()),
                json.readValue(rs.getString("attributes"), ATTRIBUTES),
                new Conversation.Input(InputKind.valueOf(rs.getString("input_kind").toUpperCase()), rs.getString("input_key"),
                        rs.getString("input_content_type"), (Long) rs.getObject("input_bytes"), rs.getString("input_sha256"),
                        rs.getString("input_filename")),
                (Double) rs.getObject("duration_seconds"), (Integer) rs.getObject("audio_channels"),
                ConversationStatus.fromWire(rs.getString("status")), rs.getString("stage"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("last_error_type"), rs.getBoolean("roles_swapped"),
                (Boolean) rs.getObject("roles_confident"), rs.getString("speech_engine"), rs.getInt("priority"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
