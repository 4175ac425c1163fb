package io.verbatim.chat.internal;

import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Chat sessions and their messages; a session is its owner's alone (user, or API key). */
@Service
class ChatSessions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChatSessions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Session(UUID id, UUID personaId, String title, Instant createdAt, Instant updatedAt) {
    }

    record Message(UUID id, int seq, String role, String content, List<ChatCitation> citations, String kind, Boolean answered,
                   Integer feedback, Instant createdAt) {
    }

    record History(Session session, List<Message> messages) {
    }

    @Transactional
    Session create(UUID personaId) {
        UUID id = UUID.randomUUID();
        CurrentUser user = CurrentUser.require();
        jdbc.sql("INSERT INTO chat_sessions (id, tenant_id, persona_id, user_id, api_key_id) VALUES (?, ?, ?, ?, ?)")
                .params(id, tenant(), personaId, user.userId(), user.apiKeyId()).update();
        return get(id);
    }

    /** The caller's own session; 404 for anyone else's. */
    @Transactional(readOnly = true)
    Session get(UUID id) {
        return jdbc.sql("SELECT * FROM chat_sessions WHERE tenant_id = :tenant AND id = :id AND " + OWNER)
                .param("tenant", tenant()).param("id", id).params(owner())
                .query((rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getObject("persona_id", UUID.class), rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElseThrow(() -> ProblemException.notFound("Chat session " + id));
    }

    @Transactional(readOnly = true)
    Page<Session> list(String cursor, int limit) {
        List<Session> rows = jdbc.sql("SELECT * FROM chat_sessions WHERE tenant_id = :tenant AND " + OWNER
                        + " AND (CAST(:after AS text) IS NULL OR id::text > :after) ORDER BY id::text LIMIT :limit")
                .param("tenant", tenant()).params(owner()).param("after", Page.decode(cursor)).param("limit", limit + 1)
                .query((rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getObject("persona_id", UUID.class), rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return Page.of(rows, limit, s -> s.id().toString());
    }

    @Transactional(readOnly = true)
    History history(UUID id) {
        return new History(get(id), messages(id));
    }

    @Transactional(readOnly = true)
    List<Message> messages(UUID sessionId) {
        return jdbc.sql("SELECT * FROM chat_messages WHERE tenant_id = ? AND session_id = ? ORDER BY seq").params(tenant(), sessionId)
                .query((rs, n) -> new Message(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("role"), rs.getString("content"),
                        json.readValue(rs.getString("citations"), new TypeReference<List<ChatCitation>>() { }), rs.getString("kind"),
                        (Boolean) rs.getObject("answered"), rs.getObject("feedback") == null ? null : rs.getInt("feedback"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Appends the question and its answer in one transaction. */
    @Transactional
    Message append(UUID sessionId, String question, String resolvedQuery, ChatService.Reply reply, int personaVersion) {
        get(sessionId);
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) FROM chat_messages WHERE tenant_id = ? AND session_id = ?")
                .params(tenant(), sessionId).query(Integer.class).single();
        jdbc.sql("INSERT INTO chat_messages (id, tenant_id, session_id, seq, role, content, resolved_query) VALUES (?, ?, ?, ?, 'user', ?, ?)")
                .params(UUID.randomUUID(), tenant(), sessionId, seq + 1, question, resolvedQuery).update();
        UUID answerId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO chat_messages (id, tenant_id, session_id, seq, role, content, citations, kind, answered, persona_version)
                VALUES (?, ?, ?, ?, 'assistant', ?, CAST(? AS jsonb), ?, ?, ?)""")
                .params(answerId, tenant(), sessionId, seq + 2, reply.answer(), json.writeValueAsString(reply.citations()), reply.kind(),
                        reply.answered(), personaVersion).update();
        jdbc.sql("UPDATE chat_sessions SET updated_at = now(), title = coalesce(title, left(?, 120)) WHERE tenant_id = ? AND id = ?")
                .params(question, tenant(), sessionId).update();
        return messages(sessionId).getLast();
    }

    @Transactional
    void feedback(UUID sessionId, UUID messageId, int rating) {
        get(sessionId);
        int updated = jdbc.sql("""
                UPDATE chat_messages SET feedback = ?, feedback_at = now() WHERE tenant_id = ? AND session_id = ? AND id = ? AND role = 'assistant'""")
                .params(rating, tenant(), sessionId, messageId).update();
        if (updated == 0) {
            throw ProblemException.notFound("Answer " + messageId);
        }
    }

    /** Questions no source could answer, newest first, for admins (the question, not the rest of the session). */
    record Unanswered(UUID sessionId, UUID personaId, String personaName, String question, Instant askedAt) {
    }

    @Transactional(readOnly = true)
    List<Unanswered> unanswered(int limit) {
        return jdbc.sql("""
                SELECT a.session_id, s.persona_id, p.name, q.content, q.created_at FROM chat_messages a
                JOIN chat_messages q ON q.tenant_id = a.tenant_id AND q.session_id = a.session_id AND q.seq = a.seq - 1
                JOIN chat_sessions s ON s.tenant_id = a.tenant_id AND s.id = a.session_id
                JOIN personas p ON p.tenant_id = s.tenant_id AND p.id = s.persona_id
                WHERE a.tenant_id = ? AND a.answered = false ORDER BY a.created_at DESC LIMIT ?""")
                .params(tenant(), limit)
                .query((rs, n) -> new Unanswered(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static final String OWNER = "((CAST(:user AS uuid) IS NOT NULL AND user_id = :user) OR (CAST(:key AS uuid) IS NOT NULL AND api_key_id = :key))";

    private static java.util.Map<String, Object> owner() {
        CurrentUser user = CurrentUser.require();
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("user", user.userId());
        m.put("key", user.apiKeyId());
        return m;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
