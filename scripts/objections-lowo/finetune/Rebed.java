import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.*;
import java.nio.file.*;
import java.util.*;

public class Rebed {
    public static void main(String[] a) throws Exception {
        EmbeddingModel m = (EmbeddingModel) Class.forName(a[2]).getDeclaredConstructor().newInstance();
        ObjectMapper om = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(a[0])); BufferedWriter out = Files.newBufferedWriter(Path.of(a[1]))) {
            String line; int n = 0; long t0 = System.nanoTime();
            while ((line = in.readLine()) != null) {
                ObjectNode call = (ObjectNode) om.readTree(line);
                List<ObjectNode> sents = new ArrayList<>();
                for (JsonNode t : call.get("turns")) for (JsonNode s : t.get("sents")) sents.add((ObjectNode) s);
                List<TextSegment> segs = sents.stream().map(s -> TextSegment.from(s.get("text").asText())).toList();
                var embs = segs.isEmpty() ? List.<dev.langchain4j.data.embedding.Embedding>of() : m.embedAll(segs).content();
                for (int i = 0; i < sents.size(); i++) {
                    ArrayNode v = om.createArrayNode();
                    for (float f : embs.get(i).vector()) v.add(Math.round(f * 1e4) / 1e4);
                    sents.get(i).set("v", v);
                }
                out.write(om.writeValueAsString(call)); out.newLine();
                if (++n % 40 == 0) System.err.printf("%d calls %.0f s%n", n, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
