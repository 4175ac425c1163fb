package io.verbatim.support;

import io.verbatim.conversations.ConversationAnalyses;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fixture calls with judgments the analyst was unsure of. The built-in analyst is confident about the
 * labelled fixture transcripts today (other work is calibrating its confidences), so a few of the
 * {@link WebFixture} calls get their real, pipeline-written call record saved again with two of its own
 * judgments lowered below the review threshold (the first one, and the first scorecard item), through the
 * same {@link ConversationAnalyses#save} the pipeline uses. Which fields those are is read from the record,
 * never assumed; tests compare with whatever the API then reports, so calls the analyst itself marks count too.
 */
public final class ReviewFixture {

    /** Calls marked, by fixture name: csr1, csr2, rep1 (another team), unassigned, and one in acme. */
    public static final List<String> MARKED = List.of("csr_002", "sup_003", "fs_003", "va_002", "acme:ms_002");
    static final double UNSURE = 0.35;
    private static final Map<String, List<String>> LOWERED = new LinkedHashMap<>();

    private ReviewFixture() {
    }

    /** The fields lowered per marked call (marking them on first use). */
    public static synchronized Map<String, List<String>> marked(ApiClient api, ConversationAnalyses analyses) {
        if (LOWERED.isEmpty()) {
            Map<String, String> calls = WebFixture.calls(api);
            for (String name : MARKED) {
                TenantId tenant = new TenantId(name.startsWith("acme:") ? "acme" : "demo-tenant");
                UUID id = UUID.fromString(calls.get(name));
                LOWERED.put(name, TenantContext.callAs(tenant, () -> lower(analyses, id)));
            }
        }
        return LOWERED;
    }

    private static List<String> lower(ConversationAnalyses analyses, UUID id) {
        ConversationAnalyses.Records records = analyses.find(id).orElseThrow();
        ObjectNode call = (ObjectNode) records.call().deepCopy();
        List<String> lowered = new ArrayList<>();
        ObjectNode first = null;
        ObjectNode item = null;
        for (JsonNode j : call.path("judgments")) {
            if (first == null) {
                first = (ObjectNode) j;
            } else if (item == null && j.path("field").asString().startsWith("qa.")) {
                item = (ObjectNode) j;
            }
        }
        if (first == null) {
            throw new IllegalStateException("conversation " + id + " has no judgments in its call record");
        }
        ArrayNode review = call.get("needs_review") instanceof ArrayNode a ? a : call.putArray("needs_review");
        for (ObjectNode j : item == null ? List.of(first) : List.of(first, item)) {
            j.put("confidence", UNSURE).put("low_confidence", true);
            String field = j.path("field").asString();
            lowered.add(field);
            boolean listed = false;
            for (JsonNode f : review) {
                listed |= f.asString().equals(field);
            }
            if (!listed) {
                review.add(field);
            }
        }
        analyses.save(id, call, records.qa());
        return lowered;
    }
}
