package io.verbatim.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test recordings: {@code ../shared/testdata} from the repository root, or {@code VERBATIM_TESTDATA}. */
final class TestData {

    private TestData() {
    }

    static Path root() {
        String configured = System.getProperty("VERBATIM_TESTDATA", System.getenv("VERBATIM_TESTDATA"));
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "testdata");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("test data not found at " + root.toAbsolutePath() + "; set VERBATIM_TESTDATA");
        }
        return root;
    }

    static Path call(String name) {
        return root().resolve("calls").resolve(name);
    }

    static Path speech(String name) {
        return root().resolve("speech").resolve(name);
    }

    static final String[] RENDERED_CALLS = {"csr_002", "fs_003", "ms_002", "sup_003", "va_008"};
}
