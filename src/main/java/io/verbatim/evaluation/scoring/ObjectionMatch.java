package io.verbatim.evaluation.scoring;

import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The two ways objections are matched against the labels, both reported. {@link #pairs} is the strict figure
 * (turn and category exact). {@link #perCall} counts each category once per call, present or not: what the product
 * shows of a call's objections (the Calls Explorer's objection filter, calls per objection on the CSR tab and the
 * dashboards), and indifferent to which of two turns voicing the same concern the labeller marked.
 */
public final class ObjectionMatch {

    private ObjectionMatch() {
    }

    /** {true positives, predicted, gold} of (turn, category) pairs. */
    public static int[] pairs(Set<String> gold, Set<String> predicted) {
        return count(gold, predicted);
    }

    /** {true positives, predicted, gold} of the categories present in the call, each counted once. */
    public static int[] perCall(Set<String> gold, Set<String> predicted) {
        return count(categories(gold), categories(predicted));
    }

    /** A list of {"turn", "category"} objects as "turn:category" keys. */
    public static Set<String> keys(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(o -> out.add(key(o.path("turn").asInt(), o.path("category").asString())));
        return out;
    }

    public static String key(int turn, String category) {
        return turn + ":" + category;
    }

    private static Set<String> categories(Set<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(k -> out.add(k.substring(k.indexOf(':') + 1)));
        return out;
    }

    private static int[] count(Set<String> gold, Set<String> predicted) {
        int tp = (int) predicted.stream().filter(gold::contains).count();
        return new int[] {tp, predicted.size(), gold.size()};
    }
}
