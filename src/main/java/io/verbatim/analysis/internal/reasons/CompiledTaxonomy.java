package io.verbatim.analysis.internal.reasons;

import io.verbatim.analysis.CallReasonDefinition;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant taxonomy ready to score against: every reason's descriptive texts embedded once, and its key
 * lemmas weighted by how rare they are among the keys (a word every key shares, like "order" in a menu of
 * order_* reasons, decides nothing).
 *
 * @param vectors   per reason, the unit embeddings of its texts (key words, a request phrasing of them,
 *                  description, examples)
 * @param keyLemmas per reason, lemma -> weight
 */
record CompiledTaxonomy(List<CallReasonDefinition> reasons, List<float[][]> vectors, List<Map<String, Double>> keyLemmas) {

    static CompiledTaxonomy compile(List<CallReasonDefinition> reasons, SentenceEmbedder embedder) {
        List<String> texts = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            for (String t : texts(reasons.get(i))) {
                texts.add(t);
                owner.add(i);
            }
        }
        List<float[]> embedded = embedder.embedExamples(texts);
        List<List<float[]>> grouped = new ArrayList<>();
        reasons.forEach(r -> grouped.add(new ArrayList<>()));
        for (int i = 0; i < texts.size(); i++) {
            grouped.get(owner.get(i)).add(embedded.get(i));
        }
        List<float[][]> vectors = grouped.stream().map(g -> g.toArray(float[][]::new)).toList();
        return new CompiledTaxonomy(List.copyOf(reasons), vectors, keyLemmas(reasons));
    }

    /** What describes a reason: its key's words alone and as a request, the description, the examples. */
    static List<String> texts(CallReasonDefinition r) {
        List<String> out = new ArrayList<>();
        out.add(r.keyWords());
        // A customer says "I would like to pay a bill", not "pay bill": the phrasing closes that gap for bare keys.
        out.add("I would like to " + r.keyWords());
        if (r.description() != null) {
            out.add(r.description());
        }
        out.addAll(r.examples());
        return out;
    }

    private static List<Map<String, Double>> keyLemmas(List<CallReasonDefinition> reasons) {
        List<java.util.Set<String>> lemmas = reasons.stream().map(r -> Lemmas.of(r.keyWords())).toList();
        Map<String, Integer> df = new HashMap<>();
        lemmas.forEach(set -> set.forEach(l -> df.merge(l, 1, Integer::sum)));
        List<Map<String, Double>> out = new ArrayList<>();
        for (java.util.Set<String> set : lemmas) {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String l : set) {
                weights.put(l, Math.log(1 + (double) reasons.size() / df.get(l)));
            }
            out.add(weights);
        }
        return out;
    }
}
