package io.verbatim.ask.internal;

import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.conversations.Visibility;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retrieval quality, indexing throughput and retrieval latency of Ask, printed (not a unit test).
 *
 * <ol>
 *   <li><b>Quality.</b> The 16 calls of {@code ../shared/testdata/calls} are indexed exactly as the
 *   {@code indexed} stage does (chunker, all-MiniLM-L6-v2, Lucene BM25 + HNSW). 30 questions, each with
 *   the call(s) that answer it (judged by reading the calls), are searched three ways: BM25 only, vectors
 *   only, hybrid (reciprocal-rank fusion, k = 60). Calls are ranked by their best chunk. Reported:
 *   hit-rate@5 (a relevant call among the first 5) and MRR (1 / rank of the first relevant call).</li>
 *   <li><b>Throughput.</b> The same chunks embedded by the model alone vs indexed end to end (chunking,
 *   embedding, Lucene documents, HNSW insertion, commit), interleaved, best of 3; the ratio is indexing
 *   chunks/s over embedding chunks/s (1.0 = the index costs nothing beyond the model).</li>
 *   <li><b>Latency.</b> 10,000 conversations in one tenant, generated from the 16 calls: each takes one of
 *   8 text variants per call (names replaced, short turns dropped, which moves chunk boundaries) whose
 *   chunks are embedded for real, plus random agent (60), team (6, 10% unassigned), date (last 180 days),
 *   channel and objections; its vectors are the variant's plus small Gaussian noise (cosine about 0.97 to
 *   the original), so no two of the ~45,000 vectors are equal. Embedding all of them for real takes
 *   about 5 minutes on 2 cores ({@code --embed-all} does that). Then the 30 questions in company, team
 *   and agent scope, with and without a date filter, timed end to end (question embedding + hybrid
 *   search + reading the stored chunks), and the index search alone, per mode.</li>
 * </ol>
 *
 * <pre>scripts/bench.sh ask [--conversations 10000] [--embed-all]</pre>
 */
