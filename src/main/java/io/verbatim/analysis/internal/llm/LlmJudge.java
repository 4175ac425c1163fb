package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.LlmProvider;
import io.verbatim.analysis.Scorecard;
import io.verbatim.speech.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LLM as judge: one request for every judgment at once (scorecard items, customer sentiment and
 * trend, booking status, qualification, objections, action items) answered as JSON
 * ({@code analysis/llm-judgment.schema.json}). An answer with any invalid field is retried once with
 * the problems fed back; each field is then taken from the latest answer that gave it validly
 * ({@link LlmVerdicts#latestValid}). A provider error ends it as {@link Failed} (the caller keeps the built-in values).
 */
public final class LlmJudge {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode SCHEMA = schema("analysis/llm-judgment.schema.json");

    private final LlmProvider llm;
    private final int maxAttempts;
    private final int budgetChars;

    /**
     * @param maxAttempts requests at most (2 = retried once on invalid output)
     * @param budgetChars transcript characters the model is shown; a longer conversation is cut in the middle
     */
    public LlmJudge(LlmProvider llm, int maxAttempts, int budgetChars) {
        this.llm = llm;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.budgetChars = Math.max(1_000, budgetChars);
    }

    /** The LLM's valid verdicts, the requests made, whether the transcript had to be cut, and why no answer was usable (else null). */
    record Answer(LlmVerdicts verdicts, int attempts, boolean truncated, String error) {
    }

    Answer judge(Transcript transcript, Scorecard card) {
        LlmJudgePrompt prompt = LlmJudgePrompt.of(SCHEMA.toString(), transcript, card, budgetChars);
        LlmVerdictReader reader = new LlmVerdictReader(SCHEMA, transcript, card);
        List<LlmVerdicts> answers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String user = prompt.user();
        int attempts = 0;
        while (attempts < maxAttempts) {
            attempts++;
            String text;
            try {
                text = llm.chat(prompt.system(), user, true);
            } catch (RuntimeException e) {
                throw new Failed(attempts, e);
            }
            problems.clear();
            try {
                JsonNode node = JSON.readTree(LlmSummarizer.strip(text));
                if (node.isObject()) {
                    LlmVerdicts verdicts = reader.read(node);
                    answers.add(verdicts);
                    verdicts.problems().forEach((field, why) -> problems.add(field + ": " + why));
                    SchemaValidator.validate(SCHEMA, node).stream().filter(e -> e.matches("^\\$\\.[a-z_]+: not allowed$"))
                            .forEach(problems::add);
                } else {
                    problems.add("the answer is not a JSON object");
                }
            } catch (JacksonException e) {
                problems.add("not valid JSON: " + e.getOriginalMessage());
            }
            if (problems.isEmpty()) {
                break;
            }
            user = prompt.user() + "\n\nYour previous answer had these problems: " + String.join("; ", problems)
                    + ". Answer again with the whole JSON object, every quote copied exactly from the transcript.";
        }
        if (answers.isEmpty()) {
            return new Answer(nothing(card), attempts, prompt.truncated(), "invalid output after " + attempts + " attempts: "
                    + String.join("; ", problems));
        }
        return new Answer(LlmVerdicts.latestValid(answers), attempts, prompt.truncated(), null);
    }

    /** No usable answer at all: every field fails. */
    private static LlmVerdicts nothing(Scorecard card) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (card != null) {
            card.sections().forEach(s -> s.items().forEach(i -> problems.put("qa." + i.key(), "no valid answer")));
        }
        for (String f : List.of("customer_sentiment", "sentiment_trend", "booking_status", "qualification", "objections", "action_items")) {
            problems.put(f, "no valid answer");
        }
        return new LlmVerdicts(Map.of(), null, null, null, null, null, null, problems);
    }

    /** The provider failed (transport, server error): nothing judged; the caller keeps the built-in values. */
    static final class Failed extends RuntimeException {

        final int attempts;

        Failed(int attempts, RuntimeException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
            this.attempts = attempts;
        }
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = LlmJudge.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
