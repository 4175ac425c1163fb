package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.Objection;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.Owner;
import io.verbatim.analysis.Qualification;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.llm.LlmVerdicts.Verdict;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads one LLM answer field by field: each field (and each scorecard item) is validated against its
 * part of {@code llm-judgment.schema.json} on its own, then checked against the conversation: the item
 * key is one of the scorecard's, a "met" item cites a quote, every cited quote occurs in the transcript
 * ({@link QuoteFinder}), an objection is the customer's. A field that fails any check is left out with
 * the reason, so it alone falls back to the built-in value.
 */
final class LlmVerdictReader {

    private final JsonNode schema;
    private final QuoteFinder quotes;
    private final Transcript transcript;
    private final Map<String, ScorecardItem> cardItems = new LinkedHashMap<>();

    LlmVerdictReader(JsonNode schema, Transcript transcript, Scorecard card) {
        this.schema = schema;
        this.transcript = transcript;
        this.quotes = new QuoteFinder(transcript);
        if (card != null) {
            card.sections().forEach(s -> s.items().forEach(i -> cardItems.put(i.key(), i)));
        }
    }

    LlmVerdicts read(JsonNode answer) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Verdict<ItemStatus>> items = items(answer.path("scorecard"), problems);
        return new LlmVerdicts(items,
                field(answer, "customer_sentiment", problems, n -> scalar(n, SentimentSignal.Polarity::of)),
                field(answer, "sentiment_trend", problems, n -> scalar(n, SentimentSignal.Trend::of)),
                field(answer, "booking_status", problems, n -> scalar(n, v -> BookingStatus.valueOf(upper(v)))),
                field(answer, "qualification", problems, n -> scalar(n, v -> Qualification.valueOf(upper(v)))),
                field(answer, "objections", problems, this::objections),
                field(answer, "action_items", problems, this::actionItems), problems);
    }

    private Map<String, Verdict<ItemStatus>> items(JsonNode list, Map<String, String> problems) {
        Map<String, Verdict<ItemStatus>> items = new LinkedHashMap<>();
        JsonNode itemSchema = schema.path("properties").path("scorecard").path("items");
        if (list.isArray()) {
            for (JsonNode n : list) {
                String key = n.path("key").asString("");
                List<String> errors = SchemaValidator.validate(itemSchema, n);
                if (!cardItems.containsKey(key)) {
                    continue; // not an item of this scorecard: nothing to replace
                }
                if (!errors.isEmpty()) {
                    problems.put("qa." + key, String.join("; ", errors));
                    continue;
                }
                ItemStatus status = ItemStatus.valueOf(upper(n.get("result").stringValue()));
                String quote = text(n.get("quote"));
                Optional<Evidence> evidence = quotes.find(quote, integer(n.get("turn")));
                if (quote != null && evidence.isEmpty()) {
                    problems.put("qa." + key, "the quote is not in the transcript: " + clip(quote));
                } else if (status == ItemStatus.MET && evidence.isEmpty()) {
                    problems.put("qa." + key, "met without a quote");
                } else {
                    // A not-met item's quote is context, not evidence that the behaviour happened.
                    items.put(key, new Verdict<>(status, n.get("confidence").doubleValue(),
                            status == ItemStatus.MET ? evidence.stream().toList() : List.of()));
                }
            }
        }
        problems.keySet().removeIf(f -> f.startsWith("qa.") && items.containsKey(f.substring(3)));
        for (String key : cardItems.keySet()) {
            if (!items.containsKey(key)) {
                problems.putIfAbsent("qa." + key, "not judged");
            }
        }
        return items;
    }

    /** A field's verdict, or null (with the reason in problems) when its schema, value or evidence is invalid. */
    private <T> Verdict<T> field(JsonNode answer, String name, Map<String, String> problems, Function<JsonNode, Verdict<T>> read) {
        JsonNode node = answer.get(name);
        if (node == null) {
            problems.put(name, "missing");
            return null;
        }
        List<String> errors = SchemaValidator.validate(schema.path("properties").path(name), node);
        if (!errors.isEmpty()) {
            problems.put(name, String.join("; ", errors).replace("$", "$." + name));
            return null;
        }
        try {
            return read.apply(node);
        } catch (InvalidVerdict e) {
            problems.put(name, e.getMessage());
            return null;
        }
    }

    private <T> Verdict<T> scalar(JsonNode n, Function<String, T> parse) {
        String value = text(n.get("value"));
        String quote = text(n.get("quote"));
        Optional<Evidence> evidence = quotes.find(quote, integer(n.get("turn")));
        if (quote != null && evidence.isEmpty()) {
            throw new InvalidVerdict("the quote is not in the transcript: " + clip(quote));
        }
        return new Verdict<>(value == null ? null : parse.apply(value), n.get("confidence").doubleValue(), evidence.stream().toList());
    }

    private Verdict<List<Objection>> objections(JsonNode n) {
        List<Objection> out = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode o : n.get("items")) {
            String quote = o.get("quote").stringValue();
            Evidence e = quotes.find(quote, o.get("turn").intValue())
                    .orElseThrow(() -> new InvalidVerdict("an objection's quote is not in the transcript: " + clip(quote)));
            if (transcript.turns().get(e.turn()).speaker() != Speaker.CUSTOMER) {
                throw new InvalidVerdict("an objection quotes the agent (turn " + e.turn() + ")");
            }
            out.add(new Objection(ObjectionCategory.valueOf(upper(o.get("category").stringValue())), e.turn(), e.start(), e.quote()));
            evidence.add(e);
        }
        return new Verdict<>(List.copyOf(out), n.get("confidence").doubleValue(), evidence);
    }

    private Verdict<List<ActionItem>> actionItems(JsonNode n) {
        List<ActionItem> out = new ArrayList<>();
        for (JsonNode a : n.get("items")) {
            String quote = text(a.get("quote"));
            Optional<Evidence> e = quotes.find(quote, integer(a.get("turn")));
            if (quote != null && e.isEmpty()) {
                throw new InvalidVerdict("an action item's quote is not in the transcript: " + clip(quote));
            }
            out.add(new ActionItem(Owner.valueOf(upper(a.get("owner").stringValue())), a.get("text").stringValue().strip(),
                    text(a.get("due")), e.orElse(null)));
        }
        return new Verdict<>(List.copyOf(out), n.get("confidence").doubleValue(),
                out.stream().map(ActionItem::evidence).filter(java.util.Objects::nonNull).toList());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || !n.isString() || n.stringValue().isBlank() ? null : n.stringValue();
    }

    private static Integer integer(JsonNode n) {
        return n == null || !n.isIntegralNumber() ? null : n.intValue();
    }

    private static String upper(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** A field whose values pass the schema but not the checks against the conversation. */
    private static final class InvalidVerdict extends RuntimeException {
        InvalidVerdict(String message) {
            super(message, null, false, false);
        }
    }
}
