package io.verbatim.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import org.junit.jupiter.api.Test;

class SettingsApiIT extends PlatformTest {

    @Test
    void adminsSetTheirTenantsSettingsWhichOtherTenantsNeverSee() {
        String demo = api.token("admin@demo.local");
        String acme = api.token("admin@acme.local");
        var set = api.patch("/api/v1/settings", demo, "{\"speech_engine\":\"pocketsphinx\",\"language\":\"en-US\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/settings", demo).body().get("speech_engine").asString()).isEqualTo("pocketsphinx");
        assertThat(api.get("/api/v1/settings", acme).raw()).doesNotContain("pocketsphinx");
        assertThat(api.patch("/api/v1/settings", demo, "{\"colour\":\"blue\"}").problemType())
                .isEqualTo("urn:verbatim:problem:unknown-setting");
        assertThat(api.get("/api/v1/settings", api.token("manager@demo.local")).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/settings", demo, "{\"language\":null}").body().has("language")).isFalse();
    }
}
