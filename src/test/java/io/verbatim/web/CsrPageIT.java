package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.WebFixture;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSR page server-side: a CSR's home, the Exec CSR tab, roles and another tenant. */
class CsrPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    @BeforeEach
    void setUp() {
        WebFixture.calls(api);
    }

    private ApiClient.Response page(String path, String token) {
        return api.send("GET", path, token, HTML, null);
    }

    @Test
    void aCsrSeesTheirHomeExecutivesTheCsrTabRepsNothing() {
        assertThat(page("/csr", null).status()).isEqualTo(302);
        var csr = page("/csr?days=90", api.token("csr1@demo.local"));
        assertThat(csr.status()).as(csr.raw()).isEqualTo(200);
        assertThat(csr.raw()).contains("My CSR numbers", "id=\"my-numbers\"", "id=\"my-speed-to-lead\"", "Missed-call queue", "My tasks")
                .doesNotContain("Most coaching opportunity", "Exception");
        var exec = page("/csr?days=90", api.token("exec@demo.local"));
        assertThat(exec.status()).as(exec.raw()).isEqualTo(200);
        assertThat(exec.raw()).contains("CSR performance", "id=\"csr-totals\"", "id=\"speed-to-lead\"", "Speed-to-lead per CSR", "Most coaching opportunity", "Missed-call queue")
                .doesNotContain("close-missed");
        assertThat(page("/csr", api.token("manager@demo.local")).status()).isEqualTo(200);
        assertThat(page("/csr", api.token("rep1@demo.local")).status()).isEqualTo(403);
        var acme = page("/csr?days=90", api.token("admin@acme.local"));
        assertThat(acme.status()).isEqualTo(200);
        assertThat(acme.raw()).doesNotContain("Casey CSR");
        assertThat(exec.raw()).contains("Casey CSR");
    }
}
