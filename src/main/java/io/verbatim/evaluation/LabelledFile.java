package io.verbatim.evaluation;

import tools.jackson.databind.JsonNode;

/** One uploaded labelled conversation: {@code <id>.json} (raw, and parsed) and {@code <id>.labels.json}. */
public record LabelledFile(String id, byte[] transcript, JsonNode transcriptJson, JsonNode labels) {
}
