package io.verbatim.sso;

import io.verbatim.support.ApiClient;
import io.verbatim.support.TestAuthorizationServer;
import io.verbatim.support.TestAuthorizationServer.Profile;
import java.util.Map;
import java.util.UUID;

/**
 * Two tenants with single sign-on through the test authorization server, set up once per test JVM through the
 * API: {@code one} (Keycloak preset, no account creation) and {@code two} (custom preset, creates executives for
 * its domain), each with its own registered client. Names carry a random suffix: the database is shared.
 */
final class SsoFixture {

    static final String PASSWORD = "idp-password";
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final String ONE = "sso-one-" + SUFFIX;
    static final String TWO = "sso-two-" + SUFFIX;
    static final String ONE_DOMAIN = "one-" + SUFFIX + ".example";
    static final String TWO_DOMAIN = "two-" + SUFFIX + ".example";
    static final String ONE_SECRET = "one-secret-" + UUID.randomUUID();
    static final String TWO_SECRET = "two-secret-" + UUID.randomUUID();
    static final String ONE_ADMIN = "admin@" + ONE_DOMAIN;
    static final String TWO_ADMIN = "admin@" + TWO_DOMAIN;
    private static volatile boolean ready;

    private SsoFixture() {
    }

    static TestAuthorizationServer idp() {
        return TestAuthorizationServer.get();
    }

    /** The platform as the browser and the provider see it (a loopback IP: the provider refuses {@code localhost}). */
    static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    static synchronized void ensure(ApiClient api, int port) {
        if (ready) {
            return;
        }
        TestAuthorizationServer idp = idp();
        String root = api.token("root@verbatim.local");
        tenant(api, root, ONE, "SSO One");
        tenant(api, root, TWO, "SSO Two");
        user(api, root, ONE, ONE_ADMIN, "One Admin", "admin", ApiClient.DEMO_PASSWORD);
        user(api, root, TWO, TWO_ADMIN, "Two Admin", "admin", ApiClient.DEMO_PASSWORD);
        user(api, root, ONE, "ann@" + ONE_DOMAIN, "Ann Able", "manager", null);
        user(api, root, ONE, "ben@" + ONE_DOMAIN, "Ben Gone", "manager", null);
        user(api, root, ONE, "dee@" + ONE_DOMAIN, "Dee Unverified", "manager", null);

        idp.registerClient("client-" + ONE, ONE_SECRET, base(port) + "/login/oauth2/code/" + ONE);
        idp.registerClient("client-" + TWO, TWO_SECRET, base(port) + "/login/oauth2/code/" + TWO);
        idp.addUser("ann-" + SUFFIX, PASSWORD, new Profile("ann@" + ONE_DOMAIN, true, "Ann Able"));
        idp.addUser("ben-" + SUFFIX, PASSWORD, new Profile("ben@" + ONE_DOMAIN, true, "Ben Gone"));
        idp.addUser("dee-" + SUFFIX, PASSWORD, new Profile("dee@" + ONE_DOMAIN, false, "Dee Unverified"));
        idp.addUser("eve-" + SUFFIX, PASSWORD, new Profile("eve@" + ONE_DOMAIN, true, "Eve Unknown"));
        idp.addUser("cid-" + SUFFIX, PASSWORD, new Profile("cid@" + TWO_DOMAIN, null, "Cid Created"));
        idp.addUser("fay-" + SUFFIX, PASSWORD, new Profile("fay@elsewhere-" + SUFFIX + ".example", true, "Fay Elsewhere"));

        put(api, api.token(ONE_ADMIN), """
                {"preset":"keycloak","issuer":"%s","client_id":"client-%s","client_secret":"%s",
                 "allow_user_creation":false,"email_domains":["%s"]}""".formatted(idp.issuer(), ONE, ONE_SECRET, ONE_DOMAIN));
        put(api, api.token(TWO_ADMIN), """
                {"preset":"custom","issuer":"%s","client_id":"client-%s","client_secret":"%s",
                 "allow_user_creation":true,"default_role":"executive","email_domains":["%s"]}"""
                .formatted(idp.issuer(), TWO, TWO_SECRET, TWO_DOMAIN));
        ready = true;
    }

    private static void tenant(ApiClient api, String root, String id, String name) {
        var r = api.post("/api/v1/tenants", root, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}");
        if (r.status() != 201 && r.status() != 200) {
            throw new IllegalStateException("tenant " + id + " -> " + r.status() + " " + r.raw());
        }
    }

    static String user(ApiClient api, String root, String tenant, String email, String name, String role, String password) {
        String body = "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"role\":\"" + role + "\""
                + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}";
        var r = api.send("POST", "/api/v1/users", root, Map.of("X-Verbatim-Tenant", tenant), body);
        if (r.status() != 201) {
            throw new IllegalStateException("user " + email + " -> " + r.status() + " " + r.raw());
        }
        return r.body().get("id").asString();
    }

    private static void put(ApiClient api, String token, String body) {
        var r = api.send("PUT", "/api/v1/sso", token, Map.of(), body);
        if (r.status() != 201) {
            throw new IllegalStateException("PUT /api/v1/sso -> " + r.status() + " " + r.raw());
        }
    }
}
