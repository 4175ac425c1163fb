package io.verbatim.chat.internal;

import io.verbatim.ask.ConversationScope;
import io.verbatim.ask.GroundedAnswers;
import io.verbatim.ask.PassageFilter;
import io.verbatim.ask.PassageHit;
import io.verbatim.ask.PassageQuery;
import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.documents.DocumentLibrary;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Answers a chat message: resolves a follow-up against the session, searches the persona's collections that
 * the caller may read (and the caller's calls when the persona may use them) with those limits applied inside
 * the retrieval engine, then answers with the tenant's LLM when configured, extractively otherwise, or with the
 * persona's refusal text when nothing relevant was found.
 */
@Service
class ChatService {

    static final int MAX_QUESTION = 2000;
    private static final int PASSAGES = 6;
    private static final int HISTORY = 10;
    private final ChatSessions sessions;
    private final PersonaStore personas;
    private final DocumentLibrary library;
    private final RetrievalEngine retrieval;
    private final GroundedAnswers answers;

    ChatService(ChatSessions sessions, PersonaStore personas, DocumentLibrary library, RetrievalEngine retrieval, GroundedAnswers answers) {
        this.sessions = sessions;
        this.personas = personas;
        this.library = library;
        this.retrieval = retrieval;
        this.answers = answers;
    }

    /** @param kind {@code extractive}, {@code generated} or {@code refusal} */
    record Reply(String answer, List<ChatCitation> citations, String kind, boolean answered) {
    }

    ChatSessions.Message ask(UUID sessionId, String content) {
        return ask(sessionId, content, null);
    }

    /**
     * @param onToken null, or where a generated answer's tokens go as the LLM sends them (extractive answers and
     *                refusals send none); the returned message is the answer to keep
     */
    ChatSessions.Message ask(UUID sessionId, String content, Consumer<String> onToken) {
        String question = content == null ? "" : content.strip();
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            throw ProblemException.badRequest("validation", "content must be 1-" + MAX_QUESTION + " characters");
        }
        ChatSessions.Session session = sessions.get(sessionId);
        Persona persona = personas.get(session.personaId());
        List<ChatSessions.Message> history = sessions.messages(sessionId);
        List<String> earlier = history.stream().filter(m -> m.role().equals("user")).map(ChatSessions.Message::content).toList();
        String query = FollowUps.resolve(question, earlier);
        Reply reply = answer(persona, history, question, query, onToken);
        return sessions.append(sessionId, question, query, reply, persona.version());
    }

    private Reply answer(Persona persona, List<ChatSessions.Message> history, String question, String query, Consumer<String> onToken) {
        Set<UUID> collections = new HashSet<>(persona.collectionIds());
        collections.retainAll(library.readableCollections()); // the caller's permissions, from the database
        ConversationScope calls = persona.useCalls() ? scope(CurrentUser.require()) : null;
        if (collections.isEmpty() && calls == null) {
            return refusal(persona);
        }
        PassageFilter filter = calls == null ? PassageFilter.documents(collections)
                : collections.isEmpty() ? PassageFilter.conversations(calls) : PassageFilter.both(collections, calls);
        List<PassageHit> found = retrieval.search(new PassageQuery(TenantContext.require(), query, PASSAGES, filter));
        Map<UUID, String> titles = library.titles(found.stream().filter(h -> h.kind() == SourceKind.DOCUMENT).map(PassageHit::sourceId).toList());
        // Only passages close enough to the question to answer from (else the persona's refusal, not an unrelated quote).
        List<PassageHit> hits = documentsFirst(found.stream().filter(PassageHit::answers)
                .filter(h -> h.kind() != SourceKind.DOCUMENT || titles.containsKey(h.sourceId())).toList());
        if (hits.isEmpty()) {
            return refusal(persona);
        }
        if (answers.llmAvailable()) {
            List<GroundedAnswers.LabelledPassage> labelled = hits.stream().map(h -> new GroundedAnswers.LabelledPassage(label(h, titles), h.text())).toList();
            List<GroundedAnswers.Turn> turns = history.stream().skip(Math.max(0, history.size() - HISTORY))
                    .map(m -> new GroundedAnswers.Turn(m.role(), m.content())).toList();
            var generated = onToken == null ? answers.generate(instructions(persona), turns, labelled, question, persona.refusal())
                    : answers.generate(instructions(persona), turns, labelled, question, persona.refusal(), onToken);
            if (generated.isPresent()) {
                if (generated.get().notFound()) {
                    return refusal(persona);
                }
                List<ChatCitation> cited = generated.get().cited().stream().map(i -> citation(hits.get(i), titles)).toList();
                return new Reply(generated.get().text(), cited, "generated", true);
            }
        }
        return extractive(hits, titles);
    }

    /**
     * The persona's documents before its calls, each in rank order: a document the answer gate admitted is the
     * tenant's own word on the subject (a price list, a policy), while a call only shows what was said once, often in
     * recognised speech; both are cited, the documents lead.
     */
    static List<PassageHit> documentsFirst(List<PassageHit> hits) {
        List<PassageHit> ordered = new ArrayList<>(hits.size());
        hits.stream().filter(h -> h.kind() == SourceKind.DOCUMENT).forEach(ordered::add);
        hits.stream().filter(h -> h.kind() != SourceKind.DOCUMENT).forEach(ordered::add);
        return ordered;
    }

    /** The best passages, one per source, quoted with where they are from. */
    private static Reply extractive(List<PassageHit> hits, Map<UUID, String> titles) {
        Map<UUID, PassageHit> best = new LinkedHashMap<>();
        hits.forEach(h -> best.putIfAbsent(h.sourceId(), h));
        List<PassageHit> top = best.values().stream().limit(3).toList();
        List<ChatCitation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PassageHit lead = top.getFirst();
        text.append("From ").append(label(lead, titles)).append(": “").append(lead.quote()).append("”");
        citations.add(citation(lead, titles));
        for (PassageHit h : top.subList(1, top.size())) {
            text.append("\n- ").append(label(h, titles)).append(": “").append(h.quote()).append("”");
            citations.add(citation(h, titles));
        }
        return new Reply(text.toString(), citations, "extractive", true);
    }

    private static Reply refusal(Persona persona) {
        return new Reply(persona.refusal(), List.of(), "refusal", false);
    }

    private static ChatCitation citation(PassageHit h, Map<UUID, String> titles) {
        return h.kind() == SourceKind.DOCUMENT ? ChatCitation.document(h.sourceId(), titles.get(h.sourceId()), h.page(), h.quote())
                : ChatCitation.call(h.sourceId(), h.second(), h.quote());
    }

    private static String label(PassageHit h, Map<UUID, String> titles) {
        if (h.kind() == SourceKind.DOCUMENT) {
            return titles.get(h.sourceId()) + (h.page() == null ? "" : ", page " + h.page());
        }
        long s = h.second() == null ? 0 : Math.round(h.second());
        return "a call, at " + String.format("%d:%02d", s / 60, s % 60);
    }

    private static String instructions(Persona p) {
        StringBuilder s = new StringBuilder(p.instructions());
        if (p.tone() != null) {
            s.append("\nTone: ").append(p.tone()).append('.');
        }
        if (p.language() != null) {
            s.append("\nAnswer in this language: ").append(p.language()).append('.');
        }
        s.append(switch (p.answerLength()) {
            case "short" -> "\nAnswer in one or two sentences.";
            case "long" -> "\nAnswer thoroughly, in up to three short paragraphs.";
            default -> "\nAnswer in at most five sentences.";
        });
        return s.toString();
    }

    /** The calls a caller may see, as Ask scopes them by role. */
    static ConversationScope scope(CurrentUser user) {
        if (user.role().seesWholeTenant()) {
            return ConversationScope.all();
        }
        if (user.role() == Role.MANAGER) {
            return user.teamId() == null ? ConversationScope.all() : ConversationScope.team(user.teamId());
        }
        return user.userId() == null ? ConversationScope.agent(new UUID(0, 0)) : ConversationScope.agent(user.userId());
    }
}
