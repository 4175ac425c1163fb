package io.verbatim.conversations;

import io.verbatim.identity.AuditLog;
import io.verbatim.identity.CurrentUser;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corrections of a transcript's turns by a person. The transcript keeps the current text (every reader, analysis
 * included, sees the correction); each revision keeps the turn as first stored, so the original can be shown again.
 * A corrected turn loses its word timings and confidence: they described the recognised words, and a redacted copy
 * built from stale words could carry personal data the corrected text no longer shows.
 */
@Service
public class TranscriptCorrections {

    /** Longer than any real turn; bounds what one request can write. */
    public static final int MAX_TEXT = 10_000;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Conversations conversations;
    private final PiiAccess piiAccess;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public TranscriptCorrections(JdbcClient jdbc, JsonMapper json, Conversations conversations, PiiAccess piiAccess,
                                 AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.conversations = conversations;
        this.piiAccess = piiAccess;
        this.audit = audit;
        this.events = events;
    }

    /** Replaces the text of turn {@code index} of a conversation the caller may see; returns the corrected transcript. */
    @Transactional
    public Transcript correct(UUID id, int index, String text) {
        String corrected = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (corrected.isEmpty() || corrected.length() > MAX_TEXT) {
            throw ProblemException.badRequest("invalid-turn-text", "text must be 1 to " + MAX_TEXT + " characters");
        }
        Conversation conversation = conversations.getVisible(id);
        if (!piiAccess.callerSeesPii()) {
            // the caller reads the redacted copy: an edit of it would write type tags over the real words
            throw new ProblemException(HttpStatus.FORBIDDEN, "redacted-transcript", "Transcript is redacted for you",
                    "Personal data is redacted for your role, so only an admin can correct this transcript");
        }
        Transcript transcript = jdbc.sql("SELECT 1 FROM transcripts WHERE tenant_id = ? AND conversation_id = ? FOR UPDATE")
                .params(tenant(), id).query(Integer.class).optional()
                .flatMap(locked -> conversations.transcript(id))
                .orElseThrow(() -> ProblemException.conflict("no-transcript", "Conversation " + id + " has no transcript yet"));
        if (index < 0 || index >= transcript.turns().size()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "no-such-turn", "No such turn",
                    "Conversation " + id + " has turns 0 to " + (transcript.turns().size() - 1));
        }
        Turn before = transcript.turns().get(index);
        if (before.text().equals(corrected)) {
            return transcript;
        }
        String original = jdbc.sql("""
                SELECT original_turn::text FROM transcript_revisions WHERE tenant_id = ? AND conversation_id = ? AND turn_index = ?
                ORDER BY id LIMIT 1""").params(tenant(), id, index).query(String.class).optional()
                .orElseGet(() -> json.writeValueAsString(before));
        CurrentUser editor = CurrentUser.require();
        jdbc.sql("""
                INSERT INTO transcript_revisions (tenant_id, conversation_id, turn_index, previous_text, text, original_turn,
                    edited_by, edited_by_email) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(tenant(), id, index, before.text(), corrected, original, editor.userId(), editor.email()).update();
        List<Turn> turns = new ArrayList<>(transcript.turns());
        turns.set(index, new Turn(before.speaker(), before.speakerLabel(), before.channel(), before.start(), before.end(),
                corrected, List.of(), null));
        jdbc.sql("UPDATE transcripts SET turns = ?::jsonb WHERE tenant_id = ? AND conversation_id = ?")
                .params(json.writeValueAsString(turns), tenant(), id).update();
        conversations.recordEvent(id, conversation.stage(), "redriven", 0, "turn " + index + " corrected");
        // the texts stay out of the audit log: they may hold personal data that redaction later removes elsewhere
        audit.record("transcript.turn_corrected", "conversation", id.toString(),
                Map.of("turn", index, "characters_before", before.text().length(), "characters_after", corrected.length()));
        events.publishEvent(new TranscriptCorrected(tenant(), id, index));
        return new Transcript(transcript.language(), transcript.source(), transcript.durationSeconds(), turns,
                transcript.rolesConfident());
    }

    /** The corrections of a conversation the caller may see, oldest first. */
    @Transactional(readOnly = true)
    public List<TurnRevision> revisions(UUID id) {
        conversations.getVisible(id);
        if (!piiAccess.callerSeesPii()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "redacted-transcript", "Transcript is redacted for you",
                    "Personal data is redacted for your role, and revisions hold the unredacted text");
        }
        return jdbc.sql("""
                SELECT id, turn_index, previous_text, text, original_turn ->> 'text', edited_by, edited_by_email, edited_at
                FROM transcript_revisions WHERE tenant_id = ? AND conversation_id = ? ORDER BY id""")
                .params(tenant(), id)
                .query((rs, n) -> new TurnRevision(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The transcript as first stored: every corrected turn back as it was recognised (or imported). */
    @Transactional(readOnly = true)
    public Transcript original(Transcript current, UUID id) {
        List<Turn> turns = new ArrayList<>(current.turns());
        jdbc.sql("""
                SELECT DISTINCT ON (turn_index) turn_index, original_turn::text FROM transcript_revisions
                WHERE tenant_id = ? AND conversation_id = ? ORDER BY turn_index, id""")
                .params(tenant(), id)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .list()
                .forEach(e -> {
                    if (e.getKey() < turns.size()) {
                        turns.set(e.getKey(), json.readValue(e.getValue(), Turn.class));
                    }
                });
        return new Transcript(current.language(), current.source(), current.durationSeconds(), turns, current.rolesConfident());
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
