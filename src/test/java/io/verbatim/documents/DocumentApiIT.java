package io.verbatim.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.Uploads;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Uploading, processing (through the real Tika/PDFBox and retrieval engine), versions, deletion, roles and tenants. */
class DocumentApiIT extends PlatformTest {

    @Autowired
    TenantStorage storage;
    @Autowired
    Tenants tenants;

    private String admin;
    private String managersOnly;

    @BeforeEach
    void collection() {
        admin = api.token("admin@demo.local");
        managersOnly = api.post("/api/v1/collections", admin, "{\"name\":\"Docs " + System.nanoTime()
                + "\",\"permissions\":{\"roles\":[\"manager\"]}}").body().get("id").asString();
    }

    private ApiClient.Response upload(String token, String collection, String filename, String type, byte[] content, String title) {
        List<Uploads.Part> parts = new java.util.ArrayList<>();
        parts.add(new Uploads.Part("file", filename, type, content));
        if (collection != null) {
            parts.add(new Uploads.Part("collection_id", null, "text/plain", collection.getBytes(StandardCharsets.UTF_8)));
        }
        if (title != null) {
            parts.add(new Uploads.Part("title", null, "text/plain", title.getBytes(StandardCharsets.UTF_8)));
        }
        return new Uploads(api).upload("/api/v1/documents", token, Map.of(), parts.toArray(Uploads.Part[]::new));
    }

