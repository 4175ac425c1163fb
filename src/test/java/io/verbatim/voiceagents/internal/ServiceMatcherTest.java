package io.verbatim.voiceagents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Matching the service an agent asked for, and reading the booking from a tool call or the structured data. */
class ServiceMatcherTest {

    private static Service service(String name, int minutes, boolean active, String... synonyms) {
        return new Service(UUID.randomUUID(), name, minutes, BigDecimal.ZERO, "USD", active, List.of(synonyms), Instant.EPOCH, Instant.EPOCH);
    }

    private final List<Service> catalogue = ServiceCatalogue.DEFAULTS.stream()
            .map(d -> service(d.name(), d.minutes(), true)).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));

    private String match(String requested) {
        return ServiceMatcher.match(catalogue, requested).map(Service::name).orElse(null);
    }

    @Test
    void byNameSynonymOrUnambiguousWords() {
        catalogue.add(service("Hygiene visit", 40, true, "Cleaning", "scale and polish"));
        catalogue.add(service("Whitening", 60, false));
        assertThat(match("estimate visit")).isEqualTo("Estimate visit");
        assertThat(match("  ESTIMATE-VISIT ")).isEqualTo("Estimate visit");
        assertThat(match("an estimate")).isEqualTo("Estimate visit");
        assertThat(match("quote")).isEqualTo("Estimate visit");
        assertThat(match("a quote, please")).isEqualTo("Estimate visit");
        assertThat(match("new patient")).isEqualTo("New client appointment");
        assertThat(match("check-up")).isEqualTo("Follow-up appointment");
        assertThat(match("cleaning")).isEqualTo("Hygiene visit");
        assertThat(match("Scale and polish")).isEqualTo("Hygiene visit");
        assertThat(match("extended")).isEqualTo("Extended service");
        assertThat(match("consultation")).isEqualTo("Consultation");
        // ambiguous ("appointment" alone fits three), retired, unknown or nothing: no match
        assertThat(match("appointment")).isNull();
        assertThat(match("whitening")).isNull();
        assertThat(match("balayage")).isNull();
        assertThat(match(null)).isNull();
    }

    @Test
    void bookingIsReadFromTheToolCallOrTheStructuredData() {
        JsonMapper json = JsonMapper.builder().build();
        ZoneId zone = ZoneId.of("America/Chicago");
        var turns = List.of(
                new io.verbatim.speech.Turn(io.verbatim.speech.Speaker.UNKNOWN, "tool_calls", null, 6.9, 6.9,
                        "tool call: checkAvailability {\"day\":\"friday\"}; bookAppointment {\"service\":\"cleaning\",\"start\":\"2026-04-17T09:00:00\"}",
                        null, null));
        var r = BookingRequests.fromToolCalls(turns, json, zone).orElseThrow();
        assertThat(r.origin()).isEqualTo("tool_call");
        assertThat(r.service()).isEqualTo("cleaning");
        assertThat(r.start()).isEqualTo(Instant.parse("2026-04-17T14:00:00Z"));

        var noBooking = List.of(new io.verbatim.speech.Turn(io.verbatim.speech.Speaker.UNKNOWN, "tool_calls", null, 1, 1,
                "tool call: lookupPrice {\"service\":\"x\"}", null, null));
        assertThat(BookingRequests.fromToolCalls(noBooking, json, zone)).isEqualTo(Optional.empty());

        var a = BookingRequests.fromAnalysis(Map.of("booking_status", "booked", "service", "Estimate", "date", "2026-04-20",
                "time", "2:30 pm"), zone);
        assertThat(a.origin()).isEqualTo("analysis");
        assertThat(a.start()).isEqualTo(Instant.parse("2026-04-20T19:30:00Z"));
        assertThat(BookingRequests.fromAnalysis(Map.of("appointment_time", "2026-04-20T10:00:00Z"), zone).start())
                .isEqualTo(Instant.parse("2026-04-20T10:00:00Z"));
        assertThat(BookingRequests.fromAnalysis(Map.of("service", "x"), zone).start()).isNull();
    }
}
