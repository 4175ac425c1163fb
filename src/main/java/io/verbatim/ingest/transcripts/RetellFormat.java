package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Word;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Retell's call object, as its webhooks send it ({@code {"event": "call_analyzed", "call": {...}}}) or as
 * {@code GET /v2/get-call/{call_id}} answers it. Turns come from {@code transcript_object}: one entry per
 * utterance with {@code role} ({@code agent} is the agent, {@code user} the customer, confident) and
 * {@code words[{word, start, end}]} in seconds from the start; the utterance spans its words. Tool calls
 * from {@code transcript_with_tool_calls} ({@code tool_call_invocation}, {@code tool_call_result}) are kept
 * as zero-length {@code unknown} turns where they happened, between the utterances around them. Without
 * {@code transcript_object}, the {@code transcript} text ("Agent: ... User: ...") is read as plain text.
 */
final class RetellFormat implements TranscriptFormat {

    static final String NAME = "retell";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode call = call(content.json());
        return call != null && Json.string(call, "call_id") != null
                && (Json.array(call, "transcript_object") != null || Json.string(call, "transcript") != null);
    }

    private static JsonNode call(JsonNode root) {
        JsonNode envelope = Json.object(root, "call");
        return envelope != null ? envelope : root != null && root.isObject() ? root : null;
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode call = call(content.json());
        if (call == null) {
            throw TranscriptImportException.invalid(NAME, "it is not a JSON object");
        }
        Double durationMs = Json.number(call, "duration_ms", NAME, "call");
        JsonNode utterances = Json.array(call, "transcript_object");
        if (utterances == null || utterances.isEmpty()) {
            String transcript = Json.string(call, "transcript");
            if (transcript == null || transcript.isBlank()) {
                throw TranscriptImportException.invalid(NAME, "it has neither transcript_object nor a transcript");
            }
            return PlainTextFormat.read(transcript, NAME, roles);
        }
        TranscriptDraft draft = new TranscriptDraft(NAME, roles).duration(durationMs == null ? null : durationMs / 1000);
        double cursor = 0;
        for (int i = 0; i < utterances.size(); i++) {
            JsonNode u = utterances.get(i);
            String path = "transcript_object[" + i + "]";
            List<Word> words = Json.words(Json.array(u, "words"), path, NAME, "word");
            double start = words.isEmpty() ? cursor : words.getFirst().start();
            double end = words.isEmpty() ? start + TranscriptDraft.spokenSeconds(Json.string(u, "content"))
                    : words.stream().mapToDouble(Word::end).max().orElse(start);
            String role = Json.string(u, "role");
            draft.add(role(role), role, null, start, Math.max(start, end), Json.string(u, "content"), words, null, path);
            cursor = Math.max(cursor, end);
        }
        addToolCalls(draft, Json.array(call, "transcript_with_tool_calls"));
        return draft.build();
    }

    /** Places each tool entry at the end of the last utterance before it in {@code transcript_with_tool_calls}. */
    private static void addToolCalls(TranscriptDraft draft, JsonNode entries) {
        if (entries == null) {
            return;
        }
        double at = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String role = Json.string(e, "role");
            if (role == null) {
                continue;
            }
            switch (role) {
                case "agent", "user" -> {
                    List<Word> words = Json.words(Json.array(e, "words"), "transcript_with_tool_calls[" + i + "]", NAME, "word");
                    if (!words.isEmpty()) {
                        at = Math.max(at, words.stream().mapToDouble(Word::end).max().orElse(at));
                    }
                }
                case "tool_call_invocation" -> draft.add(Speaker.UNKNOWN, role, null, at, at,
                        "tool call: " + Json.string(e, "name") + " " + text(e, "arguments"), List.of(), null,
                        "transcript_with_tool_calls[" + i + "]");
                case "tool_call_result" -> draft.add(Speaker.UNKNOWN, role, null, at, at,
                        "tool result: " + text(e, "content"), List.of(), null, "transcript_with_tool_calls[" + i + "]");
                default -> {
                    // node transitions and DTMF are not speech
                }
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = Json.field(node, field);
        return value == null ? "" : value.isString() ? value.asString() : value.toString();
    }

    private static Speaker role(String role) {
        return role == null ? null : switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "agent" -> Speaker.AGENT;
            case "user" -> Speaker.CUSTOMER;
            default -> null;
        };
    }
}
