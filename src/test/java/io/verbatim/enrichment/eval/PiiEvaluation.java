package io.verbatim.enrichment.eval;

import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.enrichment.eval.EnrichmentEvaluation.Counts;
import io.verbatim.enrichment.pii.PiiDetector;
import io.verbatim.speech.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PII precision, recall and F1 per type on any folder in the {@code testdata/calls} layout
 * ({@code <id>.json} + {@code <id>.labels.json}), split into the part used for tuning and the held-out
 * part ({@link HeldOut}), scored by {@link PiiScorer}.
 *
 * <p>Run: {@code scripts/bench.sh pii [--no-metadata] [--errors] FOLDER...}. {@code --errors} lists the
 * misses and extras of the tuning part only: the held-out part is never shown conversation by conversation.
 * Metadata (the participants' names) is passed unless {@code --no-metadata}.
 */
public final class PiiEvaluation {

    /** Counts per type for the tuning part, the held-out part and both. */
    public record Result(String set, Map<PiiType, Counts> tuned, Map<PiiType, Counts> heldOut, Map<PiiType, Counts> all,
                         int[][] covered, int[][] caller, int conversations, int heldOutConversations, double millis,
                         List<Map<PiiType, Counts>> tokens) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PiiDetector DETECTOR = new PiiDetector();

    private PiiEvaluation() {
    }

    public static void main(String[] args) {
        List<String> argv = List.of(args);
        boolean metadata = !argv.contains("--no-metadata");
        boolean errors = argv.contains("--errors");
        for (String a : argv) {
            if (!a.startsWith("--")) {
                print(evaluate(Path.of(a), metadata, errors ? System.out::println : line -> { }), metadata);
            }
        }
    }

    public static Result evaluate(Path folder, boolean metadata, java.util.function.Consumer<String> tunedErrors) {
        Map<PiiType, Counts> tuned = new EnumMap<>(PiiType.class);
        Map<PiiType, Counts> held = new EnumMap<>(PiiType.class);
        Map<PiiType, Counts> all = new EnumMap<>(PiiType.class);
        List<String> ids = EnrichmentEvaluation.ids(folder);
        int heldCount = 0;
        int[][] covered = new int[3][1];
        int[][] caller = new int[3][2];
        List<Map<PiiType, Counts>> tokens = List.of(new EnumMap<>(PiiType.class), new EnumMap<>(PiiType.class), new EnumMap<>(PiiType.class));
        long nanos = 0;
        for (String id : ids) {
            Transcript transcript = EnrichmentEvaluation.transcript(folder, id);
            JsonNode labels = tree(folder.resolve(id + ".labels.json"));
            EnrichmentOptions opts = metadata ? EnrichmentEvaluation.options(folder, id) : EnrichmentOptions.none();
            long start = System.nanoTime();
            List<PiiEntity> found = DETECTOR.detect(transcript.turns(), transcript.language(), opts.agentName(), opts.customerName());
            nanos += System.nanoTime() - start;
            EnrichmentOptions names = EnrichmentEvaluation.options(folder, id);
            java.util.Set<String> callerWords = new java.util.HashSet<>();
            if (names.customerName() != null) {
                callerWords.addAll(List.of(names.customerName().toLowerCase(java.util.Locale.ROOT).split("\\s+")));
            }
            PiiScorer.Scored s = PiiScorer.score(transcript, labels, found, callerWords);
            boolean isHeld = HeldOut.heldOut(id);
            int part = isHeld ? 1 : 0;
            int coveredHere = s.covered().values().stream().mapToInt(Integer::intValue).sum();
            covered[part][0] += coveredHere;
            covered[2][0] += coveredHere;
            caller[part][0] += s.caller()[0];
            caller[part][1] += s.caller()[1];
            caller[2][0] += s.caller()[0];
            caller[2][1] += s.caller()[1];
            heldCount += isHeld ? 1 : 0;
            s.counts().forEach((t, c) -> {
                (isHeld ? held : tuned).merge(t, c, Counts::plus);
                all.merge(t, c, Counts::plus);
            });
            s.tokens().forEach((t, c) -> {
                tokens.get(part).merge(t, c, Counts::plus);
                tokens.get(2).merge(t, c, Counts::plus);
            });
            if (!isHeld) {
                s.errors().forEach(e -> tunedErrors.accept(id + " " + e));
            }
        }
        return new Result(folder.getFileName().toString(), tuned, held, all, covered, caller, ids.size(), heldCount, nanos / 1e6, tokens);
    }

    static Counts overall(Map<PiiType, Counts> perType) {
        return perType.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }

    private static void print(Result r, boolean metadata) {
        System.out.printf("%n%s: %d conversations (%d held out), %s, detector %.0f ms in all%n", r.set(), r.conversations(),
                r.heldOutConversations(), metadata ? "with metadata names" : "text only", r.millis());
        System.out.printf("%-15s | %-30s | %-30s | %-30s%n", "type", "tuned: gold hit/xtra P R F1", "held-out: gold hit/xtra P R F1",
                "all: gold hit/xtra P R F1");
        List<PiiType> types = new ArrayList<>(r.all().keySet());
        for (PiiType t : types) {
            System.out.printf("%-15s | %s | %s | %s%n", t, cell(r.tuned().get(t)), cell(r.heldOut().get(t)), cell(r.all().get(t)));
        }
        System.out.printf("%-15s | %s | %s | %s%n", "overall", cell(overall(r.tuned())), cell(overall(r.heldOut())), cell(overall(r.all())));
        List<Map<PiiType, Counts>> parts = List.of(r.tuned(), r.heldOut(), r.all());
        StringBuilder line = new StringBuilder(String.format("%-15s", "covered recall"));
        for (int p = 0; p < 3; p++) {
            Counts o = overall(parts.get(p));
            int gold = o.truePositives() + o.falseNegatives();
            line.append(String.format(" | %-30s", String.format("%4d %3d    %.2f", gold, r.covered()[p][0], gold == 0 ? 1 : r.covered()[p][0] / (double) gold)));
        }
        System.out.println(line);
        if (r.caller()[2][1] > 0) {
            line = new StringBuilder(String.format("%-15s", "caller covered"));
            for (int p = 0; p < 3; p++) {
                int gold = r.caller()[p][1];
                line.append(String.format(" | %-30s", String.format("%4d %3d    %.2f", gold, r.caller()[p][0], gold == 0 ? 1 : r.caller()[p][0] / (double) gold)));
            }
            System.out.println(line);
        }
        // Presidio-research's count: per word token, whatever the spans' boundaries (one span over two gold mentions = two hits)
        System.out.println("per word token (Presidio-research's count; one span over two gold mentions is two hits):");
        for (PiiType t : types) {
            System.out.printf("%-15s | %s | %s | %s%n", t,
                    cell(r.tokens().get(0).get(t)), cell(r.tokens().get(1).get(t)), cell(r.tokens().get(2).get(t)));
        }
    }

    private static String cell(Counts c) {
        if (c == null) {
            return String.format("%-30s", "-");
        }
        double p = c.precision();
        double rec = c.recall();
        double f1 = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
        return String.format("%4d %3d/%-3d %.2f %.2f %.2f", c.truePositives() + c.falseNegatives(), c.truePositives(), c.falsePositives(),
                p, rec, f1);
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
