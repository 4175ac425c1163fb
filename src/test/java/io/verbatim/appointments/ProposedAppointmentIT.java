package io.verbatim.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.contacts.ContactCards;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantId;
import org.springframework.beans.factory.annotation.Autowired;
import io.verbatim.support.TestData;
import io.verbatim.support.Uploads;
import io.verbatim.support.Uploads.Part;
import io.verbatim.support.WebFixture;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A booked call proposes the appointment agreed in it; the proposal, once posted with a rep, books it. */
class ProposedAppointmentIT extends PlatformTest {

    @Autowired
    ContactCards cards;

    @Test
    void aBookedCallProposesTheAgreedSlotAndAnUnbookedOneNone() throws Exception {
        String csr = api.token("csr1@demo.local");
        Uploads uploads = new Uploads(api);
        // csr_008: "between one and three this afternoon" in a call at 15:34 UTC (the zone is UTC in tests).
        String metadata = """
                {"external_id":"proposal-%s","source":"proposal-it","direction":"inbound","channel":"phone",
                 "agent":"csr1@demo.local","started_at":"2026-10-13T15:34:00Z",
                 "customer":{"name":"Derrick Johnson","phone":"(215) 555-0144"}}""".formatted(UUID.randomUUID());
        var accepted = uploads.upload(api.token("admin@demo.local"), new Part("transcript", "csr_008.json", "application/json",
                Files.readAllBytes(TestData.call("csr_008.json"))), Part.json("metadata", metadata));
        assertThat(accepted.status()).as(accepted.raw()).isIn(200, 202);
        String id = accepted.body().get("id").asString();
        assertThat(uploads.awaitStatus(csr, id, Duration.ofSeconds(240), "completed", "failed").get("status").asString())
                .isEqualTo("completed");

        var proposal = api.get("/api/v1/conversations/" + id + "/proposed-appointment", csr);
        assertThat(proposal.status()).as(proposal.raw()).isEqualTo(200);
        assertThat(proposal.body().get("booking_status").asString()).isEqualTo("booked");
        assertThat(proposal.body().get("scheduled_start").asString()).isEqualTo("2026-10-13T13:00:00Z");
        assertThat(proposal.body().get("scheduled_end").asString()).isEqualTo("2026-10-13T15:00:00Z");
        assertThat(proposal.body().get("time_evidence").get("quote").asString()).contains("between one and three");
        String csrId = api.get("/api/v1/auth/me", csr).body().get("user_id").asString();
        assertThat(proposal.body().get("booked_by_id").asString()).isEqualTo(csrId);
        // The caller's contact card, which intake linked the call to.
        assertThat(proposal.body().get("contact_card_id").asString())
                .isEqualTo(cards.findByPhone(TenantId.of("demo-tenant"), "+12155550144").orElseThrow().id().toString());

        // Other roles and tenants: the call's visibility applies.
        assertThat(api.get("/api/v1/conversations/" + id + "/proposed-appointment", api.token("csr2@demo.local")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id + "/proposed-appointment", api.token("admin@acme.local")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/conversations/" + id + "/proposed-appointment", api.token("exec@demo.local")).status())
                .isEqualTo(200);

        // A call in which nothing was booked proposes nothing.
        String unbooked = WebFixture.calls(api).get("csr_002");
        var none = api.get("/api/v1/conversations/" + unbooked + "/proposed-appointment", api.token("admin@demo.local"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.problemType()).isEqualTo("urn:verbatim:problem:no-appointment-agreed");
        assertThat(Instant.parse(proposal.body().get("scheduled_start").asString())).isBefore(Instant.now());
    }
}
