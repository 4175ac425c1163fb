package io.verbatim.conversations;

import io.verbatim.conversations.internal.ConversationRows;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.tenancy.TenantContext;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current tenant's conversations (row-level security applies to every query). */
@Service
public class Conversations {

    private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() { };
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ConversationRows rows;
    private final ApplicationEventPublisher events;

    public Conversations(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = new ConversationRows(json);
        this.events = events;
    }

    /** An earlier conversation this request repeats: same idempotency key, or same source and external id. */
    @Transactional(readOnly = true)
    public Optional<Conversation> findRepeat(String source, String externalId, String idempotencyKey, String fingerprint) {
        if (idempotencyKey != null) {
            Optional<Conversation> byKey = jdbc.sql("SELECT * FROM conversations c WHERE tenant_id = ? AND idempotency_key = ?")
                    .params(tenant(), idempotencyKey).query(rows).optional();
            if (byKey.isPresent()) {
                String original = jdbc.sql("SELECT request_fingerprint FROM conversations WHERE tenant_id = ? AND id = ?")
                        .params(tenant(), byKey.get().id()).query(String.class).single();
                if (!original.equals(fingerprint)) {
                    throw ProblemException.conflict("idempotency-key-reused",
                            "Idempotency-Key '" + idempotencyKey + "' was already used for a different request");
                }
                return byKey;
            }
        }
        if (externalId != null) {
            return jdbc.sql("SELECT * FROM conversations c WHERE tenant_id = ? AND source = ? AND external_id = ?")
                    .params(tenant(), source, externalId).query(rows).optional();
        }
        return Optional.empty();
    }

    /**
     * Inserts the conversation, unless a concurrent identical request got there first (then that one is
     * returned as a duplicate). Callers enqueue its processing in the same transaction.
     */
    @Transactional
    public Accepted accept(NewConversation n) {
        // RETURNING gives the stored row (defaults included) without a second SELECT on the upload's accept path, and
        // the `received` event goes in the same statement (a round trip less; the event's foreign key is checked at the
        // statement's end, when the conversation is there). A conflict inserts neither.
        Optional<Conversation> inserted = jdbc.sql("""
                WITH kept AS (
                INSERT INTO conversations (id, tenant_id, source, external_id, idempotency_key, request_fingerprint, direction,
                    channel, started_at, agent_user_id, agent_ref, agent_name, team_id, customer_name, customer_phone,
                    customer_email, language, channel_roles, tags, attributes, input_kind, input_key, input_content_type,
                    input_bytes, input_sha256, input_filename, priority)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING *),
                received AS (
                    INSERT INTO pipeline_events (tenant_id, conversation_id, stage, outcome, attempt)
                    SELECT tenant_id, id, 'received', 'completed', 0 FROM kept)
                SELECT * FROM kept""")
                .params(n.id(), tenant(), n.source(), n.externalId(), n.idempotencyKey(), n.fingerprint(), n.direction().wire(),
                        n.channel().wire(), n.startedAt() == null ? null : Timestamp.from(n.startedAt()),
                        n.agent().userId(), n.agent().ref(), n.agent().name(), n.teamId(), n.customer().name(),
                        n.customer().phone(), n.customer().email(), n.language(), json.writeValueAsString(n.channelRoles()),
                        n.tags().toArray(String[]::new), json.writeValueAsString(n.attributes()), n.input().kind().wire(),
                        n.input().key(), n.input().contentType(), n.input().bytes(), n.input().sha256(), n.input().filename(),
                        n.priority())
                .query(rows).optional();
        if (inserted.isEmpty()) {
            Conversation original = findRepeat(n.source(), n.externalId(), n.idempotencyKey(), n.fingerprint())
                    .orElseThrow(() -> ProblemException.conflict("duplicate", "A conversation with this id already exists"));
            return new Accepted(original, true);
        }
        events.publishEvent(new ConversationAccepted(tenant(), n.id(), n.source(), n.direction(), n.channel(), n.agent(),
                n.customer()));
        return new Accepted(inserted.get(), false);
    }

    /** Any conversation of the tenant, regardless of the caller's role (for the pipeline and admins). */
    @Transactional(readOnly = true)
    public Optional<Conversation> find(UUID id) {
        return jdbc.sql("SELECT * FROM conversations c WHERE tenant_id = ? AND id = ?").params(tenant(), id).query(rows).optional();
    }

    /** A conversation the current caller may see; others are "not found", exactly like another tenant's. */
    @Transactional(readOnly = true)
    public Conversation getVisible(UUID id) {
        Visibility visibility = Visibility.current();
        return jdbc.sql("SELECT * FROM conversations c WHERE c.tenant_id = :tenant AND c.id = :id AND " + visibility.sqlPredicate())
                .param("tenant", tenant()).param("id", id).param("visible_id", visibility.parameter())
                .query(rows).optional()
                .orElseThrow(() -> ProblemException.notFound("Conversation " + id));
    }

