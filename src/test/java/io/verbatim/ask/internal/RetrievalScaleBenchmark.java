package io.verbatim.ask.internal;

import io.verbatim.VerbatimApplication;
import io.verbatim.ask.AccessKeys;
import io.verbatim.ask.ConversationScope;
import io.verbatim.ask.IndexSource;
import io.verbatim.ask.PassageFilter;
import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.ask.SourcePassage;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.ask.internal.RetrievalEvaluation.Call;
import io.verbatim.ask.internal.RetrievalEvaluation.Question;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.search.Query;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The retrieval engine at scale, printed (not a unit test).
 *
 * <ol>
 *   <li><b>Search p95</b> with 100,000 document pages plus 10,000 calls in one tenant, on the index a replica
 *   builds (the same Lucene documents, {@link PassageDocuments}). Calls are made as in {@link RetrievalEvaluation}
 *   (8 real-embedded variants of each of the 16 test calls, vectors plus noise); pages are 6 to 12 sentences of
 *   the calls' turns in 50 collections, 400 of them embedded for real and the rest given their base page's
 *   vector plus noise. Timed: the engine's search path (embed the question, the collection and scope filter,
 *   hybrid BM25 + HNSW, stored fields, then chat's answer gate over the top 6: with the static model MiniLM on the
 *   question and a window of each passage, no cache), for four filters: 5 collections + all calls, 1 collection, 5 collections
 *   only, 5 collections + one team's calls.</li>
 *   <li><b>Replica lag</b> between two nodes on one PostgreSQL under steady indexing: node 1 (embedded
 *   PostgreSQL) and node 2 (its own data directory, node 1's database) as {@code docs/deploy.md} starts them;
 *   node 1 indexes a 3-page document every {@code --interval-ms} (default 100) for {@code --seconds} (60);
 *   the lag of a write is from its commit (when {@code index()} returns on node 1) to node 2's replica
 *   having applied its change number.</li>
 * </ol>
 *
 * <p>{@code --model minilm|static} (default: the engine's, {@code verbatim.retrieval.embedding-model}) picks the
 * {@link Embedder} that embeds pages, calls and questions, as the engine does: its vector field, its fusion (RRF k,
 * vector weight) and minimum similarity ({@link HybridSearcher#forModel}). With MiniLM each search is timed twice,
 * alternating: as it runs now and as it ran before (LangChain4j's question embedding, the HNSW graph for every filter,
 * equal fusion weights), so both see the same load; with the static model the engine's path alone. Then each half of
 * the hybrid search alone. {@code --index-dir} builds the index there once and reuses it on later runs (same model).
 *
 * <pre>scripts/bench.sh retrieval [--pages 100000] [--calls 10000] [--model minilm|static] [--seconds 60] [--interval-ms 100] [--skip-search|--skip-lag] [--index-dir DIR]</pre>
 */
public final class RetrievalScaleBenchmark {

    public static void main(String[] args) throws Exception {
        int pages = 100_000;
        int calls = 10_000;
        int seconds = 60;
        int intervalMs = 100;
        boolean search = true;
        boolean lag = true;
        Path indexDir = null; // --index-dir: build the search index there once, reuse it on later runs
        String model = engineDefaultModel();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--interval-ms" -> intervalMs = Integer.parseInt(args[++i]);
                case "--skip-search" -> search = false;
                case "--skip-lag" -> lag = false;
                case "--index-dir" -> indexDir = Path.of(args[++i]);
                case "--model" -> model = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "Retrieval engine benchmark: %d cores; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), RetrievalEvaluation.loadAverage());
        if (search) {
            search(pages, calls, indexDir, model);
        }
        if (lag) {
            lag(seconds, intervalMs);
        }
        System.exit(0);
    }

    /** {@code verbatim.retrieval.embedding-model}'s default, read from {@link RetrievalProperties} so it follows the engine. */
    private static String engineDefaultModel() {
        var constructor = RetrievalProperties.class.getDeclaredConstructors()[0];
        for (var parameter : constructor.getParameters()) {
            var value = parameter.getAnnotation(org.springframework.boot.context.properties.bind.DefaultValue.class);
            if (parameter.getType() == String.class && value != null) {
                return value.value()[0];
            }
        }
        throw new IllegalStateException("no default embedding model on RetrievalProperties");
    }

    /** The passages a chat message asks for ({@code ChatService}): the answer gate judges these. */
    private static final int CHAT_PASSAGES = 6;

    // --- 1. search p95 ----------------------------------------------------------------------------

    private static void search(int pageCount, int callCount, Path indexDir, String model) throws Exception {
        Path root = Path.of(System.getProperty("verbatim.testdata", "../shared/testdata")).resolve("calls");
        List<Call> calls = RetrievalEvaluation.loadCalls(root);
        // The engine's own choice of embedder for this setting (EmbedderConfiguration).
        Embedder embedder = new EmbedderConfiguration().embedder(new RetrievalProperties(java.time.Duration.ofSeconds(5), 200, true, model));
        boolean minilm = embedder.modelId().equals(MiniLmEmbedder.MODEL);
        String vectorField = ChunkDocuments.vectorField(embedder.modelId());
        AskProperties p = AskProperties.defaults();
        Chunker chunker = new Chunker(p.chunkTokens(), p.maxChunkTokens(), p.overlapTokens(), embedder::tokens);
        ChunkDocuments chunkDocuments = new ChunkDocuments(tools.jackson.databind.json.JsonMapper.builder().build());
        Random random = new Random(7);
        String tenant = "bench";
        UUID[] collections = new UUID[50];
        UUID[] teams = new UUID[6];
        UUID[] agents = new UUID[60];
        java.util.Arrays.setAll(collections, i -> new UUID(3, i));
        java.util.Arrays.setAll(teams, i -> new UUID(2, i));
        java.util.Arrays.setAll(agents, i -> new UUID(1, i));
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        Path work = indexDir != null ? indexDir : Files.createTempDirectory("retrieval-bench-");
        boolean reuse = indexDir != null && Files.isDirectory(indexDir.resolve(tenant));
        TenantIndexes indexes = new TenantIndexes(work);
        TenantIndex index = indexes.current(tenant);
        System.out.printf(Locale.ROOT, "%n1. Search, embedding model %s (%d dimensions, field %s, RRF k %d, vector weight %.2f, "
                        + "min similarity %.2f)%n", embedder.modelId(), embedder.dimensions(), vectorField, embedder.rrfK(p.rrfK()),
                embedder.vectorWeight(), embedder.minSimilarity(p.minSimilarity()));
        if (reuse) {
            boolean hasField = index.search(s -> s.getIndexReader().leaves().stream()
                    .allMatch(l -> l.reader().getFieldInfos().fieldInfo(vectorField) != null));
            if (!hasField) {
                throw new IllegalArgumentException(work + " holds an index of another model (no field " + vectorField + ")");
            }
            System.out.printf(Locale.ROOT, "   reusing the index in %s: %,d passages; %d segments%n", work,
                    index.passages(), index.search(s -> s.getIndexReader().leaves().size()));
        } else {
            RetrievalScaleIndex.build(index, pageCount, callCount, calls, embedder, chunker, chunkDocuments, random, tenant, collections, teams, agents, now);
        }
        HybridSearcher searcher = HybridSearcher.forModel(p, embedder); // as PassageEngine builds it
        // Chat's answer gate, as PassageEngine runs it: with the static model MiniLM embeds the question and the passages
        // found; no cache here (each search pays in full, the worst case).
        AnswerJudge judge = new AnswerJudge(embedder, minilm ? embedder : new MiniLmEmbedder(), 0);
        List<Double> allJudge = new ArrayList<>();
        // The same with the HNSW graph for every filter (the profile below).
        HybridSearcher graphOnly = new HybridSearcher(p.candidates(), embedder.rrfK(p.rrfK()), embedder.vectorWeight(),
                embedder.minSimilarity(p.minSimilarity()), 0, vectorField);
        // MiniLM only, the path as it was before (same run, same index, alternating): LangChain4j's embedding, the HNSW
        // graph for every filter, equal fusion weights.
        HybridSearcher before = minilm ? new HybridSearcher(p.candidates(), p.rrfK(), p.minSimilarity(), 0) : null;
        var langChain4j = minilm ? new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel() : null;
        Set<UUID> five = Set.of(collections[0], collections[1], collections[2], collections[3], collections[4]);
        Map<String, PassageFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("5 collections + all calls", PassageFilter.both(five, ConversationScope.all()));
        filters.put("1 collection", PassageFilter.documents(Set.of(collections[9])));
        filters.put("5 collections", PassageFilter.documents(five));
        filters.put("5 collections + one team's calls", PassageFilter.both(five, ConversationScope.team(teams[2])));
        List<Question> questions = RetrievalEvaluation.QUESTIONS;
        for (int i = 0; i < 100; i++) { // warm-up, both paths
            Question q = questions.get(i % questions.size());
            Query warm = PassageFilters.toQuery(tenant, filters.get(i % 2 == 0 ? "5 collections" : "5 collections + all calls"));
            judge.judge(q.text(), searcher.search(index, q.text(), embedder.embed(q.text()), warm, CHAT_PASSAGES, Mode.HYBRID));
            if (minilm) {
                before.search(index, q.text(), langChain4j.embed(q.text()).content().vector(), warm, 8, Mode.HYBRID);
            }
        }
        List<Double> all = new ArrayList<>();
        List<Double> allBefore = new ArrayList<>();
        List<Double> allEmbed = new ArrayList<>();
        List<Double> allEmbedBefore = new ArrayList<>();
        for (var e : filters.entrySet()) {
            List<Double> times = new ArrayList<>();
            List<Double> beforeTimes = new ArrayList<>();
            Set<String> kinds = new HashSet<>();
            for (int round = 0; round < 3; round++) {
                for (Question q : questions) {
                    long s;
                    if (minilm) {
                        s = System.nanoTime();
                        float[] old = langChain4j.embed(q.text()).content().vector();
                        allEmbedBefore.add((System.nanoTime() - s) / 1e6);
                        before.search(index, q.text(), old, PassageFilters.toQuery(tenant, e.getValue()), 8, Mode.HYBRID);
                        beforeTimes.add((System.nanoTime() - s) / 1e6);
                    }
                    s = System.nanoTime();
                    float[] vector = embedder.embed(q.text());
                    allEmbed.add((System.nanoTime() - s) / 1e6);
                    Query filter = PassageFilters.toQuery(tenant, e.getValue());
                    var hits = searcher.search(index, q.text(), vector, filter, 8, Mode.HYBRID);
                    long j = System.nanoTime();
                    judge.judge(q.text(), hits.subList(0, Math.min(CHAT_PASSAGES, hits.size())));
                    allJudge.add((System.nanoTime() - j) / 1e6);
                    hits.forEach(h -> kinds.add(h.document().get(PassageDocuments.KIND)));
                    times.add((System.nanoTime() - s) / 1e6);
                }
            }
            all.addAll(times);
            allBefore.addAll(beforeTimes);
            System.out.printf(Locale.ROOT, "   %-34s now p50 %5.1f p95 %6.1f p99 %6.1f ms%s  (%s)%n",
                    e.getKey(), RetrievalEvaluation.pct(times, 50), RetrievalEvaluation.pct(times, 95), RetrievalEvaluation.pct(times, 99),
                    minilm ? String.format(Locale.ROOT, " | before p50 %5.1f p95 %6.1f p99 %6.1f ms", RetrievalEvaluation.pct(beforeTimes, 50),
                            RetrievalEvaluation.pct(beforeTimes, 95), RetrievalEvaluation.pct(beforeTimes, 99)) : "", kinds);
        }
        System.out.printf(Locale.ROOT, "   %-34s now p50 %6.3f p95 %6.3f p99 %6.3f ms%s%n", "question embedding alone",
                RetrievalEvaluation.pct(allEmbed, 50), RetrievalEvaluation.pct(allEmbed, 95), RetrievalEvaluation.pct(allEmbed, 99),
                minilm ? String.format(Locale.ROOT, " | before p50 %5.1f p95 %6.1f ms", RetrievalEvaluation.pct(allEmbedBefore, 50),
                        RetrievalEvaluation.pct(allEmbedBefore, 95)) : "");
        System.out.printf(Locale.ROOT, "   %-34s now p50 %6.3f p95 %6.3f p99 %6.3f ms%n", "answer gate alone (top 6, no cache)",
                RetrievalEvaluation.pct(allJudge, 50), RetrievalEvaluation.pct(allJudge, 95), RetrievalEvaluation.pct(allJudge, 99));
        System.out.printf(Locale.ROOT, "   %-34s now p50 %5.1f p95 %6.1f p99 %6.1f ms%s   (target p95 <= 50 ms; "
                        + "%d searches, top 8, question embedding and the answer gate over the top 6 included)%n", "all filters", RetrievalEvaluation.pct(all, 50),
                RetrievalEvaluation.pct(all, 95), RetrievalEvaluation.pct(all, 99),
                minilm ? String.format(Locale.ROOT, " | before p50 %5.1f p95 %6.1f ms", RetrievalEvaluation.pct(allBefore, 50),
                        RetrievalEvaluation.pct(allBefore, 95)) : "", all.size());
        // Where the time goes: each half of the hybrid search alone, with the question vectors computed beforehand.
        Map<String, float[]> vectors = new java.util.HashMap<>();
        questions.forEach(q -> vectors.put(q.text(), embedder.embed(q.text())));
        for (var e : filters.entrySet()) {
            Query filter = PassageFilters.toQuery(tenant, e.getValue());
            Map<Mode, List<Double>> byMode = new java.util.EnumMap<>(Mode.class);
            for (Mode mode : Mode.values()) {
                List<Double> times = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (Question q : questions) {
                        long s = System.nanoTime();
                        searcher.search(index, q.text(), vectors.get(q.text()), filter, 8, mode);
                        times.add((System.nanoTime() - s) / 1e6);
                    }
                }
                byMode.put(mode, times);
            }
            List<Double> graph = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (Question q : questions) {
                    long s = System.nanoTime();
                    graphOnly.search(index, q.text(), vectors.get(q.text()), filter, 8, Mode.VECTOR);
                    graph.add((System.nanoTime() - s) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "   profile %-33s BM25 p50 %5.1f p95 %5.1f | vectors graph only p50 %5.1f p95 %5.1f | vectors p50 %5.1f "
                    + "p95 %5.1f | hybrid p50 %5.1f p95 %5.1f ms%n",
                    e.getKey(), RetrievalEvaluation.pct(byMode.get(Mode.BM25), 50), RetrievalEvaluation.pct(byMode.get(Mode.BM25), 95),
                    RetrievalEvaluation.pct(graph, 50), RetrievalEvaluation.pct(graph, 95),
                    RetrievalEvaluation.pct(byMode.get(Mode.VECTOR), 50), RetrievalEvaluation.pct(byMode.get(Mode.VECTOR), 95),
                    RetrievalEvaluation.pct(byMode.get(Mode.HYBRID), 50), RetrievalEvaluation.pct(byMode.get(Mode.HYBRID), 95));
        }
        // Load-independent: HNSW nodes the graph visits per question (no filter, all segments), the work behind the vector times.
        long visited = 0;
        for (Question q : questions) {
            float[] v = vectors.get(q.text());
            visited += index.search(s -> {
                long n = 0;
                for (var leaf : s.getIndexReader().leaves()) {
                    var r = leaf.reader();
                    n += r.searchNearestVectors(vectorField, v, p.candidates(), org.apache.lucene.search.AcceptDocs.fromLiveDocs(r.getLiveDocs(),
                            r.maxDoc()), Integer.MAX_VALUE).totalHits.value();
                }
                return n;
            });
        }
        System.out.printf(Locale.ROOT, "   HNSW nodes visited per question, no filter, top %d: mean %,d%n", p.candidates(), visited / questions.size());
        indexes.closeAll();
    }

    // --- 2. replica lag ---------------------------------------------------------------------------

    private static void lag(int seconds, int intervalMs) throws Exception {
        Path dir1 = Files.createTempDirectory("retrieval-bench-node1-");
        Path dir2 = Files.createTempDirectory("retrieval-bench-node2-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long ts = System.nanoTime();
        ConfigurableApplicationContext node1 = new SpringApplicationBuilder(VerbatimApplication.class).run(
                "--verbatim.data-dir=" + dir1, "--verbatim.db.embedded-port=" + port, "--verbatim.demo.enabled=false",
                "--verbatim.pipeline.enabled=false", "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn");
        ConfigurableApplicationContext node2 = new SpringApplicationBuilder(VerbatimApplication.class).run(
                "--verbatim.data-dir=" + dir2, "--verbatim.db.url=jdbc:postgresql://127.0.0.1:" + port + "/verbatim",
                "--verbatim.db.user=verbatim_owner", "--verbatim.db.password=verbatim_owner",
                "--verbatim.db.app-user=verbatim_app", "--verbatim.db.app-password=verbatim_app",
                "--verbatim.storage.filesystem.root=" + dir1.resolve("blobs"),
                "--verbatim.credentials.master-key-file=" + dir1.resolve("secrets/credentials-master.key"),
                "--verbatim.demo.enabled=false", "--verbatim.pipeline.enabled=false", "--server.port=0",
                "--spring.main.banner-mode=off", "--logging.level.root=warn");
        System.out.printf(Locale.ROOT, "%n2. Replica lag: two nodes started in %.1f s (node 1 embedded PostgreSQL on port %d)%n",
                (System.nanoTime() - ts) / 1e9, port);
        TenantId tenant = new TenantId("bench-lag");
        node1.getBean(Tenants.class).create(tenant, "Bench", StorageMode.SHARED, null);
        RetrievalEngine writer = node1.getBean(RetrievalEngine.class);
        ReplicaFollower follower = node2.getBean(ReplicaFollower.class);
        Map<Long, Long> committed = new ConcurrentHashMap<>();
        List<Double> lags = new ArrayList<>();
        Thread watcher = Thread.ofPlatform().daemon().start(() -> {
            long seen = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long applied = follower.applied(tenant.value());
                long t = System.nanoTime();
                for (long s = seen + 1; s <= applied; s++) {
                    Long c = committed.get(s);
                    if (c != null) {
                        synchronized (lags) {
                            lags.add((t - c) / 1e6);
                        }
                    }
                }
                seen = Math.max(seen, applied);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Random random = new Random(11);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int writes = 0;
        UUID collection = UUID.randomUUID();
        while (System.nanoTime() < end) {
            long next = System.nanoTime() + intervalMs * 1_000_000L;
            List<SourcePassage> docPages = List.of(
                    SourcePassage.page("Price list " + random.nextInt(1000) + ": gutter cleaning " + random.nextInt(500) + " dollars.", 1),
                    SourcePassage.page("Service policy " + random.nextInt(1000) + ": visits are rescheduled free of charge.", 2),
                    SourcePassage.page("Playbook " + random.nextInt(1000) + ": ask about the roof's age before quoting.", 3));
            long seq = writer.index(new IndexSource(tenant, SourceKind.DOCUMENT, UUID.randomUUID(), 1, docPages,
                    AccessKeys.collection(collection)));
            committed.put(seq, System.nanoTime());
            writes++;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000L);
            }
        }
        Thread.sleep(3000);
        watcher.interrupt();
        List<Double> copy;
        synchronized (lags) {
            copy = new ArrayList<>(lags);
        }
        System.out.printf(Locale.ROOT, "   %d writes of a 3-page document in %d s (one every %d ms, embedding included), %d seen on node 2%n",
                writes, seconds, intervalMs, copy.size());
        System.out.printf(Locale.ROOT, "   lag node 1 commit -> node 2 replica: p50 %.0f ms   p95 %.0f ms   p99 %.0f ms   max %.0f ms   "
                        + "(target p95 <= 2000 ms; poll %s, %d notifications received, %d catch-ups they woke)%n",
                RetrievalEvaluation.pct(copy, 50), RetrievalEvaluation.pct(copy, 95),
                RetrievalEvaluation.pct(copy, 99), RetrievalEvaluation.pct(copy, 100),
                node2.getBean(RetrievalProperties.class).replicaPoll(), node2.getBean(ReplicaNotifications.class).received(),
                follower.woken());
        node2.close();
        node1.close();
    }
}
