package io.verbatim.shopping.internal;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.verbatim.analysis.LlmProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON answer from the tenant's LLM that must match a JSON Schema (2020-12, the same validator the surveys use)
 * and then pass {@code check} (what a schema cannot say: headings, quotes). An invalid answer is asked again once
 * with its problems; after that the caller falls back to the built-in view.
 */
final class LlmAnswers {

    static final int ATTEMPTS = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LlmAnswers() {
    }

    /** A schema shipped on the classpath, with its text (the text goes into the prompt). */
    record Shipped(Schema schema, String text) {

        static Shipped load(String resource) {
            try (InputStream in = LlmAnswers.class.getResourceAsStream("/" + resource)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Shipped(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON),
                        text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> violations(JsonNode value) {
            List<String> out = new ArrayList<>();
            for (Error e : schema.validate(value.toString(), InputFormat.JSON)) {
                out.add(DefinitionPath.of(e.getInstanceLocation().toString()) + ": " + e.getMessage());
            }
            return out;
        }
    }

    /** The valid answer, or an exception whose message says why there is none. */
    static JsonNode ask(LlmProvider llm, String system, String user, Shipped schema, Function<JsonNode, List<String>> check) {
        String prompt = user;
        List<String> problems = List.of();
        for (int i = 0; i < ATTEMPTS; i++) {
            String answer = llm.chat(system, prompt, true);
            try {
                JsonNode node = JSON.readTree(stripFence(answer));
                problems = schema.violations(node);
                if (problems.isEmpty()) {
                    problems = check.apply(node);
                }
                if (problems.isEmpty()) {
                    return node;
                }
            } catch (JacksonException e) {
                problems = List.of("not valid JSON: " + e.getOriginalMessage());
            }
            prompt = user + "\n\nYour previous answer was invalid: " + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + ". Answer again with one JSON object that matches the schema.";
        }
        throw new IllegalStateException("invalid answer after " + ATTEMPTS + " attempts: "
                + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }

    /** The JSON inside an answer that came wrapped in a code fence. */
    static String stripFence(String answer) {
        String t = answer == null ? "" : answer.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return t;
    }

    /** A JSON Pointer as a JSON path ({@code /checks/greeting} as {@code $.checks.greeting}). */
    static final class DefinitionPath {

        private DefinitionPath() {
        }

        static String of(String pointer) {
            if (pointer.startsWith("$")) {
                return pointer;
            }
            StringBuilder out = new StringBuilder("$");
            for (String s : pointer.split("/")) {
                if (!s.isEmpty()) {
                    out.append(s.matches("\\d+") ? "[" + s + "]" : "." + s.replace("~1", "/").replace("~0", "~"));
                }
            }
            return out.toString();
        }
    }
}