    private JsonNode awaitProcessed(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode doc = api.get("/api/v1/documents/" + id, admin).body();
            String status = doc.get("status").asString();
            if (status.equals("indexed") || status.equals("failed")) {
                return doc;
            }
            sleep();
        }
        throw new AssertionError("document " + id + " was not processed in time");
    }

    @Test
    void a_pdf_is_stored_extracted_page_by_page_and_indexed() {
        byte[] pdf = TestDocuments.pdf(List.of("Price list 2027\nThe Pro plan costs 49 dollars per seat per month.",
                "Service policy\nRefunds are granted within 30 days of purchase."));
        var r = upload(admin, managersOnly, "prices.pdf", "application/pdf", pdf, "Price list");
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        assertThat(r.body().get("status").asString()).isIn("extracting", "chunking", "embedding", "indexed");
        String id = r.body().get("id").asString();
        JsonNode done = awaitProcessed(id);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("indexed");
        assertThat(done.get("pages").asInt()).isEqualTo(2);
        assertThat(done.get("passages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(done.get("title").asString()).isEqualTo("Price list");
        var blobs = storage.forTenant(tenants.get(new TenantId("demo-tenant")));
        BlobKey key = blobs.layout().key("input", "documents", id, "v1.pdf");
        assertThat(key.value()).startsWith("input/demo-tenant/documents/");
        assertThat(blobs.exists(key)).isTrue();

        assertThat(api.delete("/api/v1/documents/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/documents/" + id, admin).status()).isEqualTo(404);
        assertThat(blobs.exists(key)).isFalse();
    }

    @Test
    void docx_markdown_and_html_are_indexed() {
        var docx = upload(admin, managersOnly, "playbook.docx", "application/octet-stream",
                TestDocuments.docx(List.of("Sales playbook", "Always ask about the budget before quoting.")), null);
        var md = upload(admin, managersOnly, "faq.md", "text/markdown",
                "# FAQ\n\nShipping takes **three** business days.\n".getBytes(StandardCharsets.UTF_8), null);
        var html = upload(admin, managersOnly, "hours.html", "text/html",
                "<html><body><h1>Hours</h1><p>We open at nine.</p></body></html>".getBytes(StandardCharsets.UTF_8), null);
        for (var r : List.of(docx, md, html)) {
            assertThat(r.status()).as(r.raw()).isEqualTo(202);
            JsonNode done = awaitProcessed(r.body().get("id").asString());
            assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("indexed");
            assertThat(done.get("passages").asInt()).isPositive();
        }
        assertThat(docx.body().get("title").asString()).isEqualTo("playbook.docx");
    }

    @Test
    void encrypted_corrupt_and_empty_files_fail_with_their_reason() {
        String encrypted = upload(admin, managersOnly, "secret.pdf", "application/pdf",
                TestDocuments.pdf(List.of("Top secret"), "hunter2"), null).body().get("id").asString();
        byte[] good = TestDocuments.pdf(List.of("Half a file"));
        String corrupt = upload(admin, managersOnly, "broken.pdf", "application/pdf",
                Arrays.copyOf(good, good.length / 3), null).body().get("id").asString();
        String empty = upload(admin, managersOnly, "blank.txt", "text/plain", "   \n\n  ".getBytes(StandardCharsets.UTF_8), null)
                .body().get("id").asString();
        assertThat(awaitProcessed(encrypted).get("failure_code").asString()).isEqualTo("encrypted");
        JsonNode broken = awaitProcessed(corrupt);
        assertThat(broken.get("status").asString()).isEqualTo("failed");
        assertThat(broken.get("failure_code").asString()).isEqualTo("corrupt");
        assertThat(broken.get("failure_reason").asString()).isNotBlank();
        assertThat(awaitProcessed(empty).get("failure_code").asString()).isEqualTo("empty");

        var png = upload(admin, managersOnly, "logo.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}, null);
        assertThat(png.status()).isEqualTo(415);
        assertThat(png.problemType()).isEqualTo("urn:verbatim:problem:unsupported-document");
        assertThat(upload(admin, null, "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(400);
    }

    @Test
    void uploading_the_same_title_again_makes_a_new_version() {
        String id = upload(admin, managersOnly, "policy.md", "text/markdown", "Returns: 14 days.".getBytes(StandardCharsets.UTF_8), "Policy")
                .body().get("id").asString();
        awaitProcessed(id);
        var again = upload(admin, managersOnly, "policy-v2.md", "text/markdown", "Returns: 30 days.".getBytes(StandardCharsets.UTF_8), "Policy");
        assertThat(again.body().get("id").asString()).isEqualTo(id);
        assertThat(again.body().get("version").asInt()).isEqualTo(2);
        JsonNode done = awaitProcessed(id);
        assertThat(done.get("status").asString()).isEqualTo("indexed");
        assertThat(done.get("versions")).hasSize(2);
        assertThat(done.get("filename").asString()).isEqualTo("policy-v2.md");
        // The very same file once more changes nothing.
        var same = upload(admin, managersOnly, "policy-v2.md", "text/markdown", "Returns: 30 days.".getBytes(StandardCharsets.UTF_8), "Policy");
        assertThat(same.body().get("version").asInt()).isEqualTo(2);
    }

    @Test
    void roles_see_and_change_only_what_the_collection_allows() {
        String id = upload(admin, managersOnly, "notes.txt", "text/plain", "Managers' notes".getBytes(StandardCharsets.UTF_8), null)
                .body().get("id").asString();
        String manager = api.token("manager@demo.local");
        String agent = api.token("csr1@demo.local");
        assertThat(api.get("/api/v1/documents/" + id, manager).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/documents?limit=500", manager).raw()).contains(id);
        assertThat(api.get("/api/v1/documents/" + id, agent).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/documents?limit=500", agent).raw()).doesNotContain(id);
        assertThat(api.get("/api/v1/documents/" + id, api.token("exec@demo.local")).status()).isEqualTo(404);
        assertThat(upload(agent, managersOnly, "a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/documents/" + id, agent).status()).isEqualTo(403);
        // A manager may not upload into a collection hidden from managers.
        String adminsOnly = api.post("/api/v1/collections", admin, "{\"name\":\"Board " + System.nanoTime() + "\"}").body().get("id").asString();
        assertThat(upload(manager, adminsOnly, "b.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(404);
    }

    @Test
    void another_tenant_neither_sees_nor_changes_a_document() {
        String id = upload(admin, managersOnly, "demo.txt", "text/plain", "Demo only".getBytes(StandardCharsets.UTF_8), null)
                .body().get("id").asString();
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/documents/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/documents?limit=500", acme).raw()).doesNotContain(id);
        assertThat(api.delete("/api/v1/documents/" + id, acme).status()).isEqualTo(404);
        assertThat(upload(acme, managersOnly, "smuggle.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8), "demo.txt").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/documents/" + id, admin).body().get("versions")).hasSize(1);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
