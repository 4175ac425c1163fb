package io.verbatim.ingest.internal;

import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.DropFolderScanned;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IngestProperties;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.media.MediaProperties;
import io.verbatim.pipeline.RecurringJob;
import io.verbatim.platform.PlatformProperties;
import io.verbatim.platform.ProblemException;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.Tenants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The S3/folder drop: a file put under {@code input/<tenant>/audio/} by another tool (with an optional
 * sidecar {@code input/<tenant>/meta/<name>.json}) is ingested once, as source {@code drop-folder} with
 * the file name as its external id, and processed after live uploads.
 */
@Configuration(proxyBeanMethods = false)
class DropFolderScanner {

    private static final Logger log = LoggerFactory.getLogger(DropFolderScanner.class);
    /** Files Verbatim itself stored are named by conversation id; those are not drops. */
    private static final Pattern OWN_NAME = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[a-z0-9]+");
    static final String SOURCE = "drop-folder";

    private final Tenants tenants;
    private final TenantStorage storage;
    private final ConversationIntake intake;
    private final JsonMapper json;
    private final Path workDir;
    private final ApplicationEventPublisher events;

    DropFolderScanner(Tenants tenants, TenantStorage storage, ConversationIntake intake, JsonMapper json, MediaProperties media,
                      PlatformProperties platform, ApplicationEventPublisher events) {
        this.events = events;
        this.tenants = tenants;
        this.storage = storage;
        this.intake = intake;
        this.json = json;
        this.workDir = media.workDir(platform.dataDir()).resolve("drops");
    }

    @Bean
    RecurringJob dropFolderScan(IngestProperties properties) {
        return new RecurringJob("drop-folder-scan", properties.dropFolderInterval(), () -> {
            if (properties.dropFolderEnabled()) {
                scanAll();
            }
        });
    }

    void scanAll() {
        tenants.forEachActive(this::scan);
    }

    /** Returns how many new conversations were ingested. */
    int scan(Tenant tenant) {
        TenantBlobs blobs = storage.forTenant(tenant);
        String prefix = blobs.layout().root("input") + "audio/";
        List<BlobSummary> files = blobs.listAll(prefix).filter(f -> !OWN_NAME.matcher(f.key().name()).matches()).toList();
        int ingested = 0;
        List<DropFolderScanned.Failure> failures = new ArrayList<>();
        for (BlobSummary file : files) {
            try {
                if (ingest(blobs, file)) {
                    ingested++;
                }
            } catch (ProblemException e) {
                log.warn("Drop-folder file {} of {} was refused: {}", file.key(), tenant.id(), e.getMessage());
                failures.add(new DropFolderScanned.Failure(file.key().name(), e.type() + ": " + e.getMessage()));
            } catch (IOException | RuntimeException e) {
                log.warn("Drop-folder file {} of {} could not be ingested; will try again", file.key(), tenant.id(), e);
                failures.add(new DropFolderScanned.Failure(file.key().name(), "will retry: " + e.getClass().getSimpleName()));
            }
        }
        if (ingested > 0 || !failures.isEmpty()) {
            events.publishEvent(new DropFolderScanned(tenant.id().value(), ingested, files.size() - ingested - failures.size(),
                    List.copyOf(failures)));
        }
        return ingested;
    }

    private boolean ingest(TenantBlobs blobs, BlobSummary file) throws IOException {
        String name = file.key().name();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        IngestMetadata metadata = sidecar(blobs, base).withSource(SOURCE).withExternalId(name);
        metadata = new IngestMetadata(metadata.externalId(), metadata.source(), metadata.direction(), metadata.channel(),
                metadata.startedAt(), metadata.agent(), metadata.customer(), metadata.language(), metadata.channelRoles(),
                metadata.tags(), metadata.attributes(), metadata.transcriptFormat(), true);
        Files.createDirectories(workDir);
        Path local = Files.createTempFile(workDir, "drop-", ".part");
        try (var content = blobs.get(file.key())) {
            Files.copy(content.stream(), local, StandardCopyOption.REPLACE_EXISTING);
            var accepted = intake.accept(new IntakeInput.Media(local, name, content.info().contentType()), metadata, null);
            if (!accepted.duplicate()) {
                log.info("Ingested drop-folder file {} as conversation {}", file.key(), accepted.conversation().id());
            }
            return !accepted.duplicate();
        } finally {
            Files.deleteIfExists(local);
        }
    }

    private IngestMetadata sidecar(TenantBlobs blobs, String base) {
        if (!BlobKey.isValidSegment(base + ".json")) {
            return IngestMetadata.empty();
        }
        BlobKey key = new BlobKey(blobs.layout().root("input") + "meta/" + base + ".json");
        if (!blobs.exists(key)) {
            return IngestMetadata.empty();
        }
        try (var content = blobs.get(key)) {
            return json.readValue(content.readAllBytes(), IngestMetadata.class);
        } catch (RuntimeException e) {
            log.warn("Ignoring unreadable sidecar {}: {}", key, e.getMessage());
            return IngestMetadata.empty();
        }
    }
}
