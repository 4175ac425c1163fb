package io.verbatim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a careful LLM would answer to the judging prompt for csr_002 (an AC price enquiry that ends without
 * a booking; see its gold labels): one entry per scorecard item the prompt lists, quotes copied from the
 * transcript. Tests change single fields to make them invalid.
 */
public final class JudgeAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ITEM = Pattern.compile("(?m)^- key: (\\S+) \\|");
    /** Item -> [turn, quote] for the behaviours that happened in csr_002. */
    private static final Map<String, Object[]> MET = Map.of(
            "greeting", new Object[] {0, "Thanks for calling ComfortPro Heating and Air"},
            "identified_self", new Object[] {0, "this is Tyler"},
            "identified_needs", new Object[] {2, "How big is the house, roughly?"},
            "showed_empathy", new Object[] {8, "Totally understand."},
            "captured_contact_details", new Object[] {16, "What's the best email?"},
            "offered_solution", new Object[] {12, "We can definitely send a technician for a diagnostic first."},
            "asked_for_sale_or_booking", new Object[] {12, "Want me to get a tech out tomorrow morning?"},
            "value_added", new Object[] {10, "there's a fifteen hundred dollar rebate from the utility right now"},
            "confirmed_next_steps", new Object[] {20, "You'll have it in the next few minutes"},
            "closing", new Object[] {22, "Thanks for calling, have a good one."});

    private JudgeAnswers() {
    }

    /** Whether a chat request is the judging one (its system message carries the judgment schema). */
    public static boolean isJudging(String system) {
        return system.contains("llm-judgment.schema.json");
    }

    public static List<String> itemKeys(String userPrompt) {
        List<String> keys = new ArrayList<>();
        Matcher m = ITEM.matcher(userPrompt);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    public static ObjectNode csr002(String userPrompt) {
        ObjectNode answer = JSON.createObjectNode();
        var items = answer.putArray("scorecard");
        for (String key : itemKeys(userPrompt)) {
            ObjectNode item = items.addObject().put("key", key);
            Object[] met = MET.get(key);
            if (met != null) {
                item.put("result", "met").put("turn", (Integer) met[0]).put("quote", (String) met[1]);
            } else {
                item.put("result", key.equals("verified_customer") ? "not_applicable" : "not_met").putNull("turn").putNull("quote");
            }
            item.put("confidence", 0.85);
        }
        answer.putObject("customer_sentiment").put("value", "neutral").put("confidence", 0.8);
        answer.putObject("sentiment_trend").put("value", "steady").put("confidence", 0.7);
        answer.putObject("booking_status").put("value", "not_booked").put("turn", 13)
                .put("quote", "I don't want to book anything right now.").put("confidence", 0.9);
        answer.putObject("qualification").put("value", "warm").put("turn", 13).put("quote", "let me talk to my husband first")
                .put("confidence", 0.8);
        var objections = answer.putObject("objections");
        var list = objections.putArray("items");
        list.addObject().put("turn", 7).put("category", "price").put("quote", "can you just give me a ballpark?");
        list.addObject().put("turn", 7).put("category", "trust").put("quote", "I don't want somebody coming to my house to sell me something.");
        list.addObject().put("turn", 9).put("category", "price").put("quote", "Sixteen thousand? Oh my god.");
        list.addObject().put("turn", 13).put("category", "decision_maker").put("quote", "let me talk to my husband first.");
        objections.put("confidence", 0.8);
        var actions = answer.putObject("action_items");
        var al = actions.putArray("items");
        al.addObject().put("owner", "agent").put("text", "Email the rebate and financing information to the customer")
                .put("due", "in the next few minutes").put("turn", 14)
                .put("quote", "Would it help if I emailed you the rebate info and our financing options");
        al.addObject().put("owner", "customer").put("text", "Talk to her husband, then reply or call back to book")
                .putNull("due").putNull("turn").putNull("quote");
        actions.put("confidence", 0.75);
        return answer;
    }

    /** The answer's entry for a scorecard item. */
    public static ObjectNode item(ObjectNode answer, String key) {
        for (JsonNode n : answer.get("scorecard")) {
            if (n.get("key").asString().equals(key)) {
                return (ObjectNode) n;
            }
        }
        throw new IllegalArgumentException("no item " + key);
    }

    /** A valid answer to the summary request. */
    public static final String SUMMARY = """
            {"summary":"The caller asked for a ballpark price for a new AC system and will talk to her husband first.",
             "executive_narrative":"Warm lead: price-sensitive, decision shared with spouse; follow up with rebate details.",
             "key_points":["9-16k range quoted","Financing mentioned","Spouse decides"]}""";
}
