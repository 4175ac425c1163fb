package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.AnalysisResult;
import io.verbatim.analysis.LlmAnalysis;
import io.verbatim.analysis.LlmProvider;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generative layer: an abstractive summary, an executive narrative and key points, as JSON
 * validated against {@code analysis/llm-analysis.schema.json}. Invalid output (not JSON, or not
 * matching the schema) is retried with the validation errors fed back, up to {@code maxAttempts} per
 * step. Conversations longer than {@code chunkChars} are map-reduced: each chunk is summarised
 * ({@code llm-chunk.schema.json}), then the partial summaries are combined. Any failure becomes a
 * {@code failed} {@link LlmAnalysis}; it never throws.
 */
public final class LlmSummarizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode FINAL_SCHEMA = schema("analysis/llm-analysis.schema.json");
    static final JsonNode CHUNK_SCHEMA = schema("analysis/llm-chunk.schema.json");

    private static final String SYSTEM = """
            You analyse customer conversations (calls, visits, shop visits) for a conversation-intelligence platform.
            Write in English whatever the conversation's language. Be factual: use only what the transcript says.
            Answer with one JSON object only, no prose and no code fences, matching this JSON Schema:
            """;

    private final LlmProvider llm;
    private final int maxAttempts;
    private final int chunkChars;
    private int attempts;

    public LlmSummarizer(LlmProvider llm, int maxAttempts, int chunkChars) {
        this.llm = llm;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.chunkChars = Math.max(500, chunkChars);
    }

    public LlmAnalysis run(Transcript transcript, AnalysisResult builtIn) {
        attempts = 0;
        try {
            List<String> chunks = chunks(transcript);
            String facts = facts(builtIn);
            String material;
            if (chunks.size() <= 1) {
                material = "Transcript:\n" + (chunks.isEmpty() ? "(empty)" : chunks.get(0));
            } else {
                StringBuilder partials = new StringBuilder();
                for (int i = 0; i < chunks.size(); i++) {
                    JsonNode part = ask(CHUNK_SCHEMA, "Part " + (i + 1) + " of " + chunks.size()
                            + " of a long conversation. Summarise this part.\n\n" + chunks.get(i));
                    partials.append("Part ").append(i + 1).append(": ").append(part.get("summary").stringValue()).append('\n');
                    for (JsonNode p : part.get("key_points")) {
                        partials.append("  - ").append(p.stringValue()).append('\n');
                    }
                }
                material = "The conversation was too long to read at once; these are summaries of its parts, in order:\n" + partials;
            }
            JsonNode out = ask(FINAL_SCHEMA, "Facts found by the built-in analysis (trust them):\n" + facts + "\n" + material
                    + "\n\nWrite the summary, the executive narrative and the key points.");
            List<String> points = new ArrayList<>();
            out.get("key_points").forEach(p -> points.add(p.stringValue()));
            return new LlmAnalysis("ok", llm.name(), out.get("summary").stringValue(), out.get("executive_narrative").stringValue(),
                    points, null, attempts);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return LlmAnalysis.failed(llm.name(), message.length() > 500 ? message.substring(0, 500) : message, attempts);
        }
    }

    private JsonNode ask(JsonNode schema, String user) {
        String system = SYSTEM + schema.toString();
        String prompt = user;
        List<String> errors = List.of();
        for (int i = 0; i < maxAttempts; i++) {
            attempts++;
            String answer = llm.chat(system, prompt, true);
            try {
                JsonNode node = JSON.readTree(strip(answer));
                errors = SchemaValidator.validate(schema, node);
                if (errors.isEmpty()) {
                    return node;
                }
            } catch (JacksonException e) {
                errors = List.of("not valid JSON: " + e.getOriginalMessage());
            }
            prompt = user + "\n\nYour previous answer was invalid: " + String.join("; ", errors)
                    + ". Answer again with one JSON object that matches the schema.";
        }
        throw new IllegalStateException("invalid output after " + maxAttempts + " attempts: " + String.join("; ", errors));
    }

    /** The JSON inside an answer that came wrapped in a code fence. */
    static String strip(String answer) {
        if (answer == null) {
            return "";
        }
        String t = answer.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return t;
    }

    List<String> chunks(Transcript t) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<Turn> turns = t.turns();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            String line = "[" + i + " " + Math.round(turn.start()) + "s] " + turn.speaker().wire() + ": " + turn.text() + "\n";
            if (current.length() > 0 && current.length() + line.length() > chunkChars) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(line);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static String facts(AnalysisResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.callReason() != null) {
            sb.append("- call reason: ").append(r.callReason().category()).append('\n');
        }
        if (r.outcomes() != null) {
            var o = r.outcomes();
            sb.append("- resolution: ").append(o.resolution().wire()).append('\n');
            if (o.bookingStatus() != null) {
                sb.append("- booking: ").append(o.bookingStatus().wire()).append('\n');
            }
            if (o.outcome() != null) {
                sb.append("- sales outcome: ").append(o.outcome().wire())
                        .append(o.dealValue() != null ? " (" + o.dealValue() + " USD)" : "").append('\n');
            }
        }
        r.objections().forEach(o -> sb.append("- objection (").append(o.category().wire()).append("): ").append(o.quote()).append('\n'));
        r.actionItems().forEach(a -> sb.append("- open action (").append(a.owner().wire()).append("): ").append(a.text()).append('\n'));
        if (r.scorecard() != null && r.scorecard().score() != null) {
            sb.append("- QA score: ").append(r.scorecard().score()).append(" on ").append(r.scorecard().name()).append('\n');
        }
        return sb.toString();
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = LlmSummarizer.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
