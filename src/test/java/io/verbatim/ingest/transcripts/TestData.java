package io.verbatim.ingest.transcripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared test data set: {@code $VERBATIM_TESTDATA}, else {@code ../shared/testdata} from the repository root. */
final class TestData {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TestData() {
    }

    static Path root() {
        String env = System.getenv("VERBATIM_TESTDATA");
        Path root = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "testdata");
        assertThat(root.resolve("calls")).as("test data (set VERBATIM_TESTDATA) at %s", root.toAbsolutePath()).isDirectory();
        return root;
    }

    static Path format(String folder, String file) {
        return root().resolve("formats").resolve(folder).resolve(file);
    }

    static Path call(String file) {
        return root().resolve("calls").resolve(file);
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Path path) {
        return JSON.readTree(bytes(path));
    }

    static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }
}
