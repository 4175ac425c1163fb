package io.verbatim.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.platform.database.DatabaseRole;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.Uploads;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared links: opened without signing in, each open recorded; revoked and expired links refuse. */
class TrackedLinkIT extends PlatformTest {

    @Autowired
    @Qualifier(DatabaseRole.OWNER)
    DataSource owner;

    private String admin;
    private String documentId;
    private byte[] pdf;

    @BeforeEach
    void document() {
        admin = api.token("admin@demo.local");
        String collection = api.post("/api/v1/collections", admin, "{\"name\":\"Links " + System.nanoTime()
                + "\",\"permissions\":{\"roles\":[\"manager\"]}}").body().get("id").asString();
        pdf = TestDocuments.pdf(List.of("Brochure\nOur best offer."));
        documentId = new Uploads(api).upload("/api/v1/documents", admin, Map.of(), new Uploads.Part("file", "brochure.pdf", "application/pdf", pdf),
                new Uploads.Part("collection_id", null, "text/plain", collection.getBytes(StandardCharsets.UTF_8))).body().get("id").asString();
    }

    private String path(String url) {
        return url;
    }

    @Test
    void a_link_opens_without_signing_in_and_every_open_is_recorded() {
        var link = api.post("/api/v1/documents/" + documentId + "/links", admin, "{\"expires_in_hours\":24}");
        assertThat(link.status()).as(link.raw()).isEqualTo(201);
        String url = link.body().get("url").asString();
        assertThat(url).startsWith("/shared/documents/");
        var opened = api.send("GET", path(url), null, Map.of("User-Agent", "LinkTest/1.0"), null);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.header("content-type")).startsWith("application/pdf");
        assertThat(opened.raw()).startsWith("%PDF");
        api.send("GET", path(url), null, Map.of("User-Agent", "LinkTest/2.0"), null);

        var listed = api.get("/api/v1/documents/" + documentId + "/links", api.token("manager@demo.local"));
        assertThat(listed.status()).isEqualTo(200);
        var first = listed.body().get(0);
        assertThat(first.get("opens").asInt()).isEqualTo(2);
        assertThat(first.get("state").asString()).isEqualTo("active");
        assertThat(first.path("url").isMissingNode() || first.get("url").isNull()).isTrue(); // the token is shown once only
        assertThat(first.get("recent_opens").get(0).get("user_agent").asString()).isEqualTo("LinkTest/2.0");
        assertThat(first.get("recent_opens").get(0).get("address").asString()).isNotBlank();

        String linkId = first.get("id").asString();
        assertThat(api.delete("/api/v1/documents/" + documentId + "/links/" + linkId, admin).status()).isEqualTo(204);
        assertThat(api.send("GET", path(url), null, Map.of(), null).status()).isEqualTo(410);
        assertThat(api.get("/api/v1/documents/" + documentId + "/links", admin).body().get(0).get("state").asString()).isEqualTo("revoked");
    }

    @Test
    void expired_and_unknown_links_refuse() {
        String url = api.post("/api/v1/documents/" + documentId + "/links", admin, "{}").body().get("url").asString();
        JdbcClient.create(owner).sql("UPDATE document_links SET expires_at = now() - interval '1 minute' WHERE document_id = ?")
                .param(UUID.fromString(documentId)).update();
        assertThat(api.send("GET", path(url), null, Map.of(), null).status()).isEqualTo(410);
        assertThat(api.send("GET", "/shared/documents/" + "A".repeat(43), null, Map.of(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/documents/" + documentId + "/links", admin, "{\"expires_in_hours\":0}").status()).isEqualTo(400);
    }

    @Test
    void only_readers_with_a_managing_role_share_and_other_tenants_reach_nothing() {
        var link = api.post("/api/v1/documents/" + documentId + "/links", admin, "{}").body();
        String linkId = link.get("id").asString();
        assertThat(api.post("/api/v1/documents/" + documentId + "/links", api.token("csr1@demo.local"), "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/documents/" + documentId + "/links", api.token("exec@demo.local")).status()).isEqualTo(403);
        String acme = api.token("admin@acme.local");
        assertThat(api.post("/api/v1/documents/" + documentId + "/links", acme, "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/documents/" + documentId + "/links", acme).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/documents/" + documentId + "/links/" + linkId, acme).status()).isEqualTo(404);
        assertThat(api.send("GET", link.get("url").asString(), null, Map.of(), null).status()).isEqualTo(200);
    }
}
