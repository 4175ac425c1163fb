package io.verbatim.ask.internal;

import io.verbatim.ask.AskIndex;
import io.verbatim.ask.IndexSource;
import io.verbatim.ask.RetrievalEngine;
import io.verbatim.ask.SourceKind;
import io.verbatim.conversations.Conversation;
import io.verbatim.conversations.Conversations;
import io.verbatim.platform.BackgroundPriority;
import io.verbatim.speech.Transcript;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the tenant's conversation passages in the retrieval engine in step with the database: a
 * conversation's chunks are replaced as a whole (after transcription, after re-analysis) and removed when
 * it is deleted; a rebuild derives every conversation's passages again. The engine stores them in
 * PostgreSQL and every node's index follows.
 */
@Service
class ConversationIndexer implements AskIndex {

    private static final Logger log = LoggerFactory.getLogger(ConversationIndexer.class);
    private final Conversations conversations;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate readOnly;
    private final TenantIndexes indexes;
    private final ChunkPipeline pipeline;
    private final ChunkDocuments chunkDocuments;
    private final RetrievalEngine engine;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();

    ConversationIndexer(Conversations conversations, JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
                        TenantIndexes indexes, Embedder embedder, AskProperties properties, RetrievalEngine engine) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.indexes = indexes;
        this.pipeline = new ChunkPipeline(new Chunker(properties.chunkTokens(), properties.maxChunkTokens(),
                properties.overlapTokens(), embedder::tokens), embedder, new ChunkDocuments(json));
        this.chunkDocuments = new ChunkDocuments(json);
        this.engine = engine;
    }

    /** A conversation as the index sees it: its filter facts and transcript. */
    record Source(ConversationFacts facts, Transcript transcript) {
    }

    /**
     * Writes the conversation's chunks to the retrieval engine (PostgreSQL first; every node's index follows).
     * The version is the time the conversation was read, so a slow, older run cannot overwrite a newer one.
     */
    @Override
    public int index(UUID conversationId) {
        return index(tenant(), conversationId);
    }

    int index(String tenant, UUID conversationId) {
        long version = System.currentTimeMillis(); // taken before reading: a stale read loses to a newer one
        Optional<Source> source = load(conversationId);
        if (source.isEmpty()) {
            engine.remove(new TenantId(tenant), SourceKind.CONVERSATION, conversationId);
            return 0;
        }
        ConversationFacts facts = source.get().facts();
        List<Chunk> chunks = pipeline.chunker().chunk(source.get().transcript().turns());
        engine.index(new IndexSource(new TenantId(tenant), SourceKind.CONVERSATION, conversationId, version,
                chunkDocuments.passages(facts, chunks), ChunkDocuments.access(facts)));
        return chunks.size();
    }

    @Override
    public void remove(UUID conversationId) {
        remove(tenant(), conversationId);
    }

    void remove(String tenant, UUID conversationId) {
        engine.remove(new TenantId(tenant), SourceKind.CONVERSATION, conversationId);
    }

    /** The conversation with its transcript and analysis, or empty when it is gone or has no transcript yet. */
    Optional<Source> load(UUID conversationId) {
        return readOnly.execute(tx -> {
            Optional<Conversation> conversation = conversations.find(conversationId);
            if (conversation.isEmpty()) {
                return Optional.<Source>empty();
            }
            Optional<Transcript> transcript = conversations.transcript(conversationId);
            if (transcript.isEmpty() || transcript.get().turns().isEmpty()) {
                return Optional.<Source>empty();
            }
            return Optional.of(new Source(facts(conversation.get()), transcript.get()));
        });
    }

    private ConversationFacts facts(Conversation c) {
        List<String> categories = new ArrayList<>();
        List<String> objections = new ArrayList<>();
        Map<Integer, List<String>> objectionTurns = new LinkedHashMap<>();
        String[] sentiment = {null};
        jdbc.sql("""
                SELECT call_reason, objection_categories, customer_sentiment, call_record -> 'objections' AS objections,
                       call_record -> 'categories' AS categories
                FROM analyses WHERE tenant_id = ? AND conversation_id = ?""")
                .params(c.tenantId(), c.id())
                .query(rs -> {
                    if (rs.getString("call_reason") != null) {
                        categories.add(rs.getString("call_reason"));
                    }
                    java.sql.Array array = rs.getArray("objection_categories");
                    if (array != null) {
                        objections.addAll(List.of((String[]) array.getArray()));
                    }
                    sentiment[0] = rs.getString("customer_sentiment");
                    readCategories(rs.getString("categories"), categories);
                    readObjectionTurns(rs.getString("objections"), objectionTurns);
                });
        Instant at = c.startedAt() != null ? c.startedAt() : c.createdAt();
        return new ConversationFacts(c.id(), c.tenantId(), c.agent().userId(), c.agent().name(), c.teamId(), at, c.channel().wire(),
                c.direction().wire(), c.tags(), categories, objections, sentiment[0], objectionTurns);
    }

    private void readCategories(String raw, List<String> into) {
        if (raw == null) {
            return;
        }
        for (JsonNode node : json.readTree(raw)) {
            String name = node.isString() ? node.asString() : node.path("name").asString(node.path("key").asString(null));
            if (name != null && !into.contains(name)) {
                into.add(name);
            }
        }
    }

    private void readObjectionTurns(String raw, Map<Integer, List<String>> into) {
        if (raw == null) {
            return;
        }
        for (JsonNode o : json.readTree(raw)) {
            if (o.path("turn").isNumber() && o.hasNonNull("category")) {
                List<String> list = into.computeIfAbsent(o.get("turn").asInt(), t -> new ArrayList<>());
                String category = o.get("category").asString();
                if (!list.contains(category)) {
                    list.add(category);
                }
            }
        }
    }

    // --- rebuild ---------------------------------------------------------------------------------

    /** One rebuild of one tenant's index. */
    static final class Rebuild {
        final String tenant;
        final Instant startedAt = Instant.now();
        final AtomicInteger processed = new AtomicInteger();
        volatile int total;
        volatile String state = "running";
        volatile Instant finishedAt;
        volatile String error;

        Rebuild(String tenant) {
            this.tenant = tenant;
        }

        boolean running() {
            return "running".equals(state);
        }
    }

    @Override
    public RebuildStatus rebuild() {
        String tenant = tenant();
        Rebuild started = new Rebuild(tenant);
        Rebuild current = rebuilds.compute(tenant, (t, existing) -> existing != null && existing.running() ? existing : started);
        if (current == started) {
            // A background thread at lower OS priority, like the pipeline's workers: requests stay responsive.
            BackgroundPriority.threads("ask-rebuild-" + tenant)
                    .newThread(() -> TenantContext.runAs(new TenantId(tenant), () -> run(started))).start();
        }
        return status(current);
    }

    @Override
    public RebuildStatus status() {
        String tenant = tenant();
        Rebuild r = rebuilds.get(tenant);
        TenantIndex index = indexes.current(tenant);
        if (r == null) {
            return new RebuildStatus(tenant, "idle", 0, 0, index.chunks(), index.conversations(), null, null, null);
        }
        return status(r);
    }

    private RebuildStatus status(Rebuild r) {
        TenantIndex index = indexes.current(r.tenant);
        return new RebuildStatus(r.tenant, r.state, r.processed.get(), r.total, index.chunks(), index.conversations(), r.startedAt,
                r.finishedAt, r.error);
    }

    /**
     * Rebuilds synchronously (the background job, and tools that want to wait): every conversation's
     * passages are derived again into PostgreSQL, and sources whose conversation is gone are removed;
     * every node's replica follows.
     */
    void run(Rebuild rebuild) {
        String tenant = rebuild.tenant;
        try {
            List<UUID> ids = readOnly.execute(tx -> jdbc.sql("""
                    SELECT c.id FROM conversations c JOIN transcripts t ON t.conversation_id = c.id AND t.tenant_id = c.tenant_id
                    WHERE c.tenant_id = ? ORDER BY c.created_at, c.id""").params(tenant).query(UUID.class).list());
            rebuild.total = ids.size();
            for (UUID id : ids) {
                index(tenant, id);
                rebuild.processed.incrementAndGet();
            }
            Set<UUID> current = Set.copyOf(ids);
            List<UUID> recorded = readOnly.execute(tx -> jdbc.sql("""
                    SELECT source_id FROM retrieval_sources WHERE tenant_id = ? AND kind = 'conversation' AND NOT deleted""")
                    .params(tenant).query(UUID.class).list());
            recorded.stream().filter(id -> !current.contains(id)).forEach(id -> remove(tenant, id));
            rebuild.finishedAt = Instant.now();
            rebuild.state = "completed";
            log.info("Rebuilt the retrieval passages of {}: {} conversations", tenant, ids.size());
        } catch (RuntimeException e) {
            log.error("Rebuilding the search index of {} failed", tenant, e);
            rebuild.error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            rebuild.finishedAt = Instant.now();
            rebuild.state = "failed";
        }
    }

    ChunkPipeline pipeline() {
        return pipeline;
    }

    private static String tenant() {
        return TenantContext.require().value();
    }
}
