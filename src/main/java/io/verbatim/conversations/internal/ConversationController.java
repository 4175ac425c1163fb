package io.verbatim.conversations.internal;

import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.conversations.ConversationStatus;
import io.verbatim.conversations.Conversations;
import io.verbatim.conversations.PiiAccess;
import io.verbatim.conversations.TranscriptCorrections;
import io.verbatim.conversations.Visibility;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.speech.Transcript;
import io.verbatim.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Conversations as the caller may see them (agents their own, managers their team's). */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private final Conversations conversations;
    private final JdbcClient jdbc;
    private final ConversationRows rows;
    private final ConversationAnalyses analyses;
    private final PiiAccess piiAccess;
    private final TranscriptCorrections corrections;

    ConversationController(Conversations conversations, ConversationAnalyses analyses, PiiAccess piiAccess, JdbcClient jdbc,
                           JsonMapper json, TranscriptCorrections corrections) {
        this.corrections = corrections;
        this.piiAccess = piiAccess;
        this.conversations = conversations;
        this.analyses = analyses;
        this.jdbc = jdbc;
        this.rows = new ConversationRows(json);
    }

    record Details(Conversation conversation, List<Map<String, Object>> history) {
    }

    record Change(Boolean swapSpeakers) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    public Page<Conversation> list(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit);
        Visibility visibility = Visibility.current();
        String[] after = decodeCursor(cursor);
        List<Conversation> found = jdbc.sql("""
                SELECT * FROM conversations c
                WHERE c.tenant_id = :tenant AND %s
                  AND (CAST(:status AS text) IS NULL OR c.status = :status)
                  AND (CAST(:after_at AS timestamptz) IS NULL
                       OR (c.created_at, c.id) < (CAST(:after_at AS timestamptz), CAST(:after_id AS uuid)))
                ORDER BY c.created_at DESC, c.id DESC LIMIT :limit""".formatted(visibility.sqlPredicate()))
                .param("tenant", TenantContext.require().value()).param("visible_id", visibility.parameter())
                .param("status", status == null ? null : ConversationStatus.fromWire(status).wire())
                .param("after_at", after == null ? null : after[0]).param("after_id", after == null ? null : after[1])
                .param("limit", size + 1)
                .query(rows).list();
        return Page.of(found, size, c -> c.createdAt() + "|" + c.id());
    }

    @GetMapping("/{id}")
    public Details get(@PathVariable UUID id) {
        Conversation conversation = conversations.getVisible(id);
        return new Details(conversation, conversations.events(id));
    }

    /** The flat call and QA records (docs/schemas) of an analysed conversation. */
    @GetMapping("/{id}/analysis")
    public ConversationAnalyses.Records analysis(@PathVariable UUID id) {
        conversations.getVisible(id);
        ConversationAnalyses.Records records = analyses.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "no-analysis", "Not analysed yet", "Conversation " + id + " has no analysis yet; see its status"));
        return piiAccess.callerSeesPii() ? records : analyses.redacted(records);
    }

    /** The current text (corrections applied); {@code ?original=true}: every corrected turn as first recognised or imported. */
    @GetMapping("/{id}/transcript")
    public Transcript transcript(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean original) {
        conversations.getVisible(id);
        if (!piiAccess.callerSeesPii()) {
            if (original) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "redacted-transcript", "Transcript is redacted for you",
                        "Personal data is redacted for your role, and the original text is not");
            }
            return conversations.redactedTranscript(id).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                    "redaction-pending", "Not redacted yet", "Conversation " + id + " has no redacted transcript yet"));
        }
        Transcript current = conversations.transcript(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "no-transcript", "No transcript yet", "Conversation " + id + " has no transcript yet; see its status"));
        return original ? corrections.original(current, id) : current;
    }

    /** Today only {@code {"swap_speakers": true}}: the fix for a recording whose agent and customer channels are reversed. */
    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER')")
    public Conversation change(@PathVariable UUID id, @RequestBody Change change) {
        if (!Boolean.TRUE.equals(change.swapSpeakers())) {
            throw ProblemException.badRequest("validation", "Nothing to change: send {\"swap_speakers\": true}");
        }
        return conversations.swapSpeakers(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    public void delete(@PathVariable UUID id) {
        conversations.delete(id);
    }

    private static String[] decodeCursor(String cursor) {
        String key = Page.decode(cursor);
        if (key == null) {
            return null;
        }
        String[] parts = key.split("\\|");
        if (parts.length != 2) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this API issued");
        }
        try {
            java.time.Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this API issued");
        }
        return parts;
    }
}
