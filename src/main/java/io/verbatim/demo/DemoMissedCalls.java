package io.verbatim.demo;

import io.verbatim.conversations.Accepted;
import io.verbatim.ingest.ConversationIntake;
import io.verbatim.ingest.IngestMetadata;
import io.verbatim.ingest.IntakeInput;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Missed inbound calls for the demo, as a CallRail webhook reports them ({@code call_type} missed or voicemail in
 * the conversation's attributes, which the missed-call queue reads): a caller's voicemail, or the few words said
 * into an unanswered line, imported through the intake like any transcript, under an external id.
 */
@Component
class DemoMissedCalls {

    private final ConversationIntake intake;
    private final JsonMapper json;

    DemoMissedCalls(ConversationIntake intake, JsonMapper json) {
        this.intake = intake;
        this.json = json;
    }

    /** Imports the call once (a repeat finds the first); empty when the intake refused it. */
    Optional<UUID> add(TenantId tenant, String externalId, String name, String phone, String callType, LocalDate day,
                       String voicemail) {
        String said = voicemail != null ? voicemail : "Hello? Hello, is anybody there?";
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("id", externalId);
        transcript.put("language", "en-US");
        transcript.put("direction", "inbound");
        transcript.put("customer", Map.of("name", name, "phone", phone));
        transcript.put("turns", List.of(Map.of("speaker", "customer", "start", 0.6, "end", 0.6 + said.length() / 15.0,
                "text", said)));
        byte[] content = json.writeValueAsBytes(transcript);
        IngestMetadata metadata = new IngestMetadata(externalId, DemoConversations.SOURCE, "inbound", "phone",
                day.atTime(9 + Math.floorMod(externalId.hashCode(), 8), 12).toInstant(ZoneOffset.UTC), null,
                new IngestMetadata.Customer(name, phone, null), "en-US", null, List.of("missed"),
                Map.of("call_type", callType, "demo", true), null, false);
        Accepted accepted = TenantContext.callAs(tenant, () -> intake.accept(
                new IntakeInput.TranscriptFile(content, externalId + ".json", "verbatim"), metadata, null));
        return Optional.of(accepted.conversation().id());
    }
}
