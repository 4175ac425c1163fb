package io.verbatim.ingest.transcripts;

import io.verbatim.speech.Speaker;
import io.verbatim.speech.Transcript;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Vapi {@code end-of-call-report} server message ({@code {"message": {"type": "end-of-call-report",
 * "artifact": {"messages": [...], "transcript": "AI: ... User: ..."}}}}, also the legacy shape with
 * {@code messages}/{@code transcript} directly on {@code message}, and the message without its envelope).
 *
 * <p>Roles: {@code bot}/{@code assistant} messages are the agent, {@code user} messages the customer
 * (confident); system prompts are skipped. Tool calls ({@code tool_calls}) and their results
 * ({@code tool_call_result}) are kept as zero-length turns of speaker {@code unknown}, labelled with the
 * role, whose text names the function and its arguments or result, so what the agent did stays in the
 * transcript without counting as talk. Times: {@code secondsFromStart}, the end
 * from {@code endTime - time} (epoch ms); without them, from {@code time} relative to the earliest
 * message; without any time, synthesised at {@value TranscriptDraft#WORDS_PER_SECOND} words per second.
 * Without messages, the {@code transcript} text is read as plain text.
 */
final class VapiFormat implements TranscriptFormat {

    static final String NAME = "vapi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean detects(Content content) {
        JsonNode message = message(content.json());
        if (message == null) {
            return false;
        }
        return "end-of-call-report".equals(Json.string(message, "type"))
                || Json.array(Json.object(message, "artifact"), "messages") != null;
    }

    private static JsonNode message(JsonNode root) {
        JsonNode envelope = Json.object(root, "message");
        return envelope != null ? envelope : root != null && root.isObject() ? root : null;
    }

    @Override
    public Transcript read(Content content, ChannelRoles roles) {
        JsonNode message = message(content.json());
        if (message == null) {
            throw TranscriptImportException.invalid(NAME, "it is not a JSON object");
        }
        JsonNode artifact = Json.object(message, "artifact");
        JsonNode messages = Json.array(artifact, "messages");
        if (messages == null || messages.isEmpty()) {
            messages = Json.array(message, "messages");
        }
        if (messages != null && messages.valueStream().anyMatch(m -> role(m) != null && !isTool(m))) {
            return readMessages(message, messages, roles);
        }
        String transcript = Json.string(artifact, "transcript");
        if (transcript == null) {
            transcript = Json.string(message, "transcript");
        }
        if (transcript == null || transcript.isBlank()) {
            throw TranscriptImportException.invalid(NAME, "it has neither messages nor a transcript");
        }
        return PlainTextFormat.read(transcript, NAME, roles);
    }

    private static Transcript readMessages(JsonNode message, JsonNode messages, ChannelRoles roles) {
        TranscriptDraft draft = new TranscriptDraft(NAME, roles).duration(Json.number(message, "durationSeconds", NAME, "message"));
        double firstTime = Double.MAX_VALUE;
        for (int i = 0; i < messages.size(); i++) {
            Double time = Json.number(messages.get(i), "time", NAME, "messages[" + i + "]");
            if (time != null) {
                firstTime = Math.min(firstTime, time);
            }
        }
        double cursor = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String path = "messages[" + i + "]";
            Speaker role = role(m);
            if (role == null) {
                continue;
            }
            String text = isTool(m) ? ToolCalls.text(m) : Json.string(m, "message");
            if (text == null) {
                text = Json.string(m, "content");
            }
            Double secondsFromStart = Json.number(m, "secondsFromStart", NAME, path);
            Double time = Json.number(m, "time", NAME, path);
            Double endTime = Json.number(m, "endTime", NAME, path);
            double start;
            if (secondsFromStart != null) {
                start = secondsFromStart;
            } else if (time != null) {
                start = (time - firstTime) / 1000;
            } else {
                start = cursor < 0 ? 0 : cursor + TranscriptDraft.SYNTHETIC_GAP_SECONDS;
            }
            double end = isTool(m) ? start : time != null && endTime != null && endTime >= time
                    ? start + (endTime - time) / 1000
                    : start + TranscriptDraft.spokenSeconds(text);
            String label = Json.string(m, "role");
            draft.add(role, label, null, start, end, text, List.of(), null, path);
            cursor = Math.max(cursor, end);
        }
        return draft.build();
    }

    /** AGENT for bot/assistant, CUSTOMER for user, UNKNOWN for tool calls and results, null for system prompts. */
    private static Speaker role(JsonNode m) {
        String role = Json.string(m, "role");
        if (role == null) {
            return null;
        }
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "bot", "assistant" -> Speaker.AGENT;
            case "user" -> Speaker.CUSTOMER;
            case "tool_calls", "tool_call_result" -> Speaker.UNKNOWN;
            default -> null;
        };
    }

    private static boolean isTool(JsonNode m) {
        return role(m) == Speaker.UNKNOWN;
    }
}
