package io.verbatim.demo;

import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.tenancy.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled demo conversations (src/main/resources/demo/calls): transcripts are imported, recordings
 * go through decoding and speech recognition, all through the same intake as any upload, as source
 * {@code demo} so that a restart adds nothing twice.
 */
@Component
public class DemoConversations {

    static final String SOURCE = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoConversations.class);
    private final ConversationIntake intake;
    private final JsonMapper json;
    private final Path workDir;

    DemoConversations(ConversationIntake intake, JsonMapper json, PlatformProperties platform) {
        this.intake = intake;
        this.json = json;
        this.workDir = platform.dataDir().resolve("demo");
    }

    /** Loads every bundled call into demo-tenant; returns how many were new. */
    public int load(boolean includeRecordings) {
        return load(true, includeRecordings);
    }

    /** Loads only the bundled recordings (after the transcripts, so the tenant's language model has read them first). */
    public int loadRecordings() {
        return load(false, true);
    }

    private int load(boolean transcripts, boolean recordings) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/calls/*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        int added = 0;
        for (Resource file : files) {
            String name = file.getFilename();
            try {
                if (name.endsWith(".ogg") && recordings) {
                    String id = name.substring(0, name.length() - 4);
                    JsonNode call = read(files, id + ".meta.json");
                    added += recording(file, id, call) ? 1 : 0;
                } else if (transcripts && name.endsWith(".json") && !name.endsWith(".meta.json")) {
                    byte[] content = file.getContentAsByteArray();
                    JsonNode call = json.readTree(content);
                    String id = name.substring(0, name.length() - 5);
                    added += TenantContext.callAs(DemoSeed.DEMO, () -> !intake.accept(
                            new IntakeInput.TranscriptFile(content, name, "verbatim"), metadata(id, call), null).duplicate()) ? 1 : 0;
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Demo conversation {} was not loaded: {}", name, e.getMessage());
            }
        }
        return added;
    }

    private boolean recording(Resource file, String id, JsonNode call) throws IOException {
        Files.createDirectories(workDir);
        Path local = workDir.resolve(file.getFilename());
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            return TenantContext.callAs(DemoSeed.DEMO, () -> !intake.accept(
                    new IntakeInput.Media(local, file.getFilename(), "audio/ogg"), metadata(id, call), null).duplicate());
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private JsonNode read(Resource[] files, String name) throws IOException {
        for (Resource f : files) {
            if (name.equals(f.getFilename())) {
                return json.readTree(f.getContentAsByteArray());
            }
        }
        throw new IOException("missing " + name);
    }

    /**
     * The call's time of day on a day within the last four weeks (the same day for the same call), so the
     * dashboards' default period (30 days) shows the demo whenever it is started.
     */
    static Instant recent(String id, Instant recorded) {
        java.time.Instant today = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        long secondOfDay = recorded == null ? 10 * 3600 : recorded.getEpochSecond() % 86_400;
        return today.minus(1 + Math.floorMod(id.hashCode(), 27), java.time.temporal.ChronoUnit.DAYS).plusSeconds(secondOfDay);
    }

    /** The call's own fields, with its agent played by one of the demo users by line of business. */
    private static IngestMetadata metadata(String id, JsonNode call) {
        String domain = call.path("domain").asString("");
        String agent = switch (domain) {
            case "field_sales" -> "rep1@demo.local";
            case "support" -> "csr1@demo.local";
            case "csr" -> id.hashCode() % 2 == 0 ? "csr1@demo.local" : "csr2@demo.local";
            case "mystery_shop" -> "csr2@demo.local";
            default -> call.path("agent").path("name").asString(null);
        };
        String channel = switch (domain) {
            case "field_sales" -> "field_visit";
            case "mystery_shop" -> "video";
            case "voice_agent" -> "voice_agent";
            default -> "phone";
        };
        JsonNode customer = call.path("customer");
        return new IngestMetadata(id, SOURCE, call.path("direction").asString("unknown"), channel,
                recent(id, call.hasNonNull("started_at") ? Instant.parse(call.get("started_at").asString()) : null), agent,
                new IngestMetadata.Customer(customer.path("name").asString(null), customer.path("phone").asString(null), null),
                call.path("language").asString(null), Map.of("left", "agent", "right", "customer"), List.of(domain),
                Map.of("domain", domain, "demo", true), null, true);
    }
}
