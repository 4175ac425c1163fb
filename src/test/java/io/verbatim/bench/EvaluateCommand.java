package io.verbatim.bench;

import io.verbatim.evaluation.EvaluationReport;
import io.verbatim.evaluation.LabelledCall;
import io.verbatim.evaluation.ReportText;
import io.verbatim.evaluation.Scoring;
import io.verbatim.evaluation.TextSimilarity;
import io.verbatim.evaluation.TranscriptMetadata;
import io.verbatim.support.ApiClient;
import io.verbatim.support.ServerProcess;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scripts/bench.sh evaluate <folder> [--out report.json] [--taxonomy-from-labels] [--holdout] [--clients N]}:
 * starts the platform on its embedded defaults in a fresh data directory (demo conversations off), imports
 * every {@code <id>.json} that has an {@code <id>.labels.json} through the upload API, waits for the
 * analyses, reads them back and prints the evaluation (docs/analysis-evaluation.md).
 */
public final class EvaluateCommand {

    static final JsonMapper SNAKE = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    record Item(String id, JsonNode transcript, byte[] raw, JsonNode labels) {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: scripts/bench.sh evaluate <folder> [--out report.json] [--taxonomy-from-labels] [--holdout] [--clients N]"
                    + " [--media SUFFIX]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Path out = option(list, "--out") == null ? null : Path.of(option(list, "--out"));
        int clients = Integer.parseInt(option(list, "--clients") == null ? "4" : option(list, "--clients"));
        // --media .stereo.wav: send each conversation's recording <id>SUFFIX instead of its transcript (those
        // without one are left out), so the analysis of recognised speech is scored against the same labels.
        String media = option(list, "--media");
        List<Item> items = media == null ? load(folder) : load(folder).stream()
                .filter(i -> Files.exists(folder.resolve(i.id() + media))).toList();
        System.out.printf("Evaluating %d labelled conversations from %s%n", items.size(), folder);
        Path dataDir = Files.createTempDirectory("verbatim-evaluate-");
        ServerProcess server = new ServerProcess(dataDir, List.of("verbatim.demo.conversations=false",
                "verbatim.ingest.drop-folder-enabled=false", "logging.level.root=warn"));
        long t0 = System.nanoTime();
        try {
            server.start();
            ApiClient api = new ApiClient(server.port());
            String token = api.token("admin@demo.local");
            if (list.contains("--taxonomy-from-labels")) {
                taxonomy(api, token, items);
            }
            Map<String, String> ids = new ConcurrentHashMap<>();
            Map<String, String> failures = new ConcurrentHashMap<>();
            Uploads uploads = new Uploads(api);
            Load.Run run = Load.concurrently(items.size(), clients, i -> {
                Item item = items.get(i);
                String metadata = SNAKE.writeValueAsString(TranscriptMetadata.of(item.id(), item.transcript(), "evaluation"));
                Part content = media == null ? new Part("transcript", item.id() + ".json", "application/json", item.raw())
                        : new Part("media", item.id() + media, media.endsWith(".ogg") ? "audio/ogg" : "audio/wav",
                                Files.readAllBytes(folder.resolve(item.id() + media)));
                ApiClient.Response r = uploads.upload(token, content, Part.json("metadata", metadata));
                if (r.status() == 202 || r.status() == 200) {
                    ids.put(item.id(), r.body().get("id").asString());
                    return true;
                }
                failures.put(item.id(), "upload " + r.status() + " " + r.problemType());
                return false;
            });
            System.out.printf("Imported %d in %.1f s (%d clients), %d refused%n", ids.size(), run.seconds(), clients, failures.size());
            await(api, token, ids, failures, Duration.ofSeconds(600 + 3L * items.size()));
            System.out.printf("Analysed after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<LabelledCall> calls = new ArrayList<>();
            for (Item item : items) {
                String conversation = ids.get(item.id());
                String failure = failures.get(item.id());
                JsonNode call = null;
                JsonNode qa = null;
                if (failure == null) {
                    ApiClient.Response r = api.get("/api/v1/conversations/" + conversation + "/analysis", token);
                    if (r.status() == 200) {
                        call = r.body().get("call");
                        qa = r.body().get("qa");
                    } else {
                        failure = "analysis " + r.status() + " " + r.problemType();
                    }
                }
                calls.add(new LabelledCall(item.id(), item.labels(), TranscriptMetadata.turnTexts(item.transcript()), call, qa, failure));
            }
            EvaluationReport report = Scoring.score(calls, TextSimilarity.miniLm());
            System.out.println();
            System.out.print(ReportText.render(report));
            if (out != null) {
                ObjectNode json = SNAKE.valueToTree(report);
                json.put("folder", folder.toAbsolutePath().toString());
                Files.writeString(out, SNAKE.writerWithDefaultPrettyPrinter().writeValueAsString(json));
                System.out.println("Report written to " + out);
            }
        } finally {
            server.stop();
        }
    }

    static List<Item> load(Path folder) throws Exception {
        List<Item> items = new ArrayList<>();
        TreeSet<Path> labels = new TreeSet<>();
        try (var files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().endsWith(".labels.json")).forEach(labels::add);
        }
        for (Path l : labels) {
            String name = l.getFileName().toString();
            String id = name.substring(0, name.length() - ".labels.json".length());
            Path transcript = folder.resolve(id + ".json");
            if (!Files.exists(transcript)) {
                System.out.println("  skipped " + name + ": no " + id + ".json");
                continue;
            }
            byte[] raw = Files.readAllBytes(transcript);
            items.add(new Item(id, SNAKE.readTree(raw), raw, SNAKE.readTree(Files.readAllBytes(l))));
        }
        return items;
    }

