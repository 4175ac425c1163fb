package io.verbatim.analysis;

import io.verbatim.analysis.internal.config.QaConfigReader;
import io.verbatim.analysis.internal.config.QaConfigWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads, validates and writes {@code qa-config.json}, and provides the default scorecards
 * ({@code classpath:analysis/default-qa-config.json}). Every error is reported at once, with its JSON
 * path, as a {@link QaConfigException}. Thread-safe.
 */
public final class QaConfigs {

    public static final String DEFAULTS_RESOURCE = "analysis/default-qa-config.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static volatile QaConfig defaults;

    private QaConfigs() {
    }

    public static QaConfig parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new QaConfigException(List.of(new QaConfigException.Error("$", "not valid JSON: " + e.getOriginalMessage())));
        }
        return read(root);
    }

    public static QaConfig parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    public static QaConfig read(JsonNode root) {
        QaConfigReader.Result result = QaConfigReader.read(root);
        if (!result.errors().isEmpty()) {
            throw new QaConfigException(result.errors().stream()
                    .map(e -> new QaConfigException.Error(e.path(), e.message())).toList());
        }
        return result.config();
    }

    /** The config as JSON (snake_case, defaults omitted, indented). */
    public static byte[] write(QaConfig config) {
        return JSON.writeValueAsBytes(tree(config));
    }

    public static JsonNode tree(QaConfig config) {
        return new QaConfigWriter(JSON).write(config);
    }

    /** Checks a config built in code the same way a file is checked (write, then read back). */
    public static QaConfig validate(QaConfig config) {
        return read(tree(config));
    }

    /** The shipped default scorecards and trackers. */
    public static QaConfig defaults() {
        QaConfig d = defaults;
        if (d == null) {
            try (InputStream in = QaConfigs.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
                }
                d = parse(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaults = d;
        }
        return d;
    }
}
