package io.verbatim.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.verbatim.VerbatimApplication;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database and one blob store: this test's platform is the first node (embedded
 * PostgreSQL); a second, API-only node starts in the same JVM against the first one's database, with
 * its own empty data directory, the first one's blob store and its own port — the same options
 * docs/deploy.md gives for a second node. What one node indexes the other finds within seconds.
 */
class TwoNodeRetrievalIT extends PlatformTest {

    private static final TenantId DEMO = new TenantId("demo-tenant");
    private static final TenantId ACME = new TenantId("acme");
    private static ConfigurableApplicationContext second;

    @Autowired
    RetrievalEngine first;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformProperties platform;

    @AfterAll
    static void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    private RetrievalEngine secondNode() throws Exception {
        if (second == null) {
            Path dir = Files.createTempDirectory("verbatim-node2-");
            String url = ((HikariDataSource) dataSource).getJdbcUrl();
            Path firstDir = platform.dataDir().toAbsolutePath();
            second = new SpringApplicationBuilder(VerbatimApplication.class).run(
                    "--verbatim.data-dir=" + dir,
                    "--verbatim.db.url=" + url,
                    "--verbatim.db.user=verbatim_owner", "--verbatim.db.password=verbatim_owner",
                    "--verbatim.db.app-user=verbatim_app", "--verbatim.db.app-password=verbatim_app",
                    "--verbatim.storage.filesystem.root=" + firstDir.resolve("blobs"),
                    "--verbatim.credentials.master-key-file=" + firstDir.resolve("secrets/credentials-master.key"),
                    "--verbatim.pipeline.enabled=false",
                    "--verbatim.demo.enabled=false",
                    // No poll after the start-up rebuild: what this node follows, it follows by notification.
                    "--verbatim.retrieval.replica-poll=1h",
                    "--server.port=0",
                    "--spring.main.banner-mode=off");
        }
        return second.getBean(RetrievalEngine.class);
    }

    private static IndexSource document(TenantId tenant, UUID id, UUID collection, String... pages) {
        List<SourcePassage> passages = new ArrayList<>();
        for (int i = 0; i < pages.length; i++) {
            passages.add(SourcePassage.page(pages[i], i + 1));
        }
        return new IndexSource(tenant, SourceKind.DOCUMENT, id, 1, passages, AccessKeys.collection(collection));
    }