    /** The folder's distinct gold call reasons as the tenant's taxonomy (keys only); a server that refuses it is noted. */
    private static void taxonomy(ApiClient api, String token, List<Item> items) {
        TreeSet<String> reasons = new TreeSet<>();
        items.forEach(i -> {
            JsonNode r = i.labels().get("call_reason");
            if (r != null && r.isString()) {
                reasons.add(r.asString());
            }
        });
        ApiClient.Response current = api.get("/api/v1/analysis/qa-config", token);
        if (current.status() != 200 || current.body() == null || !current.body().isObject()) {
            System.out.println("Note: could not read the qa-config (" + current.status() + "); taxonomy not set");
            return;
        }
        ObjectNode config = (ObjectNode) current.body();
        var array = config.putArray("call_reasons");
        reasons.forEach(k -> array.addObject().put("key", k));
        ApiClient.Response r = api.send("PUT", "/api/v1/analysis/qa-config", token, Map.of(), config.toString());
        if (r.status() / 100 == 2) {
            System.out.printf("Taxonomy from labels: %d call reasons %s%n", reasons.size(), reasons);
        } else {
            System.out.printf("Note: the server refused call_reasons in the qa-config (%d %s); the default taxonomy is used%n",
                    r.status(), r.problemType());
        }
    }

    /** Polls the conversation list (one paged request for all) until every import is completed or failed. */
    private static void await(ApiClient api, String token, Map<String, String> ids, Map<String, String> failures,
                              Duration timeout) throws InterruptedException {
        Map<String, String> byConversation = new ConcurrentHashMap<>();
        ids.forEach((id, conversation) -> byConversation.put(conversation, id));
        Instant deadline = Instant.now().plus(timeout);
        Instant lastPrint = Instant.EPOCH;
        while (true) {
            int done = 0;
            int failed = 0;
            String cursor = null;
            do {
                ApiClient.Response r = api.get("/api/v1/conversations?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), token);
                for (JsonNode c : r.body().path("items")) {
                    String id = byConversation.get(c.path("id").asString());
                    String status = c.path("status").asString();
                    if (id == null) {
                        continue;
                    }
                    // the analysis exists once the analysed stage completed; the Ask index after it does not change it
                    String stage = c.path("stage").asString("");
                    if (status.equals("completed") || stage.equals("analysed") || stage.equals("indexed")) {
                        done++;
                    } else if (status.equals("failed")) {
                        failed++;
                        failures.put(id, "failed at " + c.path("stage").asString() + ": " + c.path("last_error_type").asString("")
                                + " " + c.path("last_error").asString(""));
                    }
                }
                cursor = r.body().path("next_cursor").isString() ? r.body().get("next_cursor").asString() : null;
            } while (cursor != null);
            if (done + failed >= byConversation.size()) {
                return;
            }
            if (Duration.between(lastPrint, Instant.now()).toSeconds() >= 15) {
                System.out.printf("  %d analysed, %d failed, %d waiting%n", done, failed, byConversation.size() - done - failed);
                lastPrint = Instant.now();
            }
            if (Instant.now().isAfter(deadline)) {
                byConversation.forEach((conversation, id) -> failures.putIfAbsent(id, "not analysed within " + timeout.toSeconds() + " s"));
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }
}
