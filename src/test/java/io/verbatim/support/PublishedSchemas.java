package io.verbatim.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates documents Verbatim produces against the JSON Schemas it publishes in docs/schemas. */
public final class PublishedSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private PublishedSchemas() {
    }

    /** Returns the violations (empty when valid) of {@code json} against {@code docs/schemas/<name>}. */
    public static List<String> violations(String name, String json) {
        try {
            Schema schema = REGISTRY.getSchema(Files.readString(Path.of("docs/schemas", name)), InputFormat.JSON);
            return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
