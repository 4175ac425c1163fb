package io.verbatim.chat.internal;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat sessions. A message answers as JSON, or as server-sent events when the client accepts
 * {@code text/event-stream}: {@code delta} events carry the answer's text as it comes (a generated answer: the
 * LLM's tokens as it streams them; an extractive one: word by word), then {@code done} carries the whole message
 * (answer and citations), which is the text to keep.
 */
@RestController
@RequestMapping("/api/v1/chat")
class ChatController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChatController.class);

    private final ChatSessions sessions;
    private final ChatService chat;
    private final PersonaStore personas;
    private final JsonMapper json;

    ChatController(ChatSessions sessions, ChatService chat, PersonaStore personas, JsonMapper json) {
        this.sessions = sessions;
        this.chat = chat;
        this.personas = personas;
        this.json = json;
    }

    record SessionBody(UUID personaId) {
    }

    record MessageBody(String content) {
    }

    record FeedbackBody(String rating) {
    }

    /** What a message answers: the answer and where it comes from. */
    record Answer(UUID messageId, String answer, List<ChatCitation> citations, String kind, boolean answered) {
        static Answer of(ChatSessions.Message m) {
            return new Answer(m.id(), m.content(), m.citations(), m.kind(), Boolean.TRUE.equals(m.answered()));
        }
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    ChatSessions.Session create(@RequestBody SessionBody body) {
        if (body == null || body.personaId() == null) {
            throw ProblemException.badRequest("validation", "persona_id is required");
        }
        personas.get(body.personaId()); // 404 for an unknown (or another tenant's) persona
        return sessions.create(body.personaId());
    }

    @GetMapping("/sessions")
    Page<ChatSessions.Session> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        return sessions.list(cursor, Page.limit(limit));
    }

    @GetMapping("/sessions/{id}")
    ChatSessions.History history(@PathVariable UUID id) {
        return sessions.history(id);
    }

    @GetMapping("/sessions/{id}/messages")
    List<ChatSessions.Message> messages(@PathVariable UUID id) {
        return sessions.history(id).messages();
    }

    @PostMapping(path = "/sessions/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    Answer ask(@PathVariable UUID id, @RequestBody MessageBody body) {
        return Answer.of(chat.ask(id, body == null ? null : body.content()));
    }

    /**
     * Written on the request's thread (its tenant and caller stay in place) and flushed event by event. Failures
     * before the first event answer as problem+json; after it, as an {@code error} event.
     */
    @PostMapping(path = "/sessions/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void askStreaming(@PathVariable UUID id, @RequestBody MessageBody body, HttpServletResponse response) {
        ChatEventStream events = new ChatEventStream(response, json);
        try {
            Answer answer = Answer.of(chat.ask(id, body == null ? null : body.content(), events::delta));
            if (!events.started()) {
                for (String piece : answer.answer().split("(?<=\\s)")) {
                    events.delta(piece);
                }
            }
            events.done(answer);
            if (events.clientGone()) {
                log.info("The chat client went away before the end of the answer to session {}; the whole {} answer (message {}) "
                        + "is stored in the session", id, answer.kind(), answer.messageId());
            }
        } catch (ProblemException e) {
            if (!events.started()) {
                throw e;
            }
            events.error(Problems.type(e.type()).toString(), e.getMessage());
        }
    }

    @PostMapping("/sessions/{id}/messages/{messageId}/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void feedback(@PathVariable UUID id, @PathVariable UUID messageId, @RequestBody FeedbackBody body) {
        String rating = body == null ? null : body.rating();
        if (!"up".equals(rating) && !"down".equals(rating)) {
            throw ProblemException.badRequest("validation", "rating must be 'up' or 'down'");
        }
        sessions.feedback(id, messageId, "up".equals(rating) ? 1 : -1);
    }

    @GetMapping("/unanswered")
    @PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN')")
    List<ChatSessions.Unanswered> unanswered(@RequestParam(required = false) Integer limit) {
        return sessions.unanswered(Page.limit(limit));
    }
}
