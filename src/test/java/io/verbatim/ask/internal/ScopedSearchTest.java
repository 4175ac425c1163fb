package io.verbatim.ask.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.ask.internal.HybridSearcher.Hit;
import io.verbatim.ask.internal.HybridSearcher.Mode;
import io.verbatim.conversations.Visibility;
import io.verbatim.speech.Speaker;
import io.verbatim.speech.Turn;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The role scope and filters are clauses of the index query, for BM25, vectors and the fusion alike. */
class ScopedSearchTest {

    private static final UUID AGENT_A = UUID.randomUUID();
    private static final UUID AGENT_B = UUID.randomUUID();
    private static final UUID TEAM_1 = UUID.randomUUID();
    private static final UUID TEAM_2 = UUID.randomUUID();

    @TempDir
    Path dir;
    private TenantIndexes indexes;
    private ChunkPipeline pipeline;
    private final HybridSearcher searcher = new HybridSearcher(50, 60, 0);
    private final HashingEmbedder embedder = new HashingEmbedder();
    private final UUID ownA = UUID.randomUUID();
    private final UUID ownB = UUID.randomUUID();
    private final UUID unassigned = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @BeforeEach
    void index() {
        indexes = new TenantIndexes(dir);
        pipeline = new ChunkPipeline(new Chunker(192, 256, 48, Chunker::estimateTokens), embedder,
                new ChunkDocuments(JsonMapper.builder().build()));
        add("demo-tenant", facts(ownA, AGENT_A, TEAM_1, "2026-10-02T10:00:00Z", "phone", List.of("price")));
        add("demo-tenant", facts(ownB, AGENT_B, TEAM_2, "2026-10-09T10:00:00Z", "field_visit", List.of("competitor")));
        add("demo-tenant", facts(unassigned, null, null, "2026-10-12T10:00:00Z", "phone", List.of()));
        add("acme", facts(otherTenant, AGENT_A, TEAM_1, "2026-10-02T10:00:00Z", "phone", List.of("price")));
    }

    @AfterEach
    void close() {
        indexes.closeAll();
    }

    private static ConversationFacts facts(UUID id, UUID agent, UUID team, String at, String channel, List<String> objections) {
        return new ConversationFacts(id, null, agent, "Agent", team, Instant.parse(at), channel, "inbound", List.of("t"),
                List.of("billing_dispute"), objections, "negative", Map.of(1, objections));
    }

    private void add(String tenant, ConversationFacts f) {
        ConversationFacts facts = new ConversationFacts(f.conversationId(), tenant, f.agentUserId(), f.agentName(), f.teamId(),
                f.at(), f.channel(), f.direction(), f.tags(), f.categories(), f.objections(), f.sentiment(), f.objectionTurns());
        List<Turn> turns = List.of(
                new Turn(Speaker.AGENT, null, null, 0, 3, "Thanks for calling, how can I help?", List.of(), null),
                new Turn(Speaker.CUSTOMER, null, null, 3, 9, "The price of the new furnace is too expensive for us.", List.of(), null));
        var docs = pipeline.documents(List.of(pipeline.prepare(facts, turns))).getFirst();
        TenantIndex index = indexes.current(tenant);
        index.replace(f.conversationId().toString(), docs);
        index.commit();
    }

    private Set<UUID> found(SearchFilter filter, Mode mode) {
        String q = "furnace price too expensive";
        List<Hit> hits = searcher.search(indexes.current(filter.tenant()), q, embedder.embed(q), filter.toQuery(), 50, mode);
        return new HashSet<>(HybridSearcher.conversations(hits));
    }

    @Test
    void anAgentFindsOnlyTheirOwnConversationsInEveryMode() {
        SearchFilter own = SearchFilter.of("demo-tenant", new Visibility(Visibility.Scope.OWN, AGENT_A, null));
        for (Mode mode : Mode.values()) {
            assertThat(found(own, mode)).as(mode.name()).containsExactly(ownA);
        }
    }

    @Test
    void aManagerFindsTheTeamAndUnassignedConversations() {
        SearchFilter team = SearchFilter.of("demo-tenant", new Visibility(Visibility.Scope.TEAM, null, TEAM_2));
        for (Mode mode : Mode.values()) {
            assertThat(found(team, mode)).as(mode.name()).containsExactlyInAnyOrder(ownB, unassigned);
        }
    }

    @Test
    void theTenantScopeIsTheTenantsOwnIndexOnly() {
        SearchFilter tenant = SearchFilter.of("demo-tenant", new Visibility(Visibility.Scope.TENANT, null, null));
        assertThat(found(tenant, Mode.HYBRID)).containsExactlyInAnyOrder(ownA, ownB, unassigned);
        SearchFilter acme = SearchFilter.of("acme", new Visibility(Visibility.Scope.TENANT, null, null));
        assertThat(found(acme, Mode.HYBRID)).containsExactly(otherTenant);
        assertThat(dir.resolve("demo-tenant")).isDirectory();
        assertThat(dir.resolve("acme")).isDirectory();
    }

    @Test
    void filtersNarrowTheScope() {
        Visibility all = new Visibility(Visibility.Scope.TENANT, null, null);
        SearchFilter base = SearchFilter.of("demo-tenant", all);
        assertThat(found(base.withObjections(List.of("competitor")), Mode.VECTOR)).containsExactly(ownB);
        assertThat(found(base.withPeriod(Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-10-10T00:00:00Z")), Mode.HYBRID))
                .containsExactly(ownB);
        SearchFilter phone = new SearchFilter("demo-tenant", all, null, null, null, null, List.of("phone"), List.of(),
                List.of("billing_dispute"), List.of(), List.of("t"), Set.of());
        assertThat(found(phone, Mode.HYBRID)).containsExactlyInAnyOrder(ownA, unassigned);
        SearchFilter agentOutsideTeam = new SearchFilter("demo-tenant", new Visibility(Visibility.Scope.TEAM, null, TEAM_2), AGENT_A,
                null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());
        assertThat(found(agentOutsideTeam, Mode.HYBRID)).as("a filter never widens the scope").isEmpty();
    }

    @Test
    void replacingAndDeletingAConversationChangesItsChunksAtomically() {
        TenantIndex index = indexes.current("demo-tenant");
        long before = index.chunks();
        index.delete(ownA.toString());
        index.commit();
        assertThat(index.chunks()).isEqualTo(before - 1);
        assertThat(index.conversations()).isEqualTo(2);
        SearchFilter tenant = SearchFilter.of("demo-tenant", new Visibility(Visibility.Scope.TENANT, null, null));
        assertThat(found(tenant, Mode.HYBRID)).doesNotContain(ownA);
    }

    @Test
    void aRebuiltGenerationReplacesTheLiveOneAndSurvivesAReopen() {
        TenantIndex fresh = indexes.fresh("demo-tenant");
        Path old = indexes.current("demo-tenant").path();
        fresh.commit();
        indexes.promote("demo-tenant", fresh);
        assertThat(old).doesNotExist();
        assertThat(indexes.current("demo-tenant").chunks()).isZero();
        indexes.closeAll();
        TenantIndexes reopened = new TenantIndexes(dir);
        assertThat(reopened.current("demo-tenant").path()).isEqualTo(fresh.path());
        reopened.closeAll();
    }
}
