package io.verbatim.voiceagents.internal;

import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What voice agents booked, call by call: the appointment, the service it references (or the flag saying the requested
 * one is not in the catalogue), or why nothing was booked. Tenant-wide, for the roles that see the whole tenant.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PLATFORM_ADMIN', 'MANAGER', 'EXECUTIVE')")
class AgentBookingController {

    private final AgentBookingStore store;

    AgentBookingController(AgentBookingStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/agent-bookings")
    Page<AgentBookingStore.AgentBooking> list(@RequestParam(name = "limit", required = false) Integer limit) {
        return new Page<>(store.recent(Page.limit(limit)), null);
    }

    @GetMapping("/api/v1/agent-bookings/{conversationId}")
    AgentBookingStore.AgentBooking get(@PathVariable UUID conversationId) {
        return store.find(conversationId).orElseThrow(() -> ProblemException.notFound("Agent booking of " + conversationId));
    }
}
