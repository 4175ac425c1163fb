package io.verbatim.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Mystery-shopping test data made through the API, as an admin would: surveys, shoppers, managers, zones, campaigns. */
public final class ShoppingFixture {

    private ShoppingFixture() {
    }

    /** {@code {"name", "definition"}} with the bundled Spanish branch-visit survey. */
    public static String surveyBody(String name) {
        try {
            return "{\"name\": \"" + name + "\", \"definition\": "
                    + Files.readString(Path.of("src/test/resources/shopping/visita-sucursal.survey.json")) + "}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin's e-mail for a seeded tenant; an e-mail passes through (a company made in the test). */
    public static String adminOf(String tenant) {
        if (tenant.contains("@")) {
            return tenant;
        }
        return tenant.equals("acme") ? "admin@acme.local" : "admin@demo.local";
    }

    /** A new shopper (agent of kind shopper) in the tenant; returns the e-mail (demo password). */
    public static String shopper(ApiClient api, String tenant) {
        return user(api, tenant, "\"role\": \"agent\", \"agent_kind\": \"shopper\"", "shopper");
    }

    /** A new manager in the tenant; returns the e-mail (demo password). */
    public static String manager(ApiClient api, String tenant) {
        return user(api, tenant, "\"role\": \"manager\"", "manager");
    }

    public static String userId(ApiClient api, String tenant, String email) {
        return api.get("/api/v1/users?q=" + email, api.token(adminOf(tenant))).body().get("items").get(0).get("id").asString();
    }

    private static String user(ApiClient api, String tenant, String role, String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.replace("@", ".") + ".local";
        ApiClient.Response r = api.post("/api/v1/users", api.token(adminOf(tenant)), """
                {"email": "%s", "name": "%s", "password": "%s", %s}""".formatted(email, prefix + " " + email, ApiClient.DEMO_PASSWORD, role));
        if (r.status() != 201) {
            throw new IllegalStateException("user " + r.status() + " " + r.raw());
        }
        return email;
    }

    /** A new company made by the platform admin, whose admin has the demo password. */
    public static ApiClient.Response company(ApiClient api, String name, String adminEmail) {
        return api.post("/api/v1/companies", api.token("root@verbatim.local"), """
                {"name": "%s", "email": "info@example.do", "phone": "+1 809 555 0100", "address": "Av. Winston Churchill 1",
                 "state": "DO-01", "admin": {"email": "%s", "name": "Ana Admin", "password": "%s"}}"""
                .formatted(name, adminEmail, ApiClient.DEMO_PASSWORD));
    }

    /** A new survey of the admin's tenant; returns its id. */
    public static String survey(ApiClient api, String adminToken) {
        return created(api.post("/api/v1/surveys", adminToken, surveyBody("Visita " + UUID.randomUUID())), "survey_id");
    }

    /** A new zone in Santo Domingo (DO-01); returns its id. */
    public static String zone(ApiClient api, String adminToken, String name) {
        return created(api.post("/api/v1/zones", adminToken, """
                {"name": "%s %s", "country": "DO", "state": "DO-01", "city": "Santo Domingo"}""".formatted(name, UUID.randomUUID())), "id");
    }

    /** An active campaign of the survey in the zone with the shopper and manager (user ids); returns its id. */
    public static String campaign(ApiClient api, String adminToken, String survey, String zone, String shopperId, String managerId) {
        return created(api.post("/api/v1/campaigns", adminToken, """
                {"name": "Campaña %s", "status": "active", "survey_id": "%s", "zone_ids": ["%s"], "shopper_ids": ["%s"],
                 "manager_ids": [%s], "goals": {"total": 4, "per_zone": 4, "target_score": 80}}"""
                .formatted(UUID.randomUUID(), survey, zone, shopperId, managerId == null ? "" : "\"" + managerId + "\"")), "id");
    }

    /** A shopper's evaluation (the bundled survey's good answers) of the campaign in the zone; returns its id. */
    public static String evaluation(ApiClient api, String shopperToken, String campaign, String zone) {
        return created(api.post("/api/v1/evaluations", shopperToken, """
                {"campaign_id": "%s", "zone_id": "%s", "check_in_at": "2026-12-05T14:30:00Z",
                 "answers": {"saludo": true, "amabilidad": 4, "oferta": "parcial", "extras": ["cafe"], "cierre": true}}"""
                .formatted(campaign, zone)), "id");
    }

    /** Uploads {@code bytes} as the evaluation's recording with tus in one PATCH; returns the upload's id. */
    public static String upload(ApiClient api, String token, String evaluation, byte[] bytes, String filename, String type) {
        Base64.Encoder b64 = Base64.getEncoder();
        ApiClient.Response created = api.send("POST", "/api/v1/evaluations/" + evaluation + "/uploads", token, Map.of(
                "Tus-Resumable", "1.0.0", "Upload-Length", String.valueOf(bytes.length), "Upload-Metadata",
                "filename " + b64.encodeToString(filename.getBytes(StandardCharsets.UTF_8)) + ",filetype "
                        + b64.encodeToString(type.getBytes(StandardCharsets.UTF_8))), null);
        String location = created.header("Location");
        if (created.status() != 201 || location == null) {
            throw new IllegalStateException("tus creation " + created.status() + " " + created.raw());
        }
        try {
            HttpResponse<String> patched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + location))
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Authorization", "Bearer " + token)
                    .header("Tus-Resumable", "1.0.0").header("Content-Type", "application/offset+octet-stream")
                    .header("Upload-Offset", "0").build(), HttpResponse.BodyHandlers.ofString());
            if (patched.statusCode() != 204) {
                throw new IllegalStateException("tus PATCH " + patched.statusCode() + " " + patched.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A playable WAV (16-bit mono PCM, 8 kHz) of a 440 Hz tone, {@code seconds} long. */
    public static byte[] toneWav(double seconds) {
        int rate = 8000;
        int frames = (int) (seconds * rate);
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short v = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames), AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String created(ApiClient.Response r, String field) {
        if (r.status() != 201) {
            throw new IllegalStateException(r.status() + " " + r.raw());
        }
        return r.body().get(field).asString();
    }
}
