package io.verbatim.evaluation.internal;

import io.verbatim.evaluation.EvaluationProperties;
import io.verbatim.evaluation.LabelledFile;
import io.verbatim.platform.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns uploaded files ({@code <id>.json} + {@code <id>.labels.json}, loose or in zips) into labelled
 * conversations, refusing what cannot be evaluated with a stable problem type. Other files (READMEs,
 * audio) are ignored, and so is a transcript without labels.
 */
public final class UploadReader {

    public record Upload(String filename, byte[] content) {
    }

    private final EvaluationProperties limits;
    private final JsonMapper json;
    private long bytes;

    public UploadReader(EvaluationProperties limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    public List<LabelledFile> read(List<Upload> uploads) {
        Map<String, JsonNode> labels = new TreeMap<>();
        Map<String, byte[]> transcripts = new TreeMap<>();
        for (Upload u : uploads) {
            count(u.content().length);
            if (isZip(u)) {
                unzip(u, labels, transcripts);
            } else {
                add(u.filename(), u.content(), labels, transcripts);
            }
        }
        List<String> orphans = labels.keySet().stream().filter(id -> !transcripts.containsKey(id)).toList();
        if (!orphans.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "evaluation-labels-without-transcript", "Labels without a transcript",
                    "Every <id>.labels.json needs its <id>.json; missing: " + String.join(", ", orphans.subList(0, Math.min(20, orphans.size()))),
                    Map.of("ids", orphans));
        }
        if (labels.isEmpty()) {
            throw ProblemException.badRequest("evaluation-empty",
                    "No labelled conversation: send <id>.json transcripts with their <id>.labels.json (files or a zip)");
        }
        if (labels.size() > limits.maxConversations()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "evaluation-too-many-files", "Too many conversations",
                    labels.size() + " labelled conversations; one evaluation holds at most " + limits.maxConversations());
        }
        List<LabelledFile> out = new ArrayList<>();
        labels.forEach((id, l) -> {
            byte[] raw = transcripts.get(id);
            out.add(new LabelledFile(id, raw, parse(id + ".json", raw), l));
        });
        return out;
    }

    private void add(String path, byte[] content, Map<String, JsonNode> labels, Map<String, byte[]> transcripts) {
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith(".") || !name.endsWith(".json")) {
            return;
        }
        if (name.endsWith(".labels.json")) {
            labels.put(name.substring(0, name.length() - ".labels.json".length()), parse(name, content));
        } else {
            parse(name, content); // refuse a broken transcript now, not as a pipeline failure later
            transcripts.put(name.substring(0, name.length() - ".json".length()), content);
        }
    }

    private JsonNode parse(String name, byte[] content) {
        try {
            JsonNode node = json.readTree(content);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // answered below
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "evaluation-not-json", "Not a JSON object",
                name + " is not a JSON object", Map.of("file", name));
    }

    private void unzip(Upload zip, Map<String, JsonNode> labels, Map<String, byte[]> transcripts) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.getName().contains("__MACOSX")) {
                    continue;
                }
                add(entry.getName(), readBounded(in), labels, transcripts);
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("evaluation-invalid-zip", zip.filename() + " is not a readable zip: " + e.getMessage());
        }
    }

    /** Reads one entry, counting its bytes against the limit as they come (a zip bomb stops early). */
    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = in.read(buffer)) > 0) {
            count(n);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void count(long n) {
        bytes += n;
        if (bytes > limits.maxBytes()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "evaluation-too-large", "Upload too large",
                    "An evaluation may upload at most " + limits.maxBytes() + " bytes of transcripts and labels");
        }
    }

    private static boolean isZip(Upload u) {
        byte[] c = u.content();
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

}
