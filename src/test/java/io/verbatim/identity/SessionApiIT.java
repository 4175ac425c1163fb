package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sessions over the API: refresh-token rotation and reuse, listing and ending sessions, admins' revocation. */
class SessionApiIT extends PlatformTest {

    private String newUser() {
        String email = "session-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.local";
        var created = api.post("/api/v1/users", api.token("admin@demo.local"), """
                {"email":"%s","name":"Session user","role":"executive","password":"%s"}""".formatted(email, ApiClient.DEMO_PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        return email;
    }

    private JsonNode login(String email, String userAgent) {
        var r = api.send("POST", "/api/v1/auth/login", null, Map.of("User-Agent", userAgent),
                "{\"email\":\"" + email + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private ApiClient.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    @Test
    void refreshTokensRotateAndASpentOneRevokesTheWholeSession() {
        String email = newUser();
        JsonNode signedIn = login(email, "RotationTest/1.0");
        assertThat(signedIn.get("expires_in").asLong()).isBetween(60L, 15 * 60L);
        String firstRefresh = signedIn.get("refresh_token").asString();

        var renewed = refresh(firstRefresh);
        assertThat(renewed.status()).isEqualTo(200);
        String access = renewed.body().get("access_token").asString();
        String nextRefresh = renewed.body().get("refresh_token").asString();
        assertThat(nextRefresh).isNotEqualTo(firstRefresh).startsWith("vbr_");
        assertThat(renewed.body().get("session_id").asString()).isEqualTo(signedIn.get("session_id").asString());
        assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(200);

        // The first refresh token again: somebody else holds a copy. The session ends for everyone.
        var reused = refresh(firstRefresh);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.problemType()).isEqualTo("urn:verbatim:problem:refresh-token-reused");
        assertThat(refresh(nextRefresh).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", access).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", signedIn.get("access_token").asString()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit?action=auth.refresh_reused", api.token("admin@demo.local")).raw())
                .contains(signedIn.get("session_id").asString());

        var unknown = refresh("vbr_" + "x".repeat(43));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.problemType()).isEqualTo("urn:verbatim:problem:invalid-refresh-token");
        assertThat(api.post("/api/v1/auth/refresh", null, "{}").status()).isEqualTo(400);
    }

    @Test
    void usersListTheirSessionsAndEndingOneStopsItsTokensAtTheNextRequest() {
        String email = newUser();
        JsonNode laptop = login(email, "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36");
        JsonNode phone = login(email, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1");
        String laptopToken = laptop.get("access_token").asString();
        String phoneToken = phone.get("access_token").asString();

        var list = api.get("/api/v1/auth/sessions", laptopToken);
        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.body().get("items");
        assertThat(items).hasSize(2);
        for (JsonNode s : items) {
            assertThat(s.has("id") && s.has("user_agent") && s.has("ip") && s.has("created_at") && s.has("last_seen_at")
                    && s.has("current")).isTrue();
            boolean isLaptop = s.get("id").asString().equals(laptop.get("session_id").asString());
            assertThat(s.get("current").asBoolean()).isEqualTo(isLaptop);
            assertThat(s.get("user_agent").asString()).contains(isLaptop ? "Linux" : "iPhone");
        }

        assertThat(api.delete("/api/v1/auth/sessions/" + phone.get("session_id").asString(), laptopToken).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me", phoneToken).status()).isEqualTo(401);
        assertThat(refresh(phone.get("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", laptopToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/auth/sessions", laptopToken).body().get("items")).hasSize(1);
        // Somebody else's session (or none) is not found.
        String adminSession = api.get("/api/v1/auth/sessions", api.token("admin@demo.local")).body().get("items").get(0).get("id").asString();
        assertThat(api.delete("/api/v1/auth/sessions/" + adminSession, laptopToken).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/auth/sessions/" + UUID.randomUUID(), laptopToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit?action=session.revoked", api.token("admin@demo.local")).raw())
                .contains(phone.get("session_id").asString());
    }

    @Test
    void adminsListAndEndAUsersSessionsInTheirOwnTenantOnly() {
        String email = newUser();
        JsonNode signedIn = login(email, "AdminRevokeTest/1.0");
        String token = signedIn.get("access_token").asString();
        String userId = api.get("/api/v1/auth/me", token).body().get("user_id").asString();
        String path = "/api/v1/users/" + userId + "/sessions";

        var listed = api.get(path, api.token("admin@demo.local"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("items").get(0).get("user_agent").asString()).isEqualTo("AdminRevokeTest/1.0");
        assertThat(listed.body().get("items").get(0).get("current").asBoolean()).isFalse();
        assertThat(api.get(path, api.token("manager@demo.local")).status()).isEqualTo(403);
        assertThat(api.delete(path, token).status()).as("a user is no admin").isEqualTo(403);
        // Another tenant's admin neither sees nor ends them.
        assertThat(api.get(path, api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.delete(path, api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.delete(path + "/" + signedIn.get("session_id").asString(), api.token("admin@acme.local")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(200);

        assertThat(api.delete(path, api.token("admin@demo.local")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(401);
        assertThat(refresh(signedIn.get("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(api.get(path, api.token("admin@demo.local")).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/audit?action=session.revoked_all", api.token("admin@demo.local")).raw()).contains(userId);
    }

    @Test
    void aTokenWithoutALiveSessionIsRefused() {
        // Deactivation ends refreshes too, not only the access token.
        String email = newUser();
        JsonNode signedIn = login(email, "LeaverTest/1.0");
        String userId = api.get("/api/v1/auth/me", signedIn.get("access_token").asString()).body().get("user_id").asString();
        assertThat(api.delete("/api/v1/users/" + userId, api.token("admin@demo.local")).status()).isEqualTo(204);
        assertThat(refresh(signedIn.get("refresh_token").asString()).status()).isEqualTo(401);
    }
}
