package io.verbatim.chat;

import java.util.List;
import java.util.UUID;

/** Creates the bound tenant's personas without a signed-in caller (demo data); idempotent by name. */
public interface PersonaSeeding {

    UUID ensurePersona(String name, String instructions, String tone, String refusal, List<UUID> collectionIds, boolean useCalls);
}
