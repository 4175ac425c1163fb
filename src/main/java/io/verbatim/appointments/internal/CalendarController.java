package io.verbatim.appointments.internal;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.User;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A rep's iCalendar feed. Calendar apps send no bearer token, so {@code calendar.ics} is open and answers only to the
 * rep's feed secret in {@code ?token=}; the URL with the secret is shown to the rep (and managers and admins), and
 * rotating or revoking it ends the old URL.
 */
@RestController
class CalendarController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    /** How far back the feed reaches; calendar apps keep what they fetched before. */
    private static final Duration HISTORY = Duration.ofDays(90);
    private final CalendarFeeds feeds;
    private final CalendarRenderer renderer;
    private final AppointmentStore store;
    private final Users users;

    CalendarController(CalendarFeeds feeds, CalendarRenderer renderer, AppointmentStore store, Users users) {
        this.feeds = feeds;
        this.renderer = renderer;
        this.store = store;
        this.users = users;
    }

    record FeedUrl(String url) {
    }

    @GetMapping("/api/v1/reps/{repId}/calendar")
    FeedUrl url(@PathVariable UUID repId) {
        requireFeedManager(repId);
        return new FeedUrl(url(repId, feeds.current(repId, AppointmentScope.current().me())));
    }

    @PostMapping("/api/v1/reps/{repId}/calendar/rotate")
    FeedUrl rotate(@PathVariable UUID repId) {
        requireFeedManager(repId);
        return new FeedUrl(url(repId, feeds.rotate(repId, AppointmentScope.current().me())));
    }

    @DeleteMapping("/api/v1/reps/{repId}/calendar")
    ResponseEntity<Void> revoke(@PathVariable UUID repId) {
        requireFeedManager(repId);
        feeds.revoke(repId);
        return ResponseEntity.noContent().build();
    }

    /** Unauthenticated (SecurityConfiguration): the secret names the tenant; a wrong one is "not found". */
    @GetMapping("/api/v1/reps/{repId}/calendar.ics")
    ResponseEntity<String> feed(@PathVariable UUID repId, @RequestParam(required = false) String token) {
        TenantId tenant = feeds.tenantOf(repId, token)
                .orElseThrow(() -> ProblemException.notFound("Calendar feed"));
        String body = TenantContext.callAs(tenant, () -> {
            feeds.touch(repId);
            String name = users.find(repId).map(User::name).orElse("Sales rep");
            return renderer.render(name + " – appointments",
                    store.between("TRUE", null, repId, Instant.now().minus(HISTORY), null, null, null, 5000));
        });
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).header("Cache-Control", "private, max-age=300").body(body);
    }

    /** The rep themselves, managers and admins; the rep must be a sales rep of this tenant. */
    private void requireFeedManager(UUID repId) {
        AppointmentScope scope = AppointmentScope.current();
        if (!(scope.rep() && repId.equals(scope.me())) && !scope.administers()) {
            throw ProblemException.forbidden("Only the rep, managers and admins manage a rep's calendar feed");
        }
        users.find(repId).filter(u -> u.role() == Role.AGENT && u.agentKind() == AgentKind.SALES_REP)
                .orElseThrow(() -> ProblemException.notFound("Sales rep " + repId));
    }

    private static String url(UUID repId, String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/reps/{rep}/calendar.ics")
                .queryParam("token", token).buildAndExpand(Map.of("rep", repId)).toUriString();
    }
}
