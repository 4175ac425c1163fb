package io.verbatim.analysis.internal.insights;

import io.verbatim.analysis.CallReason;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Normalizer;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Call reason from the taxonomy in {@code classpath:analysis/call-reasons.json}: the first intent (in
 * taxonomy order) matched in the opening of the conversation, specialised with a topic key phrase
 * ("{topic}_leak" -> "water_heater_leak"). Fallback: "{topic}_inquiry" from the opening's first topic,
 * else "general_inquiry".
 */
public final class CallReasonFinder {

    static final int CUSTOMER_TURNS = 5;
    static final int AGENT_TURNS = 3;

    private record Intent(String key, String speaker, String category, List<Pattern> patterns) {
    }

    private static final List<Intent> INTENTS = new ArrayList<>();
    private static final Map<String, List<String>> TOPICS = new LinkedHashMap<>();

    static {
        try (InputStream in = CallReasonFinder.class.getClassLoader().getResourceAsStream("analysis/call-reasons.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            for (JsonNode i : root.get("intents")) {
                List<Pattern> patterns = new ArrayList<>();
                i.get("patterns").forEach(p -> patterns.add(Pattern.compile(p.stringValue())));
                INTENTS.add(new Intent(i.get("key").stringValue(), i.get("speaker").stringValue(),
                        i.get("category").stringValue(), patterns));
            }
            for (String topic : root.get("topics").propertyNames()) {
                List<String> phrases = new ArrayList<>();
                root.get("topics").get(topic).forEach(p -> phrases.add(p.stringValue()));
                TOPICS.put(topic, phrases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CallReasonFinder() {
    }

    public static CallReason find(ConversationText text) {
        List<Sentence> customer = opening(text, Speaker.CUSTOMER, CUSTOMER_TURNS);
        List<Sentence> agent = opening(text, Speaker.AGENT, AGENT_TURNS);
        Intent chosen = null;
        Sentence hit = null;
        for (Intent intent : INTENTS) {
            List<Sentence> window = switch (intent.speaker()) {
                case "agent" -> agent;
                case "customer" -> customer;
                default -> concat(customer, agent);
            };
            Sentence h = match(text, intent, window);
            if (h == null) {
                continue;
            }
            if (!intent.category().contains("{topic}")) {
                chosen = intent;
                hit = h;
                break;
            }
            if (hit == null || h.turn() < hit.turn()) {
                chosen = intent;
                hit = h;
            }
        }
        if (chosen != null) {
            Intent intent = chosen;
            String category = intent.category();
            String topic = null;
            if (category.contains("{topic}")) {
                topic = topic(List.of(hit));
                if (topic == null) {
                    topic = topic(customer);
                }
                if (topic == null) {
                    topic = topic(agent);
                }
                category = topic == null ? category.replace("{topic}_", "") : category.replace("{topic}", topic);
            }
            return new CallReason(category, intent.key(), topic, List.of(hit.evidence()));
        }
        String topic = topic(customer);
        if (topic == null) {
            topic = topic(agent);
        }
        Sentence first = customer.stream().filter(s -> s.wordCount() >= 4 && topic(List.of(s)) != null).findFirst().orElse(null);
        return new CallReason(topic == null ? "general_inquiry" : topic + "_inquiry", "general_inquiry", topic,
                first == null ? List.of() : List.of(first.evidence()));
    }

    private static Sentence match(ConversationText text, Intent intent, List<Sentence> window) {
        for (Sentence s : window) {
            for (Pattern p : intent.patterns()) {
                if (p.matcher(s.folded()).find()) {
                    return s;
                }
            }
        }
        // a cue split over two sentences of one turn ("my mom's bill. It's way higher than normal.")
        int lastTurn = -1;
        for (Sentence s : window) {
            if (s.turn() == lastTurn) {
                continue;
            }
            lastTurn = s.turn();
            String turn = Normalizer.fold(text.turn(s.turn()).text());
            for (Pattern p : intent.patterns()) {
                if (p.matcher(turn).find()) {
                    return s;
                }
            }
        }
        return null;
    }

    private static String topic(List<Sentence> sentences) {
        for (Sentence s : sentences) {
            for (Map.Entry<String, List<String>> t : TOPICS.entrySet()) {
                if (s.hasAny(t.getValue())) {
                    return t.getKey();
                }
            }
        }
        return null;
    }

    private static List<Sentence> opening(ConversationText text, Speaker speaker, int turns) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            if (s.speaker() == speaker && text.speakerOrdinal(s.turn()) < turns) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<Sentence> concat(List<Sentence> a, List<Sentence> b) {
        List<Sentence> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