public final class RetrievalEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean diagnose;

    /** A question and the calls that answer it. */
    record Question(String text, Set<String> relevant) {
        Question(String text, String... relevant) {
            this(text, Set.of(relevant));
        }
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("How much does a new central air conditioning system cost?", "csr_002", "fs_007"),
            new Question("The customer needs to check with her husband first", "csr_002", "ms_002"),
            new Question("Do you pump septic tanks?", "csr_003"),
            new Question("The agent referred the caller to another local company", "csr_003"),
            new Question("Water heater leaking all over the garage floor", "csr_008"),
            new Question("Unhappy repeat customer because the last technician showed up hours late", "csr_008"),
            new Question("Agent waived the trip charge and booked a priority same-day visit", "csr_008"),
            new Question("Sales rep trash-talked a competitor's installs", "fs_003"),
            new Question("Will I still get the federal tax credit for solar?", "fs_003"),
            new Question("Homeowner cared more about backup power during outages than savings", "fs_003"),
            new Question("Pressure to sign today to get a discount", "fs_003"),
            new Question("Pinhole leaks and corroded copper pipes", "fs_004"),
            new Question("Customer approved for financing on a tablet during the visit", "fs_004"),
            new Question("Replacing an oil furnace and window units with a heat pump", "fs_007"),
            new Question("State rebate for switching away from heating oil", "fs_007"),
            new Question("Customer wants to compare with another contractor's quote", "fs_007", "fs_003"),
            new Question("Looking for a cheaper phone because the battery dies by lunch", "ms_002"),
            new Question("Sales associate was dismissive and never introduced himself", "ms_002"),
            new Question("Light laptop for a daughter starting nursing school", "ms_003"),
            new Question("Warranty that covers drops and spills", "ms_003"),
            new Question("Opening a savings account to save for an apartment", "ms_005"),
            new Question("Credit card that earns travel miles and VIP lounge access", "ms_008"),
            new Question("Bill was way too high because the meter was estimated", "sup_002"),
            new Question("Caller demanded to speak to a real person or supervisor", "sup_002", "va_004"),
            new Question("Lost debit card and a fraudulent gas charge", "sup_003"),
            new Question("Customer threatened to cancel and switch carriers over price", "sup_005"),
            new Question("Agent kept the customer with a loyalty discount", "sup_005"),
            new Question("Reschedule a hair coloring appointment with the same stylist", "va_002"),
            new Question("Does the clinic take my new marketplace insurance?", "va_004"),
            new Question("Where to park for the skin check appointment tomorrow", "va_008"));

    record Call(String id, String domain, Instant startedAt, String agentName, String customerName, List<Turn> turns) {
    }

    public static void main(String[] args) throws Exception {
        int conversations = 10_000;
        boolean embedAll = false;
        boolean qualityOnly = false;
        List<String> models = List.of("minilm", "static");
        AskProperties p = AskProperties.defaults();
        int chunk = p.chunkTokens();
        int max = p.maxChunkTokens();
        int overlap = p.overlapTokens();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--conversations" -> conversations = Integer.parseInt(args[++i]);
                case "--embed-all" -> embedAll = true;
                case "--quality-only" -> qualityOnly = true;
                case "--models" -> models = List.of(args[++i].split(","));
                case "--diagnose" -> diagnose = true;
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                case "--max-chunk" -> max = Integer.parseInt(args[++i]);
                case "--overlap" -> overlap = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path root = Path.of(System.getProperty("verbatim.testdata", "../shared/testdata")).resolve("calls");
        List<Call> calls = loadCalls(root);
        Path work = Files.createTempDirectory("ask-eval-");
        p = new AskProperties(chunk, max, overlap, p.candidates(), p.rrfK(), p.minSimilarity(), p.llm());
        System.out.println("Load average at start (other processes share these cores): " + loadAverage());
        try {
            for (String model : models) {
                Embedder embedder = PassageSearchHarness.embedder(model);
                Chunker chunker = new Chunker(p.chunkTokens(), p.maxChunkTokens(), p.overlapTokens(), embedder::tokens);
                ChunkPipeline pipeline = new ChunkPipeline(chunker, embedder, new ChunkDocuments(JSON));
                System.out.printf(Locale.ROOT, "%nAsk retrieval evaluation: %d calls from %s, embedding model %s (%d dims), "
                        + "Lucene 10 BM25 + HNSW, %d cores, vector incubator module %s%n", calls.size(), root, embedder.modelId(),
                        embedder.dimensions(), Runtime.getRuntime().availableProcessors(),
                        ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "on" : "off");
                Path dir = work.resolve(model);
                quality(calls, pipeline, embedder, dir, p);
                if (!qualityOnly) {
                    throughput(calls, pipeline, embedder, dir);
                    latency(calls, pipeline, embedder, dir, conversations, embedAll, p);
                }
            }
            System.out.println("\nLoad average at the end: " + loadAverage());
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * hit@5, hit@1 and MRR as Ask retrieves ({@link Retrieval#retrieve}): the model's fusion and floor; with the static
     * model no floor in the search, then MiniLM's floors on each passage's window ({@link AnswerJudge}), 20 kept.
     */
    private static double[] asksPath(TenantIndex index, Embedder embedder, SearchFilter filter, Map<UUID, String> names, AskProperties p) {
        AnswerJudge judge = new AnswerJudge(embedder);
        HybridSearcher searcher = new HybridSearcher(p.candidates(), embedder.rrfK(p.rrfK()), embedder.vectorWeight(),
                embedder.minSimilarity(p.minSimilarity()), HybridSearcher.EXACT_BELOW, ChunkDocuments.VECTOR);
        double hits5 = 0;
        double hits1 = 0;
        double mrr = 0;
        for (Question q : QUESTIONS) {
            List<Hit> hits = searcher.search(index, q.text(), embedder.embed(q.text()), filter.toQuery(),
                    judge.rescores() ? 20 + Retrieval.JUDGED_EXTRA : 20, Mode.HYBRID);
            if (judge.rescores()) {
                hits = judge.aboveFloor(q.text(), hits, p.minSimilarity(), 20).hits();
            }
            List<String> ranked = HybridSearcher.conversations(hits).stream().map(names::get).toList();
            int rank = firstRelevant(q, ranked);
            hits5 += rank >= 1 && rank <= 5 ? 1 : 0;
            hits1 += rank == 1 ? 1 : 0;
            mrr += rank == 0 ? 0 : 1.0 / rank;
        }
        int n = QUESTIONS.size();
        return new double[] {hits5 / n, hits1 / n, mrr / n};
    }

    /** The 1-based rank of the first conversation that answers {@code q}; 0 when none does. */
    private static int firstRelevant(Question q, List<String> ranked) {
        for (int i = 0; i < ranked.size(); i++) {
            if (q.relevant().contains(ranked.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    // --- 1. quality ------------------------------------------------------------------------------------

    private static void quality(List<Call> calls, ChunkPipeline pipeline, Embedder embedder, Path work, AskProperties p) {
        TenantIndexes indexes = new TenantIndexes(work.resolve("quality"));
        TenantIndex index = indexes.current("eval");
        Map<UUID, String> names = new LinkedHashMap<>();
        List<ChunkPipeline.Prepared> batch = new ArrayList<>();
        for (Call call : calls) {
            UUID id = UUID.nameUUIDFromBytes(call.id().getBytes());
            names.put(id, call.id());
            batch.add(pipeline.prepare(facts(id, "eval", call, null, null, call.startedAt(), List.of()), call.turns()));
        }
        List<List<org.apache.lucene.document.Document>> docs = pipeline.documents(batch);
        int chunks = 0;
        for (int i = 0; i < batch.size(); i++) {
            index.replace(batch.get(i).facts().conversationId().toString(), docs.get(i));
            chunks += docs.get(i).size();
        }
        index.commit();
        System.out.printf(Locale.ROOT, "%n1. Retrieval quality: %d questions over %d calls (%d chunks, %.1f per call; chunks of %d-%d tokens, "
                + "overlap %d)%n", QUESTIONS.size(), calls.size(), chunks, chunks / (double) calls.size(), p.chunkTokens(),
                p.maxChunkTokens(), p.overlapTokens());
        // The engine's fusion for the model, no floor; ChunkPipeline writes every model's vectors to the one field.
        HybridSearcher searcher = new HybridSearcher(p.candidates(), embedder.rrfK(p.rrfK()), embedder.vectorWeight(), 0, HybridSearcher.EXACT_BELOW,
                ChunkDocuments.VECTOR);
        SearchFilter filter = SearchFilter.of("eval", new Visibility(Visibility.Scope.TENANT, null, null));
        Map<Mode, double[]> totals = new LinkedHashMap<>();
        StringBuilder misses = new StringBuilder();
        for (Mode mode : Mode.values()) {
            double hits5 = 0;
            double hits1 = 0;
            double mrr = 0;
            for (Question q : QUESTIONS) {
                float[] vector = mode == Mode.BM25 ? null : embedder.embed(q.text());
                List<Hit> hits = searcher.search(index, q.text(), vector, filter.toQuery(), 50, mode);
                List<String> ranked = HybridSearcher.conversations(hits).stream().map(names::get).toList();
                int rank = firstRelevant(q, ranked);
                hits5 += rank >= 1 && rank <= 5 ? 1 : 0;
                hits1 += rank == 1 ? 1 : 0;
                mrr += rank == 0 ? 0 : 1.0 / rank;
                if (rank != 1) {
                    misses.append(String.format(Locale.ROOT, "   %-7s rank %-3s %s -> top: %s%n", mode, rank == 0 ? "-" : rank,
                            q.text(), ranked.subList(0, Math.min(3, ranked.size()))));
                }
            }
            totals.put(mode, new double[] {hits5 / QUESTIONS.size(), hits1 / QUESTIONS.size(), mrr / QUESTIONS.size()});
        }
        if (diagnose) {
            System.out.println("   Similarity (cosine) of each question to its best relevant / best irrelevant chunk, and BM25 ranks:");
            for (Question q : QUESTIONS) {
                float[] vector = embedder.embed(q.text());
                List<Hit> hits = searcher.search(index, q.text(), vector, filter.toQuery(), 100, Mode.HYBRID);
                double rel = -1;
                double irr = -1;
                String irrBm25 = "";
                for (Hit h : hits) {
                    if (q.relevant().contains(names.get(h.conversationId()))) {
                        rel = Math.max(rel, h.similarity());
                    } else if (h.similarity() > irr) {
                        irr = h.similarity();
                        irrBm25 = h.bm25Rank() > 0 ? "bm25 #" + h.bm25Rank() : "vector only";
                    }
                }
                System.out.printf(Locale.ROOT, "   %.2f / %.2f (%s)  %s%n", rel, irr, irrBm25, q.text());
            }
        }
        System.out.println("   mode      hit-rate@5   hit-rate@1   MRR");
        totals.forEach((mode, t) -> System.out.printf(Locale.ROOT, "   %-8s  %10.3f   %10.3f   %.3f%n", mode, t[0], t[1], t[2]));
        double[] ask = asksPath(index, embedder, filter, names, p);
        System.out.printf(Locale.ROOT, "   %-8s  %10.3f   %10.3f   %.3f   (Ask's path: the engine's floors, on MiniLM's cosine of a window when the "
                + "index is static, 20 passages)%n", "ASK", ask[0], ask[1], ask[2]);
        System.out.println("   Questions whose answering call was not ranked first:");
        System.out.print(misses);
        indexes.closeAll();
    }

    // --- 2. throughput ---------------------------------------------------------------------------------

    private static void throughput(List<Call> calls, ChunkPipeline pipeline, Embedder embedder, Path work) {
        int rounds = 8;
        record Item(Call call, ConversationFacts facts) {
        }
        List<List<Item>> batches = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Item> batch = new ArrayList<>();
            for (Call call : calls) {
                batch.add(new Item(call, facts(UUID.randomUUID(), "eval", call, null, null, call.startedAt(), List.of())));
            }
            batches.add(batch);
        }
        List<List<String>> texts = batches.stream().map(batch -> batch.stream()
                .flatMap(i -> pipeline.chunker().chunk(i.call().turns()).stream()).map(Chunk::text).toList()).toList();
        int chunks = texts.stream().mapToInt(List::size).sum();
        embedder.embedAll(texts.getFirst()); // warm-up
        double bestEmbed = Double.MAX_VALUE;
        double bestIndex = Double.MAX_VALUE;
        double bestPerConversation = Double.MAX_VALUE;
        for (int repeat = 0; repeat < 3; repeat++) {
            long t0 = System.nanoTime();
            for (List<String> batch : texts) {
                embedder.embedAll(batch);
            }
            bestEmbed = Math.min(bestEmbed, (System.nanoTime() - t0) / 1e9);

            TenantIndexes indexes = new TenantIndexes(work.resolve("throughput-" + repeat));
            TenantIndex index = indexes.current("eval");
            long t1 = System.nanoTime();
            for (List<Item> batch : batches) { // as a rebuild does: chunk, one embedding call per 16 calls, write, commit at the end
                List<ChunkPipeline.Prepared> prepared = batch.stream().map(i -> pipeline.prepare(i.facts(), i.call().turns())).toList();
                List<List<org.apache.lucene.document.Document>> docs = pipeline.documents(prepared);
                for (int i = 0; i < prepared.size(); i++) {
                    index.replace(prepared.get(i).facts().conversationId().toString(), docs.get(i));
                }
            }
            index.commit();
            bestIndex = Math.min(bestIndex, (System.nanoTime() - t1) / 1e9);
            indexes.closeAll();

            TenantIndexes perConversation = new TenantIndexes(work.resolve("throughput-stage-" + repeat));
            TenantIndex stageIndex = perConversation.current("eval");
            long t2 = System.nanoTime();
            for (List<Item> batch : batches) { // as the indexed stage does: one conversation, one durable commit
                for (Item item : batch) {
                    ChunkPipeline.Prepared prepared = pipeline.prepare(item.facts(), item.call().turns());
                    stageIndex.replace(item.facts().conversationId().toString(), pipeline.documents(List.of(prepared)).getFirst());
                    stageIndex.commit();
                }
            }
            bestPerConversation = Math.min(bestPerConversation, (System.nanoTime() - t2) / 1e9);
            perConversation.closeAll();
        }
        double embedRate = chunks / bestEmbed;
        double indexRate = chunks / bestIndex;
        double stageRate = chunks / bestPerConversation;
        System.out.printf(Locale.ROOT, "%n2. Indexing throughput (%d chunks = the 16 calls x %d, best of 3, same run)%n", chunks, rounds);
        System.out.printf(Locale.ROOT, "   embedding model alone (batches of 16 calls)  %7.1f chunks/s%n", embedRate);
        System.out.printf(Locale.ROOT, "   indexing, batches of 16 calls (a rebuild)    %7.1f chunks/s   ratio to the model alone %.2f%n",
                indexRate, indexRate / embedRate);
        System.out.printf(Locale.ROOT, "   indexing, one call + commit (the stage)      %7.1f chunks/s   ratio to the model alone %.2f%n",
                stageRate, stageRate / embedRate);
    }

    // --- 3. latency at scale ---------------------------------------------------------------------------

    private static void latency(List<Call> calls, ChunkPipeline pipeline, Embedder embedder, Path work, int conversations,
                                boolean embedAll, AskProperties p) {
        Random random = new Random(42);
        int variantsPerCall = 8;
        UUID[] agents = new UUID[60];
        UUID[] teams = new UUID[6];
        Arrays.setAll(agents, i -> new UUID(1, i));
        Arrays.setAll(teams, i -> new UUID(2, i));
        String[] objections = {"price", "timing", "decision_maker", "trust", "competitor", "need"};
        Instant now = Instant.parse("2026-11-01T00:00:00Z");

        long tv = System.nanoTime();
        List<List<Turn>> variants = new ArrayList<>();
        List<List<Chunk>> variantChunks = new ArrayList<>();
        List<List<float[]>> variantVectors = new ArrayList<>();
        for (Call call : calls) {
            for (int v = 0; v < variantsPerCall; v++) {
                List<Turn> turns = variant(call, random);
                List<Chunk> chunks = pipeline.chunker().chunk(turns);
                variants.add(turns);
                variantChunks.add(chunks);
                variantVectors.add(embedder.embedAll(chunks.stream().map(Chunk::text).toList()));
            }
        }
        double variantSeconds = (System.nanoTime() - tv) / 1e9;

        TenantIndexes indexes = new TenantIndexes(work.resolve("scale"));
        TenantIndex index = indexes.current("scale");
        ChunkDocuments documents = new ChunkDocuments(JSON);
        long written = 0;
        double embedSeconds = 0;
        long t0 = System.nanoTime();
        for (int n = 0; n < conversations; n++) {
            int v = random.nextInt(variants.size());
            Call call = calls.get(v / variantsPerCall);
            UUID id = UUID.randomUUID();
            UUID team = random.nextInt(10) == 0 ? null : teams[random.nextInt(teams.length)];
            List<String> objs = new ArrayList<>();
            for (String o : objections) {
                if (random.nextInt(5) == 0) {
                    objs.add(o);
                }
            }
            ConversationFacts facts = facts(id, "scale", call, agents[random.nextInt(agents.length)], team,
                    now.minus(random.nextInt(180 * 24), ChronoUnit.HOURS), objs);
            List<Chunk> chunks = variantChunks.get(v);
            List<float[]> vectors;
            if (embedAll) {
                long te = System.nanoTime();
                vectors = embedder.embedAll(chunks.stream().map(Chunk::text).toList());
                embedSeconds += (System.nanoTime() - te) / 1e9;
            } else {
                vectors = variantVectors.get(v).stream().map(x -> noisy(x, random)).toList();
            }
            index.replace(id.toString(), documents.documents(facts, chunks, vectors));
            written += chunks.size();
            if (n % 1000 == 999) {
                index.refresh();
            }
        }
        index.commit();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%n3. Retrieval latency: %,d conversations in one tenant (%,d chunks)%n", conversations, written);
        System.out.printf(Locale.ROOT, "   %d text variants (%d calls x %d) chunked and embedded in %.1f s; index built in %.1f s "
                        + "(%,.0f chunks/s into Lucene%s)%n", variants.size(), calls.size(), variantsPerCall, variantSeconds,
                buildSeconds, written / (buildSeconds - embedSeconds),
                embedAll ? String.format(Locale.ROOT, ", every chunk embedded for real: %.1f s of it", embedSeconds)
                        : ", vectors = variant vectors + noise");

        HybridSearcher searcher = new HybridSearcher(p.candidates(), p.rrfK(), p.minSimilarity());
        List<SearchFilter> filters = List.of(
                SearchFilter.of("scale", new Visibility(Visibility.Scope.TENANT, null, null)),
                SearchFilter.of("scale", new Visibility(Visibility.Scope.TEAM, null, teams[1])),
                SearchFilter.of("scale", new Visibility(Visibility.Scope.OWN, agents[7], null)),
                SearchFilter.of("scale", new Visibility(Visibility.Scope.TENANT, null, null))
                        .withPeriod(now.minus(30, ChronoUnit.DAYS), now),
                SearchFilter.of("scale", new Visibility(Visibility.Scope.OWN, agents[3], null)).withObjections(List.of("price")));
        String[] filterNames = {"company", "team", "agent", "company, last 30 days", "agent, price objections"};
        // warm-up
        for (int i = 0; i < 100; i++) {
            Question q = QUESTIONS.get(i % QUESTIONS.size());
            searcher.search(index, q.text(), embedder.embed(q.text()), filters.get(i % filters.size()).toQuery(), 20, Mode.HYBRID);
        }
        List<Double> endToEnd = new ArrayList<>();
        Map<Mode, List<Double>> searchOnly = new LinkedHashMap<>();
        Map<Mode, List<Double>> searchCpu = new LinkedHashMap<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> byScope = new LinkedHashMap<>();
        for (Mode m : Mode.values()) {
            searchOnly.put(m, new ArrayList<>());
            searchCpu.put(m, new ArrayList<>());
        }
        int[] results = new int[filters.size()];
        for (int round = 0; round < 3; round++) {
            for (int f = 0; f < filters.size(); f++) {
                var query = filters.get(f).toQuery();
                for (Question q : QUESTIONS) {
                    long s = System.nanoTime();
                    float[] vector = embedder.embed(q.text());
                    List<Hit> hits = searcher.search(index, q.text(), vector, query, 20, Mode.HYBRID);
                    double ms = (System.nanoTime() - s) / 1e6;
                    endToEnd.add(ms);
                    byScope.computeIfAbsent(filterNames[f], k -> new ArrayList<>()).add(ms);
                    results[f] += round == 0 ? hits.size() : 0;
                    for (Mode m : Mode.values()) {
                        long c2 = threads.getCurrentThreadCpuTime();
                        long s2 = System.nanoTime();
                        searcher.search(index, q.text(), m == Mode.BM25 ? null : vector, query, 20, m);
                        searchOnly.get(m).add((System.nanoTime() - s2) / 1e6);
                        searchCpu.get(m).add((threads.getCurrentThreadCpuTime() - c2) / 1e6);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "   %d questions x %d scopes x 3 rounds = %d searches, top 20 chunks, after 100 warm-up searches; "
                + "%d index segments%n", QUESTIONS.size(), filters.size(), endToEnd.size(),
                index.search(s -> s.getIndexReader().leaves().size()));
        System.out.printf(Locale.ROOT, "   %-44s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (target p95 <= 50 ms)%n",
                "hybrid, end to end (embed question + search)", pct(endToEnd, 50), pct(endToEnd, 95), pct(endToEnd, 99),
                pct(endToEnd, 100));
        searchOnly.forEach((m, list) -> System.out.printf(Locale.ROOT,
                "   %-44s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (CPU time: p50 %.1f ms, p95 %.1f ms)%n",
                "index search only, " + m, pct(list, 50), pct(list, 95), pct(list, 99), pct(searchCpu.get(m), 50),
                pct(searchCpu.get(m), 95)));
        for (int f = 0; f < filters.size(); f++) {
            List<Double> list = byScope.get(filterNames[f]);
            System.out.printf(Locale.ROOT, "   %-44s p50 %6.1f ms   p95 %6.1f ms   (%.1f chunks returned on average)%n",
                    "hybrid end to end, scope " + filterNames[f], pct(list, 50), pct(list, 95), results[f] / (double) QUESTIONS.size());
        }
        indexes.closeAll();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static final String[] FIRST_NAMES = {"Alex", "Jordan", "Sam", "Taylor", "Morgan", "Casey", "Jamie", "Robin", "Avery",
            "Quinn", "Riley", "Drew", "Parker", "Reese", "Skyler", "Dana"};

    /** The call with its agent's and customer's first names replaced and up to two short turns dropped. */
    static List<Turn> variant(Call call, Random random) {
        String agentFirst = call.agentName() == null ? null : call.agentName().split("[ (]")[0];
        String customerFirst = call.customerName() == null ? null : call.customerName().split(" ")[0];
        String newAgent = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String newCustomer = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        List<Turn> out = new ArrayList<>();
        int dropped = 0;
        for (Turn t : call.turns()) {
            if (dropped < 2 && t.text().split("\\s+").length <= 4 && random.nextInt(3) == 0) {
                dropped++;
                continue;
            }
            String text = t.text();
            if (agentFirst != null && agentFirst.length() > 2) {
                text = text.replace(agentFirst, newAgent);
            }
            if (customerFirst != null && customerFirst.length() > 2) {
                text = text.replace(customerFirst, newCustomer);
            }
            out.add(new Turn(t.speaker(), null, null, t.start(), t.end(), text, List.of(), null));
        }
        return out;
    }

    static float[] noisy(float[] v, Random random) {
        float[] out = new float[v.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + (float) (random.nextGaussian() * 0.0128);
            norm += out[i] * out[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    // --- data ------------------------------------------------------------------------------------------

    static ConversationFacts facts(UUID id, String tenant, Call call, UUID agent, UUID team, Instant at, List<String> objections) {
        String channel = switch (call.domain()) {
            case "field_sales", "mystery_shop" -> "field_visit";
            case "voice_agent" -> "voice_agent";
            default -> "phone";
        };
        return new ConversationFacts(id, tenant, agent, call.agentName(), team, at, channel, "inbound", List.of(), List.of(),
                objections, null, Map.of());
    }

    static List<Call> loadCalls(Path dir) throws IOException {
        List<Call> calls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json") || name.endsWith(".labels.json") || name.endsWith(".rendered.json")) {
                    continue;
                }
                JsonNode root = JSON.readTree(Files.readString(f));
                List<Turn> turns = new ArrayList<>();
                for (JsonNode t : root.get("turns")) {
                    turns.add(new Turn(Speaker.fromWire(t.get("speaker").asString()), null, null, t.get("start").asDouble(),
                            t.get("end").asDouble(), t.get("text").asString(), List.of(), null));
                }
                calls.add(new Call(root.get("id").asString(), root.get("domain").asString(),
                        Instant.parse(root.get("started_at").asString()), root.path("agent").path("name").asString(null),
                        root.path("customer").path("name").asString(null), turns));
            }
        }
        return calls;
    }
}
