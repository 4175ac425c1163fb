package io.verbatim.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.evaluation.EvaluationProperties;
import io.verbatim.evaluation.LabelledFile;
import io.verbatim.platform.ProblemException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Labelled uploads: loose files and zips, what is ignored, and each refusal's problem type. */
class UploadReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static UploadReader reader(int maxConversations, long maxBytes) {
        return new UploadReader(new EvaluationProperties(maxConversations, maxBytes), JSON);
    }

    private static UploadReader.Upload file(String name, String text) {
        return new UploadReader.Upload(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static UploadReader.Upload zip(String name, UploadReader.Upload... entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (UploadReader.Upload e : entries) {
                zip.putNextEntry(new ZipEntry("folder/" + e.filename()));
                zip.write(e.content());
                zip.closeEntry();
            }
        }
        return new UploadReader.Upload(name, out.toByteArray());
    }

    private static String type(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e.type();
        }
        return null;
    }

    @Test
    void pairsTranscriptsWithLabelsFromLooseFilesAndZipsIgnoringTheRest() throws Exception {
        List<LabelledFile> read = reader(10, 1_000_000).read(List.of(
                file("a.json", "{\"turns\":[]}"), file("a.labels.json", "{\"call_reason\":\"x\"}"),
                zip("set.zip", file("b.json", "{\"turns\":[]}"), file("b.labels.json", "{}"), file("README.md", "# no")),
                file("unlabelled.json", "{\"turns\":[]}"), file("audio.wav", "RIFF")));
        assertThat(read).extracting(LabelledFile::id).containsExactly("a", "b");
        assertThat(read.get(0).labels().get("call_reason").asString()).isEqualTo("x");
    }

    @Test
    void refusalsHaveStableTypes() throws Exception {
        assertThat(type(() -> reader(10, 1_000_000).read(List.of(file("a.json", "nope"), file("a.labels.json", "{}")))))
                .isEqualTo("evaluation-not-json");
        assertThat(type(() -> reader(10, 1_000_000).read(List.of(file("a.labels.json", "{}")))))
                .isEqualTo("evaluation-labels-without-transcript");
        assertThat(type(() -> reader(10, 1_000_000).read(List.of(file("a.json", "{}")))))
                .isEqualTo("evaluation-empty");
        var two = List.of(file("a.json", "{}"), file("a.labels.json", "{}"), file("b.json", "{}"), file("b.labels.json", "{}"));
        assertThat(type(() -> reader(1, 1_000_000).read(two))).isEqualTo("evaluation-too-many-files");
        UploadReader.Upload big = zip("big.zip", file("a.json", "{\"x\":\"" + "y".repeat(5000) + "\"}"), file("a.labels.json", "{}"));
        assertThat(type(() -> reader(10, 2000).read(List.of(big)))).isEqualTo("evaluation-too-large");
        assertThatThrownBy(() -> reader(10, 1000).read(List.of(new UploadReader.Upload("x.zip", new byte[] {'P', 'K', 3, 4, 1}))))
                .isInstanceOf(ProblemException.class);
    }
}