    private static List<PassageHit> awaitHits(Supplier<List<PassageHit>> search, boolean wantEmpty) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<PassageHit> hits = search.get();
        while ((hits.isEmpty() != wantEmpty) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            hits = search.get();
        }
        return hits;
    }

    @Test
    void aDocumentIndexedByOneNodeIsFoundThroughTheOtherWithinSeconds() throws Exception {
        UUID collection = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        // Indexed before the second node exists: its empty index is rebuilt from PostgreSQL.
        first.index(document(DEMO, before, collection, "Cover page", "Gutter cleaning costs 120 dollars per visit for a two-storey house."));
        RetrievalEngine node2 = secondNode();
        PassageFilter allowed = PassageFilter.documents(Set.of(collection));
        List<PassageHit> rebuilt = awaitHits(() -> node2.search(new PassageQuery(DEMO, "How much is gutter cleaning?", 3, allowed)), false);
        assertThat(rebuilt).isNotEmpty();
        assertThat(rebuilt.getFirst().sourceId()).isEqualTo(before);
        assertThat(rebuilt.getFirst().page()).isEqualTo(2);
        assertThat(rebuilt.getFirst().quote()).containsIgnoringCase("gutter");

        // Indexed on the first node while the second runs: found through the second within seconds.
        UUID after = UUID.randomUUID();
        Instant start = Instant.now();
        first.index(document(DEMO, after, collection, "Chimney sweeping is available on Saturdays between May and September."));
        // Waits for the document itself: the search also returns weaker candidates (the answer gate judges them).
        List<PassageHit> followed = awaitHits(() -> node2.search(new PassageQuery(DEMO, "chimney sweeping saturday", 3, allowed)).stream()
                .filter(h -> h.sourceId().equals(after)).toList(), false);
        Duration lag = Duration.between(start, Instant.now());
        assertThat(followed).extracting(PassageHit::sourceId).contains(after);
        assertThat(lag).isLessThan(Duration.ofSeconds(5));

        // Written on the second node, found on the first; both answer the same.
        UUID third = UUID.randomUUID();
        node2.index(document(DEMO, third, collection, "Roof inspections include a drone survey and a written report."));
        assertThat(awaitHits(() -> first.search(new PassageQuery(DEMO, "drone roof inspection", 3, allowed)).stream()
                .filter(h -> h.sourceId().equals(third)).toList(), false)).isNotEmpty();

        // Removed on one node, gone on the other.
        node2.remove(DEMO, SourceKind.DOCUMENT, after);
        assertThat(awaitHits(() -> first.search(new PassageQuery(DEMO, "chimney sweeping saturday", 3, allowed)).stream()
                .filter(h -> h.sourceId().equals(after)).toList(), true)).isEmpty();
        assertThat(first.awaitReplica(DEMO, Duration.ofSeconds(5))).isTrue();
        assertThat(node2.status(DEMO).applied()).isEqualTo(first.status(DEMO).sequence());
    }

    @Test
    void aNotificationWakesTheOtherNodesReplicaPromptly() throws Exception {
        RetrievalEngine node2 = secondNode();
        assertThat(node2.awaitReplica(DEMO, Duration.ofSeconds(10))).isTrue();
        UUID collection = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID doc = UUID.randomUUID();
            long seq = first.index(document(DEMO, doc, collection, "Window cleaning round " + i + " costs 40 dollars."));
            Instant committed = Instant.now();
            // The second node polls once an hour: only the notification can bring the change this fast.
            while (node2.status(DEMO).applied() < seq && Duration.between(committed, Instant.now()).toMillis() < 3_000) {
                Thread.sleep(5);
            }
            assertThat(node2.status(DEMO).applied()).as("change %d applied on the second node within 3 s", seq).isGreaterThanOrEqualTo(seq);
        }
    }

    @Test
    void filtersApplyInsideTheSearchOnEveryNode() throws Exception {
        UUID managers = UUID.randomUUID();
        UUID everyone = UUID.randomUUID();
        UUID secret = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        first.index(document(DEMO, secret, managers, "Discount authority: managers may give up to 25 percent off the price list."));
        first.index(document(DEMO, open, everyone, "Our price list is published every January."));
        RetrievalEngine node2 = secondNode();
        assertThat(node2.awaitReplica(DEMO, Duration.ofSeconds(10))).isTrue();
        for (RetrievalEngine node : List.of(first, node2)) {
            List<PassageHit> limited = node.search(new PassageQuery(DEMO, "discount off the price list", 10,
                    PassageFilter.documents(Set.of(everyone))));
            assertThat(limited).extracting(PassageHit::sourceId).contains(open).doesNotContain(secret);
            assertThat(node.search(new PassageQuery(DEMO, "discount off the price list", 10,
                    PassageFilter.documents(Set.of(managers))))).extracting(PassageHit::sourceId).containsOnly(secret);
            // No collections allowed: no documents at all, not even the best match.
            assertThat(node.search(new PassageQuery(DEMO, "discount", 10, PassageFilter.documents(Set.of())))).isEmpty();
            // Another tenant never sees them, even naming the collection.
            assertThat(node.search(new PassageQuery(ACME, "discount off the price list", 10,
                    PassageFilter.documents(Set.of(managers, everyone))))).isEmpty();
        }
        // A conversation-only search does not return documents; a team scope does not see another team's calls.
        UUID team = UUID.randomUUID();
        UUID otherTeam = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        first.index(new IndexSource(DEMO, SourceKind.CONVERSATION, call, 1,
                List.of(new SourcePassage("Customer: what discount can you give me on the price?", null, 12.5, "customer", Map.of())),
                new AccessKeys(Set.of(), Map.of("agent_user_id", List.of("-"), "team_id", List.of(team.toString())), Instant.now())));
        // The team's scope also holds unassigned calls; of what it finds, only this call answers the question.
        assertThat(first.search(new PassageQuery(DEMO, "discount price", 10, PassageFilter.conversations(ConversationScope.team(team)))))
                .filteredOn(PassageHit::answers).extracting(PassageHit::sourceId).containsOnly(call);
        assertThat(first.search(new PassageQuery(DEMO, "discount price", 10,
                PassageFilter.conversations(ConversationScope.team(otherTeam))))).extracting(PassageHit::sourceId).doesNotContain(call);
        List<PassageHit> both = first.search(new PassageQuery(DEMO, "discount price list", 10,
                PassageFilter.both(Set.of(everyone), ConversationScope.all())));
        assertThat(both).extracting(PassageHit::sourceId).contains(call, open).doesNotContain(secret);
        assertThat(both).filteredOn(h -> h.sourceId().equals(call)).first().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(SourceKind.CONVERSATION);
            assertThat(h.second()).isEqualTo(12.5);
        });
        first.remove(DEMO, SourceKind.CONVERSATION, call);
    }
}
