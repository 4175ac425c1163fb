package io.verbatim.speech;

import java.util.Optional;

/**
 * Where a tenant's {@link SpeechAdaptation} comes from (the {@code adaptation} module provides one).
 * The transcription stage asks it before each recording; no source, or none for the tenant, means the
 * engine's general model.
 */
public interface SpeechAdaptationSource {

    /** The tenant's current adaptation, ready to decode with; empty when it has none (yet). */
    Optional<SpeechAdaptation> forTenant(String tenantId);
}
