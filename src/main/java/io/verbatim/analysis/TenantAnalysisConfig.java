package io.verbatim.analysis;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.Tenants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's analysis settings, kept where DESIGN.md puts them: {@code config/<tenant>/qa-config.json}
 * (scorecards and trackers; the shipped defaults until the tenant saves its own) and
 * {@code config/<tenant>/ai-config.json} (which analyses run, language, LLM provider).
 */
@Service
public class TenantAnalysisConfig {

    /** ai-config keys a tenant may set. */
    public static final Set<String> AI_KEYS = Set.of("analyses", "language", "llm");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final TenantStorage storage;
    private final Tenants tenants;
    private final JsonMapper json;

    public TenantAnalysisConfig(TenantStorage storage, Tenants tenants, JsonMapper json) {
        this.storage = storage;
        this.tenants = tenants;
        this.json = json;
    }

    /** The current tenant's QA config, or the shipped defaults when it has none. */
    public QaConfig qaConfig() {
        return ownQaConfig().orElseGet(QaConfigs::defaults);
    }

    /** The QA config the current tenant saved, if any (one look-up and one read of its blob). */
    public java.util.Optional<QaConfig> ownQaConfig() {
        TenantBlobs blobs = blobs();
        BlobKey key = blobs.layout().qaConfig();
        if (!blobs.exists(key)) {
            return java.util.Optional.empty();
        }
        try (var content = blobs.get(key)) {
            return java.util.Optional.of(QaConfigs.parse(content.readAllBytes()));
        }
    }

    public boolean hasOwnQaConfig() {
        TenantBlobs blobs = blobs();
        return blobs.exists(blobs.layout().qaConfig());
    }

    /** Validates and stores the tenant's QA config; invalid configs are refused with the JSON path of the problem. */
    public QaConfig saveQaConfig(byte[] body) {
        QaConfig config = QaConfigs.validate(QaConfigs.parse(body));
        TenantBlobs blobs = blobs();
        blobs.put(blobs.layout().qaConfig(), QaConfigs.write(config), BlobAttributes.json());
        return config;
    }

    public void resetQaConfig() {
        TenantBlobs blobs = blobs();
        blobs.delete(blobs.layout().qaConfig());
    }

    public Map<String, Object> aiConfig() {
        TenantBlobs blobs = blobs();
        BlobKey key = blobs.layout().aiConfig();
        if (!blobs.exists(key)) {
            return new LinkedHashMap<>();
        }
        try (var content = blobs.get(key)) {
            return json.readValue(content.readAllBytes(), MAP);
        }
    }

    public Map<String, Object> saveAiConfig(Map<String, Object> config) {
        for (String key : config.keySet()) {
            if (!AI_KEYS.contains(key)) {
                throw io.verbatim.platform.ProblemException.badRequest("unknown-setting",
                        "Unknown ai-config key '" + key + "'; known: " + AI_KEYS);
            }
        }
        TenantBlobs blobs = blobs();
        blobs.put(blobs.layout().aiConfig(), json.writeValueAsBytes(config), BlobAttributes.json());
        return config;
    }

    private TenantBlobs blobs() {
        return storage.forTenant(tenants.get(TenantContext.require()));
    }
}
