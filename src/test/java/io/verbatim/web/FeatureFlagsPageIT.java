package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.flags.FlagKeys;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings, Feature flags rendered on the server: what a tenant admin and a platform admin each get. */
class FeatureFlagsPageIT extends PlatformTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html,application/xhtml+xml");

    private ApiClient.Response page(String token) {
        return api.send("GET", "/settings/flags", token, HTML, null);
    }

    @Test
    void aTenantAdminSeesEveryFlagWithItsValueAndChoosesOnlyWhereAllowed() {
        var r = page(api.token("admin@demo.local"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).contains("<h2>Feature flags</h2>").contains("/js/settings-flags.js")
                .contains("data-key=\"" + FlagKeys.EVALUATION + "\"").contains("data-key=\"" + FlagKeys.OUTBOUND_WEBHOOKS + "\"")
                .contains("class=\"override\"")
                // no definition editor, no platform column for a tenant admin
                .doesNotContain("id=\"definition-form\"").doesNotContain("Platform setting</th>");
        // A flag that allows no tenant override has no control, only the platform's say.
        String webhooksRow = r.raw().substring(r.raw().indexOf("data-key=\"" + FlagKeys.OUTBOUND_WEBHOOKS + "\""));
        webhooksRow = webhooksRow.substring(0, webhooksRow.indexOf("</tr>"));
        assertThat(webhooksRow).contains("set by the platform").doesNotContain("<select");
    }

    @Test
    void theTenantsOwnValueShowsOnItsPageOnly() {
        String acme = api.token("admin@acme.local");
        var set = api.send("PUT", "/api/v1/flags/" + FlagKeys.CALLS_CSV_EXPORT + "/override", acme, Map.of(), "{\"value\":false}");
        assertThat(set.status()).isEqualTo(200);
        try {
            String acmeRow = row(page(acme).raw(), FlagKeys.CALLS_CSV_EXPORT);
            assertThat(acmeRow).contains("your value").contains("<td class=\"flag-value\">false</td>");
            String demoRow = row(page(api.token("admin@demo.local")).raw(), FlagKeys.CALLS_CSV_EXPORT);
            assertThat(demoRow).contains("<td class=\"flag-value\">true</td>").doesNotContain("your value");
        } finally {
            api.delete("/api/v1/flags/" + FlagKeys.CALLS_CSV_EXPORT + "/override", acme);
        }
    }

    @Test
    void aPlatformAdminAlsoGetsTheDefinitionEditor() {
        var r = page(api.token("root@verbatim.local"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw()).contains("id=\"definition-form\"").contains("Platform setting</th>")
                .contains("&quot;default_variant&quot; : &quot;on&quot;");
    }

    private static String row(String html, String key) {
        String from = html.substring(html.indexOf("data-key=\"" + key + "\""));
        return from.substring(0, from.indexOf("</tr>"));
    }
}
