package io.verbatim.evaluation;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One labelled conversation and what the analyst made of it.
 *
 * @param id        the conversation's id in the labelled set (file name without .json)
 * @param labels    the gold labels ({@code <id>.labels.json}); an absent field is not scored
 * @param turnTexts the transcript's turn texts, to place PII spans (gold spans carry only their text)
 * @param call      the flat call record (docs/schemas/calls-v2.0-flat), or null when the analysis failed
 * @param qa        the flat QA record, or null
 * @param failure   why there is no analysis (null when there is one)
 */
public record LabelledCall(String id, JsonNode labels, List<String> turnTexts, JsonNode call, JsonNode qa, String failure) {

    public boolean analysed() {
        return call != null && failure == null;
    }
}