    @Transactional
    public void saveTranscript(UUID id, Transcript transcript) {
        jdbc.sql("""
                INSERT INTO transcripts (conversation_id, tenant_id, source, language, duration_seconds, roles_confident, turns)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (conversation_id) DO UPDATE SET source = EXCLUDED.source, language = EXCLUDED.language,
                    duration_seconds = EXCLUDED.duration_seconds, roles_confident = EXCLUDED.roles_confident,
                    turns = EXCLUDED.turns, created_at = now()""")
                .params(id, tenant(), transcript.source(), transcript.language(), transcript.durationSeconds(),
                        transcript.rolesConfident(), json.writeValueAsString(transcript.turns()))
                .update();
        // a new recognition replaces the turns, so corrections of the old ones no longer line up (the audit log keeps them)
        jdbc.sql("DELETE FROM transcript_revisions WHERE tenant_id = ? AND conversation_id = ?").params(tenant(), id).update();
        jdbc.sql("UPDATE conversations SET roles_confident = ?, language = coalesce(language, ?), "
                        + "duration_seconds = coalesce(duration_seconds, ?), roles_swapped = false, updated_at = now() "
                        + "WHERE tenant_id = ? AND id = ?")
                .params(transcript.rolesConfident(), transcript.language(),
                        transcript.durationSeconds() > 0 ? transcript.durationSeconds() : null, tenant(), id)
                .update();
    }

    /** Stores the transcript with personal data replaced by type tags (see {@link PiiAccess}). */
    @Transactional
    public void saveRedactedTurns(UUID id, List<Turn> turns) {
        jdbc.sql("UPDATE transcripts SET redacted_turns = ?::jsonb WHERE tenant_id = ? AND conversation_id = ?")
                .params(json.writeValueAsString(turns), tenant(), id).update();
    }

