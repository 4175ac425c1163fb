package io.verbatim.conversations;

import io.verbatim.identity.CurrentUser;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.tenancy.TenantSettings;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who sees personal data. With the tenant setting {@code redact_pii: true}, only admins (and platform
 * admins) see transcripts, recordings and analyses unredacted; everyone else gets the redacted copies
 * ({@code [PHONE]} in text, silence in audio).
 */
@Component
public class PiiAccess {

    private final TenantSettings settings;

    public PiiAccess(TenantSettings settings) {
        this.settings = settings;
    }

    public boolean redactionOn() {
        return "true".equalsIgnoreCase(settings.text("redact_pii"));
    }

    public boolean callerSeesPii() {
        return !redactionOn() || CurrentUser.current().map(u -> u.role().administers()).orElse(false);
    }

    /** Where the pipeline stores a conversation's recording with personal data silenced (always WAV audio). */
    public BlobKey redactedRecording(TenantBlobs blobs, UUID conversationId) {
        return blobs.layout().key("results", "redacted", conversationId + ".wav");
    }
}
