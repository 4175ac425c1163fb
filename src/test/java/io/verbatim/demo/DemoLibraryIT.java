package io.verbatim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo library: three documents (PDF, DOCX, Markdown), a managers-only collection, two personas; seeding twice adds nothing. */
class DemoLibraryIT extends PlatformTest {

    @Autowired
    DemoLibrary library;

    private List<String> titles(String email) {
        List<String> titles = new ArrayList<>();
        api.get("/api/v1/documents?limit=500", api.token(email)).body().get("items").forEach(d -> titles.add(d.get("title").asString()));
        return titles;
    }

    @Test
    void the_demo_tenant_has_its_library_once() {
        TenantContext.runAs(DemoSeed.DEMO, library::seed);
        List<String> manager = titles("manager@demo.local");
        assertThat(manager).contains("Price list 2027", "Service policy", "Sales playbook");
        assertThat(manager.stream().filter("Price list 2027"::equals)).hasSize(1);
        assertThat(titles("csr1@demo.local")).contains("Price list 2027", "Service policy").doesNotContain("Sales playbook");
        var docs = api.get("/api/v1/documents?limit=500", api.token("admin@demo.local")).body().get("items");
        List<String> types = new ArrayList<>();
        docs.forEach(d -> types.add(d.get("content_type").asString()));
        assertThat(types).contains("application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/markdown");
        List<String> personas = new ArrayList<>();
        api.get("/api/v1/personas?limit=500", api.token("csr1@demo.local")).body().get("items").forEach(p -> personas.add(p.get("name").asString()));
        assertThat(personas).contains("Support AI", "Sales AI");
        assertThat(titles("admin@acme.local")).doesNotContain("Price list 2027");
    }
}
