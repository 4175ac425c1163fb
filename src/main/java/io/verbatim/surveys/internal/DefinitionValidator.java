package io.verbatim.surveys.internal;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.verbatim.platform.ProblemException;
import io.verbatim.surveys.SurveyScoring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a definition against {@code surveys/survey-definition.schema.json} (JSON Schema 2020-12), then what a
 * schema cannot say (unique question names, readable skip logic). Refusals are 422 {@code invalid-survey} whose
 * {@code errors} name the JSON path of each problem.
 */
@Component
class DefinitionValidator {

    private final Schema schema;
    private final JsonMapper json;

    DefinitionValidator(JsonMapper json) {
        this.json = json;
        try (InputStream in = getClass().getResourceAsStream("/surveys/survey-definition.schema.json")) {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void validate(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw invalid(List.of(Map.of("path", "$", "message", "definition must be a JSON object with pages")));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (Error e : schema.validate(json.writeValueAsString(definition), InputFormat.JSON)) {
            String path = jsonPath(e.getInstanceLocation().toString());
            if (e.getProperty() != null && "required".equals(e.getKeyword())) {
                path = path + "." + e.getProperty();
            }
            errors.add(Map.of("path", path, "message", e.getMessage()));
        }
        if (errors.isEmpty()) {
            for (SurveyScoring.Problem p : SurveyScoring.problems(definition)) {
                errors.add(Map.of("path", p.path(), "message", p.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /** {@code /pages/0/elements/1} (the validator's JSON Pointer) as {@code $.pages[0].elements[1]}. */
    static String jsonPath(String pointer) {
        if (pointer.startsWith("$")) {
            return pointer;
        }
        StringBuilder out = new StringBuilder("$");
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String s = segment.replace("~1", "/").replace("~0", "~");
            out.append(s.matches("\\d+") ? "[" + s + "]" : "." + s);
        }
        return out.toString();
    }

    private static ProblemException invalid(List<Map<String, String>> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-survey", "Invalid survey definition",
                "The survey definition is not valid at " + errors.getFirst().get("path") + ": " + errors.getFirst().get("message"),
                Map.of("errors", errors.size() > 20 ? errors.subList(0, 20) : errors));
    }
}
