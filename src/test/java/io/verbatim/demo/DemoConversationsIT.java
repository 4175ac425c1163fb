package io.verbatim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.Uploads;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoConversationsIT extends PlatformTest {

    @Autowired
    DemoConversations demo;

    @Test
    void theBundledTranscriptsLoadOnceIntoDemoTenantWithTheirAgents() {
        int first = demo.load(false);
        int again = demo.load(false);
        assertThat(first).isEqualTo(11);
        assertThat(again).isZero();

        String admin = api.token("admin@demo.local");
        var items = api.get("/api/v1/conversations?limit=500", admin).body().get("items");
        var demoCalls = StreamSupport.stream(items.spliterator(), false)
                .filter(c -> "demo".equals(c.get("source").asString())).toList();
        assertThat(demoCalls).hasSize(11);
        Uploads uploads = new Uploads(api);
        for (var call : demoCalls) {
            uploads.awaitStatus(admin, call.get("id").asString(), Duration.ofSeconds(60), "completed");
        }
        var rep = api.get("/api/v1/conversations?limit=500", api.token("rep1@demo.local")).raw();
        assertThat(rep).contains("fs_004").contains("fs_007").doesNotContain("sup_002");
        assertThat(api.get("/api/v1/conversations?limit=500", api.token("admin@acme.local")).raw()).doesNotContain("fs_004");
    }
}
