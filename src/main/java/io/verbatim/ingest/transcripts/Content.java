package io.verbatim.ingest.transcripts;

import tools.jackson.databind.JsonNode;

/**
 * A decoded upload, handed to the {@link TranscriptFormat}s.
 *
 * @param text the content as text (byte-order mark removed)
 * @param json the parsed JSON tree, or null when the content is not JSON
 */
record Content(String text, JsonNode json) {
}
