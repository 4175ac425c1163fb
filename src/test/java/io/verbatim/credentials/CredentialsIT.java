package io.verbatim.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Credentials through the API: stored encrypted, shown masked, rotatable, per tenant, never logged. */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsIT extends PlatformTest {

    private static final String SECRET = "cs-" + UUID.randomUUID() + "-TAIL";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    @Autowired
    Credentials credentials;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    private String admin;
    private String name;

    @BeforeEach
    void setUp() {
        admin = api.token("admin@demo.local");
        name = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String body() {
        return """
                {"base_url":"https://recordings.example.com","token_path":"/oauth/token","client_id":"verbatim-client-0001",
                 "client_secret":"%s","username":"ops@example.com","password":"%s","page_size":100}""".formatted(SECRET, PASSWORD);
    }

    @Test
    void storedEncryptedListedMaskedAndNeverReturnedOrLoggedInFull(CapturedOutput output) {
        var created = api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), body());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("fields").get("base_url").asString()).isEqualTo("https://recordings.example.com");
        assertThat(created.body().get("fields").get("client_secret").asString()).isEqualTo("****TAIL");
        assertThat(created.body().get("fields").get("password").asString()).isEqualTo("****" + PASSWORD.substring(PASSWORD.length() - 4));
        assertThat(created.body().get("fields").get("page_size").asString()).isEqualTo("****");

        var replaced = api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), body());
        assertThat(replaced.status()).isEqualTo(200);
        var list = api.get("/api/v1/credentials?limit=500", admin);
        var one = api.get("/api/v1/credentials/" + name, admin);
        for (var r : new io.verbatim.support.ApiClient.Response[] {created, replaced, list, one}) {
            assertThat(r.raw()).doesNotContain(SECRET).doesNotContain(PASSWORD).doesNotContain("verbatim-client-0001");
        }
        assertThat(list.raw()).contains(name);

        // The database holds ciphertext only.
        byte[] stored = JdbcClient.create(owner).sql("SELECT ciphertext FROM credentials WHERE tenant_id = 'demo-tenant' AND name = ?")
                .param(name).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain(PASSWORD);

        // The module that connects gets the values.
        CredentialFields fields = TenantContext.callAs(new TenantId("demo-tenant"), () -> credentials.require(name));
        assertThat(fields.require("client_secret")).isEqualTo(SECRET);
        assertThat(fields.toString()).doesNotContain(SECRET);

        // One field rotated with PATCH; a null removes a field.
        var patched = api.patch("/api/v1/credentials/" + name, admin, "{\"client_secret\":\"rotated-secret-value-9999\",\"username\":null}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("fields").get("client_secret").asString()).isEqualTo("****9999");
        assertThat(patched.body().get("fields").has("username")).isFalse();
        assertThat(TenantContext.callAs(new TenantId("demo-tenant"), () -> credentials.require(name)).require("password")).isEqualTo(PASSWORD);

        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(PASSWORD).doesNotContain("rotated-secret-value-9999");
        var audit = api.get("/api/v1/audit?action=credential&limit=500", admin);
        assertThat(audit.raw()).contains(name).doesNotContain(SECRET);
    }

    @Test
    void rotatingTheDataKeyReencryptsEveryCredentialAndSealedValuesStillOpen() {
        api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), body());
        TenantId demo = new TenantId("demo-tenant");
        String sealed = TenantContext.callAs(demo, () -> credentials.seal("test:" + name, "sealed-value".getBytes()));
        int before = api.get("/api/v1/credentials/" + name, admin).body().get("key_version").asInt();

        var rotation = api.post("/api/v1/credentials/rotate-key", admin, "");
        assertThat(rotation.status()).isEqualTo(200);
        int after = rotation.body().get("key_version").asInt();
        assertThat(after).isGreaterThan(before);
        assertThat(rotation.body().get("reencrypted").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/credentials/" + name, admin).body().get("key_version").asInt()).isEqualTo(after);
        assertThat(TenantContext.callAs(demo, () -> credentials.require(name)).require("client_secret")).isEqualTo(SECRET);
        assertThat(new String(TenantContext.callAs(demo, () -> credentials.open("test:" + name, sealed)))).isEqualTo("sealed-value");
        // a sealed value is bound to its context and tenant
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.callAs(demo, () -> credentials.open("test:other", sealed)))
                .isInstanceOf(RuntimeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TenantContext.callAs(new TenantId("acme"),
                () -> credentials.open("test:" + name, sealed))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void invalidNamesAndFieldsAreRefusedAndOnlyAdminsManageCredentials() {
        assertThat(api.send("PUT", "/api/v1/credentials/Bad%20Name", admin, Map.of(), body()).status()).isEqualTo(400);
        assertThat(api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), "{\"nested\":{\"a\":1}}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-credential");
        assertThat(api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), "{}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-credential");
        assertThat(api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), "{\"Bad-Field\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.send("PUT", "/api/v1/credentials/generic:crm-" + name, admin, Map.of(), "{\"secret\":\"whsec_x\"}").status())
                .isEqualTo(201);
        String manager = api.token("manager@demo.local");
        assertThat(api.get("/api/v1/credentials", manager).status()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/credentials/" + name, manager, Map.of(), body()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/credentials", null).status()).isEqualTo(401);
    }

    @Test
    void anotherTenantsAdminSeesNoneOfThemAndCannotChangeThem() {
        api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), body());
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/credentials?limit=500", acme).raw()).doesNotContain(name);
        assertThat(api.get("/api/v1/credentials/" + name, acme).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/credentials/" + name, acme, "{\"client_secret\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/credentials/" + name, acme).status()).isEqualTo(404);
        // acme may hold its own credential of the same name, independently
        assertThat(api.send("PUT", "/api/v1/credentials/" + name, acme, Map.of(), "{\"api_key\":\"acme-key\"}").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/credentials/" + name, admin).body().get("fields").has("client_secret")).isTrue();
        assertThat(api.post("/api/v1/credentials/rotate-key", acme, "").status()).isEqualTo(200);
        assertThat(TenantContext.callAs(new TenantId("demo-tenant"), () -> credentials.require(name)).require("client_secret"))
                .isEqualTo(SECRET);

        assertThat(api.delete("/api/v1/credentials/" + name, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/credentials/" + name, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/credentials/" + name, acme).status()).isEqualTo(200);
    }

    @Test
    void theSettingsPageListsCredentialsMasked() {
        api.send("PUT", "/api/v1/credentials/" + name, admin, Map.of(), body());
        var page = api.get("/settings/credentials", admin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains(name).contains("****TAIL").contains("https://recordings.example.com")
                .doesNotContain(SECRET).doesNotContain(PASSWORD);
        assertThat(api.get("/settings/credentials", api.token("manager@demo.local")).status()).isEqualTo(403);
        assertThat(api.get("/settings/credentials", api.token("admin@acme.local")).raw()).doesNotContain(name);
    }
}
