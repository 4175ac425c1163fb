package io.verbatim.enrichment.eval;

import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import io.verbatim.enrichment.PiiEntity;
import io.verbatim.enrichment.PiiType;
import io.verbatim.ingest.transcripts.TranscriptImporters;
import io.verbatim.speech.Transcript;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the enrichment against the gold labels of {@code testdata/calls} (16 calls): PII precision
 * and recall per type, customer-sentiment and trend accuracy, and throughput on 5-minute transcripts.
 *
 * <p>PII matching rule: a found mention matches a gold one when they are in the same turn, have the same
 * type and their character spans overlap; each gold and each found mention matches at most once (greedy,
 * in gold order). Exact-span agreement is reported beside it.
 *
 * <p>Run: {@code scripts/bench.sh enrichment [--verbose] [--no-metadata] [--seconds N]} or, after
 * {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test},
 * {@code java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" -Dverbatim.testdata=../shared/testdata
 * io.verbatim.enrichment.eval.EnrichmentEvaluation}.
 */
public final class EnrichmentEvaluation {

    /** The counts behind the figures. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {

        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : truePositives / (double) (truePositives + falseNegatives);
        }

        Counts plus(Counts o) {
            return new Counts(truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }
    }

    public record CallResult(String id, String goldSentiment, String sentiment, String goldTrend, String trend, double score,
                             double opening, double closing, List<String> piiErrors) {
    }

    public record Report(Map<PiiType, Counts> pii, Counts piiOverall, int exactSpans, double sentimentAccuracy,
                         double trendAccuracy, List<CallResult> calls) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EnrichmentEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        boolean verbose = List.of(args).contains("--verbose");
        boolean metadata = !List.of(args).contains("--no-metadata");
        double seconds = 20;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[i + 1]);
            }
        }
        Path calls = calls();
        long loadStart = System.nanoTime();
        Enricher enricher = new Enricher();
        System.out.printf("models loaded in %.2f s%n", (System.nanoTime() - loadStart) / 1e9);
        Report report = evaluate(enricher, calls, metadata);
        print(report, verbose, metadata);
        throughput(enricher, calls, seconds);
    }

    public static Path calls() {
        String configured = System.getProperty("verbatim.testdata", System.getenv("VERBATIM_TESTDATA"));
        Path root = Path.of(configured != null ? configured : "../shared/testdata");
        return root.resolve("calls");
    }

    /** Every {@code <id>.json} with a {@code <id>.labels.json}. */
    public static List<String> ids(Path calls) {
        try (Stream<Path> files = Files.list(calls)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".labels.json"))
                    .map(n -> n.substring(0, n.length() - ".labels.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transcript transcript(Path calls, String id) {
        try {
            return new TranscriptImporters().read(Files.readAllBytes(calls.resolve(id + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The conversation metadata the pipeline would pass: the agent's and customer's names. */
    public static EnrichmentOptions options(Path calls, String id) {
        JsonNode raw = tree(calls.resolve(id + ".json"));
        JsonNode agent = raw.get("agent");
        JsonNode customer = raw.get("customer");
        return new EnrichmentOptions(null, agent == null || agent.get("name") == null ? null : agent.get("name").asString(),
                customer == null || customer.get("name") == null ? null : customer.get("name").asString());
    }

    public static Report evaluate(Enricher enricher, Path calls, boolean metadata) {
        Map<PiiType, Counts> perType = new EnumMap<>(PiiType.class);
        for (PiiType t : PiiType.values()) {
            perType.put(t, new Counts(0, 0, 0));
        }
        int exact = 0;
        int sentimentRight = 0;
        int trendRight = 0;
        List<CallResult> results = new ArrayList<>();
        List<String> ids = ids(calls);
        for (String id : ids) {
            Transcript transcript = transcript(calls, id);
            JsonNode labels = tree(calls.resolve(id + ".labels.json"));
            Enrichment e = enricher.enrich(transcript, metadata ? options(calls, id) : EnrichmentOptions.none());
            List<String> errors = new ArrayList<>();
            List<PiiEntity> found = e.pii();
            boolean[] used = new boolean[found.size()];
            for (JsonNode g : labels.get("pii")) {
                PiiType type = PiiType.valueOf(g.get("type").asString());
                int turn = g.get("turn").asInt();
                String text = g.get("text").asString();
                Turn t = transcript.turns().get(turn);
                int gs = t.text().indexOf(text);
                int ge = gs + text.length();
                int hit = -1;
                for (int k = 0; k < found.size() && hit < 0; k++) {
                    PiiEntity f = found.get(k);
                    if (!used[k] && f.turn() == turn && f.type() == type && f.startChar() < ge && gs < f.endChar()) {
                        hit = k;
                    }
                }
                if (hit >= 0) {
                    used[hit] = true;
                    perType.merge(type, new Counts(1, 0, 0), Counts::plus);
                    if (found.get(hit).text().equals(text)) {
                        exact++;
                    } else {
                        errors.add("span  t" + turn + " " + type + " gold '" + text + "' found '" + found.get(hit).text() + "'");
                    }
                } else {
                    perType.merge(type, new Counts(0, 0, 1), Counts::plus);
                    errors.add("miss  t" + turn + " " + type + " '" + text + "'");
                }
            }
            for (int k = 0; k < found.size(); k++) {
                if (!used[k]) {
                    PiiEntity f = found.get(k);
                    perType.merge(f.type(), new Counts(0, 1, 0), Counts::plus);
                    errors.add("extra t" + f.turn() + " " + f.type() + " '" + f.text() + "' (" + f.rule() + ")");
                }
            }
            String goldSentiment = labels.get("customer_sentiment").asString();
            String goldTrend = labels.get("sentiment_trend").asString();
            String sentiment = e.sentiment().customer().wire();
            String trend = e.sentiment().trend().wire();
            sentimentRight += goldSentiment.equals(sentiment) ? 1 : 0;
            trendRight += goldTrend.equals(trend) ? 1 : 0;
            results.add(new CallResult(id, goldSentiment, sentiment, goldTrend, trend, e.sentiment().customerScore(),
                    e.sentiment().openingScore(), e.sentiment().closingScore(), errors));
        }
        Counts overall = perType.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
        return new Report(perType, overall, exact, sentimentRight / (double) ids.size(), trendRight / (double) ids.size(), results);
    }

    private static void print(Report r, boolean verbose, boolean metadata) {
        System.out.printf("%nPII (%s; match = same turn, same type, overlapping characters)%n",
                metadata ? "with the participants' names from the metadata" : "text only, no metadata");
        System.out.printf("%-16s %5s %5s %5s %9s %7s%n", "type", "gold", "found", "hits", "precision", "recall");
        r.pii().forEach((type, c) -> System.out.printf("%-16s %5d %5d %5d %9.3f %7.3f%n", type, c.truePositives() + c.falseNegatives(),
                c.truePositives() + c.falsePositives(), c.truePositives(), c.precision(), c.recall()));
        Counts o = r.piiOverall();
        System.out.printf("%-16s %5d %5d %5d %9.3f %7.3f%n", "overall", o.truePositives() + o.falseNegatives(),
                o.truePositives() + o.falsePositives(), o.truePositives(), o.precision(), o.recall());
        System.out.printf("exact spans: %d of %d matches%n", r.exactSpans(), o.truePositives());

        System.out.printf("%nSentiment (customer overall, trend)%n");
        System.out.printf("%-8s %-9s %-9s %-10s %-10s %7s %7s %7s%n", "call", "gold", "found", "gold", "found", "score", "open", "close");
        for (CallResult c : r.calls()) {
            System.out.printf("%-8s %-9s %-9s %-10s %-10s %7.3f %7.3f %7.3f %s%n", c.id(), c.goldSentiment(), c.sentiment(), c.goldTrend(),
                    c.trend(), c.score(), c.opening(), c.closing(),
                    (c.goldSentiment().equals(c.sentiment()) ? "" : " <sentiment") + (c.goldTrend().equals(c.trend()) ? "" : " <trend"));
        }
        System.out.printf("sentiment accuracy %.3f, trend accuracy %.3f (%d calls)%n", r.sentimentAccuracy(), r.trendAccuracy(), r.calls().size());
        if (verbose) {
            System.out.printf("%nPII differences%n");
            r.calls().forEach(c -> c.piiErrors().forEach(e -> System.out.println(c.id() + " " + e)));
        }
    }

    /**
     * Conversations per second on 2 threads, each conversation a 5-minute transcript: a test call's turns
     * repeated (shifted in time) until 300 s of talk, so every call's style is represented at the same length.
     */
    private static void throughput(Enricher enricher, Path calls, double seconds) throws Exception {
        List<Transcript> fiveMinute = new ArrayList<>();
        for (String id : ids(calls)) {
            fiveMinute.add(fiveMinutes(transcript(calls, id)));
        }
        int words = fiveMinute.stream().mapToInt(t -> t.turns().stream().mapToInt(u -> u.text().split("\\s+").length).sum()).sum()
                / fiveMinute.size();
        for (int i = 0; i < 3; i++) {
            fiveMinute.forEach(t -> enricher.enrich(t, EnrichmentOptions.none()));
        }
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int offset = w;
            done.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    enricher.enrich(fiveMinute.get((n * threads + offset) % fiveMinute.size()), EnrichmentOptions.none());
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%nThroughput: %.1f five-minute transcripts/s on %d threads (%d enrichments in %.1f s; ~%d words each; %d cores available)%n",
                total / elapsed, threads, total, elapsed, words, Runtime.getRuntime().availableProcessors());
    }

    static Transcript fiveMinutes(Transcript t) {
        List<Turn> turns = new ArrayList<>();
        double offset = 0;
        double talk = 0;
        double span = t.turns().getLast().end() + 1;
        while (talk < 300) {
            for (Turn u : t.turns()) {
                if (talk >= 300) {
                    break;
                }
                turns.add(new Turn(u.speaker(), u.speakerLabel(), u.channel(), u.start() + offset, u.end() + offset, u.text(), u.words(),
                        u.confidence()));
                talk += u.end() - u.start();
            }
            offset += span;
        }
        return new Transcript(t.language(), t.source(), turns.getLast().end(), turns, t.rolesConfident());
    }

    private static JsonNode tree(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
