package io.verbatim.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data ({@code ../shared/testdata}, or {@code -Dverbatim.testdata}). */
public final class TestData {

    private TestData() {
    }

    public static Path root() {
        String configured = System.getProperty("verbatim.testdata", System.getenv("VERBATIM_TESTDATA"));
        Path root = Path.of(configured != null ? configured : "../shared/testdata");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Test data not found at " + root.toAbsolutePath());
        }
        return root;
    }

    public static Path call(String file) {
        return root().resolve("calls").resolve(file);
    }
}
