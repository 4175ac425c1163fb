package io.verbatim.ask.internal;

import io.verbatim.ask.Answer;
import io.verbatim.ask.AskScope;
import io.verbatim.ask.Citation;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An answer without an LLM: the best passages grouped by conversation (at most {@link #CONVERSATIONS}
 * conversations, {@link #PER_CONVERSATION} moments each), led by a sentence that says how many calls
 * speak to the question and quotes the strongest moment.
 */
final class ExtractiveAnswers {

    static final int CONVERSATIONS = 5;
    static final int PER_CONVERSATION = 2;

    private ExtractiveAnswers() {
    }

    /** The passages to cite, grouped by conversation in rank order. */
    static Map<UUID, List<Passage>> group(List<Passage> passages, int conversations, int perConversation) {
        Map<UUID, List<Passage>> grouped = new LinkedHashMap<>();
        for (Passage p : passages) {
            List<Passage> list = grouped.get(p.conversationId());
            if (list == null) {
                if (grouped.size() >= conversations) {
                    continue;
                }
                list = new ArrayList<>();
                grouped.put(p.conversationId(), list);
            }
            boolean sameTurn = list.stream().anyMatch(q -> q.bestTurn().i() == p.bestTurn().i());
            if (list.size() < perConversation && !sameTurn) {
                list.add(p);
            }
        }
        return grouped;
    }

    static Answer answer(Map<UUID, List<Passage>> grouped, List<String> terms, AskScope scope, boolean oneConversation) {
        if (grouped.isEmpty()) {
            String none = oneConversation ? "Nothing in this conversation matches the question."
                    : "No conversation in your " + scope.wire() + " scope matches the question.";
            return new Answer(none, List.of(), false, "passages", scope);
        }
        List<Citation> citations = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        Passage top = grouped.values().iterator().next().getFirst();
        Citation lead = top.citation(terms);
        StringBuilder answer = new StringBuilder();
        if (oneConversation) {
            answer.append("The most relevant moment in this conversation, at ").append(clock(lead.start())).append(", the ")
                    .append(lead.speaker()).append(" says: “").append(lead.quote()).append("”");
        } else {
            int n = grouped.size();
            answer.append(n == 1 ? "One conversation" : n + " conversations").append(" in your ").append(scope.wire())
                    .append(" scope ").append(n == 1 ? "speaks" : "speak").append(" to this. The closest match is ")
                    .append(who(top)).append(", where the ").append(lead.speaker()).append(" says: “").append(lead.quote())
                    .append("”");
        }
        for (var entry : grouped.entrySet()) {
            Passage first = entry.getValue().getFirst();
            if (!oneConversation) {
                body.append("\n\n").append(capitalise(who(first))).append(" (conversation ").append(entry.getKey()).append("):");
            }
            for (Passage p : entry.getValue()) {
                Citation c = p.citation(terms);
                citations.add(c);
                body.append("\n- [").append(clock(c.start())).append("] ").append(capitalise(c.speaker())).append(": “")
                        .append(c.quote()).append("”");
            }
        }
        return new Answer(answer.append(body).toString(), citations, false, "passages", scope);
    }

    private static String who(Passage p) {
        String date = p.at().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String channel = p.channel() == null ? "call" : switch (p.channel()) {
            case "field_visit" -> "visit";
            case "voice_agent" -> "voice-agent call";
            case "video" -> "video";
            case "chat" -> "chat";
            default -> "call";
        };
        return "the " + channel + " on " + date + (p.agentName() == null ? "" : " with " + p.agentName());
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