    /** The redacted transcript; empty until enrichment has produced it. */
    @Transactional(readOnly = true)
    public Optional<Transcript> redactedTranscript(UUID id) {
        return jdbc.sql("SELECT * FROM transcripts WHERE tenant_id = ? AND conversation_id = ? AND redacted_turns IS NOT NULL")
                .params(tenant(), id)
                .query((rs, n) -> new Transcript(rs.getString("language"), rs.getString("source"),
                        rs.getDouble("duration_seconds"), json.readValue(rs.getString("redacted_turns"), TURNS),
                        rs.getBoolean("roles_confident")))
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Transcript> transcript(UUID id) {
        return jdbc.sql("SELECT * FROM transcripts WHERE tenant_id = ? AND conversation_id = ?").params(tenant(), id)
                .query((rs, n) -> new Transcript(rs.getString("language"), rs.getString("source"),
                        rs.getDouble("duration_seconds"), json.readValue(rs.getString("turns"), TURNS),
                        rs.getBoolean("roles_confident")))
                .optional();
    }

    /** Exchanges agent and customer in the transcript (the fix for a wrong channel mapping); applying it twice undoes it. */
    @Transactional
    public Conversation swapSpeakers(UUID id) {
        Conversation conversation = getVisible(id);
        Transcript transcript = transcript(id).orElseThrow(() -> ProblemException.conflict("no-transcript",
                "Conversation " + id + " has no transcript yet"));
        Transcript swapped = transcript.swapSpeakers();
        jdbc.sql("UPDATE transcripts SET turns = ?::jsonb WHERE tenant_id = ? AND conversation_id = ?")
                .params(json.writeValueAsString(swapped.turns()), tenant(), id).update();
        jdbc.sql("UPDATE conversations SET roles_swapped = NOT roles_swapped, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(tenant(), id).update();
        recordEvent(id, conversation.stage(), "redriven", conversation.attempts(), "agent and customer swapped");
        return find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        Conversation conversation = getVisible(id);
        jdbc.sql("DELETE FROM conversations WHERE tenant_id = ? AND id = ?").params(tenant(), id).update();
        events.publishEvent(new ConversationDeleted(tenant(), id, conversation.input().key()));
    }

    @Transactional
    public void updateMediaFacts(UUID id, double durationSeconds, int channels) {
        jdbc.sql("UPDATE conversations SET duration_seconds = ?, audio_channels = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(durationSeconds, channels, tenant(), id).update();
    }

    /** Stores the player's waveform peaks (audiowaveform v2 JSON). */
    @Transactional
    public void saveWaveform(UUID id, String peaksJson) {
        jdbc.sql("""
                INSERT INTO waveforms (conversation_id, tenant_id, peaks) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (conversation_id) DO UPDATE SET peaks = EXCLUDED.peaks""")
                .params(id, tenant(), peaksJson).update();
    }

    @Transactional(readOnly = true)
    public Optional<String> waveform(UUID id) {
        return jdbc.sql("SELECT peaks::text FROM waveforms WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenant(), id).query(String.class).optional();
    }

    @Transactional
    public void setSpeechEngine(UUID id, String engine) {
        jdbc.sql("UPDATE conversations SET speech_engine = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(engine, tenant(), id).update();
    }

    /** The pipeline history of a conversation, oldest first. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> events(UUID id) {
        return jdbc.sql("SELECT at, stage, outcome, attempt, detail FROM pipeline_events WHERE tenant_id = ? AND conversation_id = ? ORDER BY id")
                .params(tenant(), id).query().listOfRows();
    }

    /** Appends to the conversation's pipeline history. */
    @Transactional
    public void recordEvent(UUID id, String stage, String outcome, int attempt, String detail) {
        jdbc.sql("INSERT INTO pipeline_events (tenant_id, conversation_id, stage, outcome, attempt, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenant(), id, stage, outcome, attempt, detail == null ? null : truncate(detail)).update();
    }

    /** A stage begins: the conversation is processing and the attempt is counted. */
    @Transactional
    public int startStage(UUID id, String stage) {
        Integer attempts = jdbc.sql("""
                UPDATE conversations SET status = 'processing', attempts = attempts + 1, updated_at = now()
                WHERE tenant_id = ? AND id = ? RETURNING attempts""").params(tenant(), id).query(Integer.class).single();
        recordEvent(id, stage, "started", attempts, null);
        return attempts;
    }

    /** A stage is done; the last stage completes the conversation. */
    @Transactional
    public void completeStage(UUID id, String stage, boolean last) {
        jdbc.sql("""
                UPDATE conversations SET stage = ?, status = CASE WHEN ? THEN 'completed' ELSE 'processing' END,
                    attempts = CASE WHEN ? THEN attempts ELSE 0 END, last_error = NULL, last_error_type = NULL,
                    completed_at = CASE WHEN ? THEN now() ELSE completed_at END, updated_at = now()
                WHERE tenant_id = ? AND id = ?""")
                .params(stage, last, last, last, tenant(), id).update();
        recordEvent(id, stage, "completed", 0, null);
        if (last) {
            events.publishEvent(new ConversationCompleted(tenant(), id, stage));
        }
    }

    /** A stage failed; {@code permanent} ends the conversation as failed, otherwise it will be retried. */
    @Transactional
    public void failStage(UUID id, String stage, String errorType, String message, boolean permanent, int attempt) {
        if (permanent) {
            jdbc.sql("""
                    UPDATE conversations SET status = 'failed', last_error = ?, last_error_type = ?, updated_at = now()
                    WHERE tenant_id = ? AND id = ?""")
                    .params(truncate(message), errorType, tenant(), id).update();
            events.publishEvent(new ConversationFailed(tenant(), id, stage, errorType, truncate(message)));
        } else {
            jdbc.sql("UPDATE conversations SET last_error = ?, last_error_type = ?, updated_at = now() WHERE tenant_id = ? AND id = ?")
                    .params(truncate(message), errorType, tenant(), id).update();
        }
        recordEvent(id, stage, permanent ? "failed" : "retrying", attempt, errorType + ": " + message);
    }

    /** Puts a failed conversation back in the queue from the stage that failed. */
    @Transactional
    public Conversation markRedriven(UUID id) {
        Conversation conversation = getVisible(id);
        if (conversation.status() != ConversationStatus.FAILED) {
            throw ProblemException.conflict("not-failed", "Only a failed conversation can be retried; this one is "
                    + conversation.status().wire());
        }
        jdbc.sql("UPDATE conversations SET status = 'received', attempts = 0, updated_at = now() WHERE tenant_id = ? AND id = ?")
                .params(tenant(), id).update();
        recordEvent(id, conversation.stage(), "redriven", 0, "retry requested");
        return find(id).orElseThrow();
    }

    /** Completed conversations the caller may see that started (or, lacking a start, arrived) in [from, to), oldest first. */
    @Transactional(readOnly = true)
    public List<UUID> completedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        Visibility visibility = Visibility.current();
        return jdbc.sql("""
                SELECT c.id FROM conversations c
                WHERE c.tenant_id = :tenant AND c.status = 'completed' AND %s
                  AND coalesce(c.started_at, c.created_at) >= :from AND coalesce(c.started_at, c.created_at) < :to
                ORDER BY coalesce(c.started_at, c.created_at) LIMIT :limit""".formatted(visibility.sqlPredicate()))
                .param("tenant", tenant()).param("visible_id", visibility.parameter())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query(UUID.class).list();
    }

    /** Sets the conversation back to {@code stage} so the stages after it run again (re-analysis). */
    @Transactional
    public void rewindTo(UUID id, String stage, String reason) {
        jdbc.sql("""
                UPDATE conversations SET stage = ?, status = 'processing', attempts = 0, last_error = NULL,
                    last_error_type = NULL, updated_at = now() WHERE tenant_id = ? AND id = ?""")
                .params(stage, tenant(), id).update();
        recordEvent(id, stage, "redriven", 0, reason);
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
