package io.verbatim.demo;

import io.verbatim.appointments.Appointment;
import io.verbatim.appointments.Appointments;
import io.verbatim.appointments.NewAppointment;
import io.verbatim.contacts.ContactCard;
import io.verbatim.contacts.ContactCards;
import io.verbatim.contacts.SmsConsent;
import io.verbatim.contacts.SmsConsents;
import io.verbatim.contacts.ContactHint;
import io.verbatim.contacts.ContactSource;
import io.verbatim.contacts.PropertyDetails;
import io.verbatim.followups.Tasks;
import io.verbatim.identity.Users;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's sales side, so the CSR home, the contact cards and the sales metrics have data on a fresh start:
 * contact cards with address and property, a rep's appointments (run ones with outcomes won / lost / open and a
 * no-show, upcoming ones including today), tasks for the CSRs and the rep, and missed calls for the queue. All of it
 * goes through the modules' own services; appointments carry idempotency keys and the missed calls external ids, so
 * a restart adds nothing twice. Runs after {@link DemoContacts}, with the bundled conversations.
 */
@Component
@Order(30)
class DemoSales implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSales.class);
    private final DemoSeed seed;
    private final DemoProperties demo;
    private final ContactCards contacts;
    private final Appointments appointments;
    private final Tasks tasks;
    private final Users users;
    private final DemoMissedCalls missed;
    private final SmsConsents consents;

    DemoSales(DemoSeed seed, DemoProperties demo, ContactCards contacts, Appointments appointments, Tasks tasks, Users users,
              DemoMissedCalls missed, SmsConsents consents) {
        this.seed = seed;
        this.consents = consents;
        this.demo = demo;
        this.contacts = contacts;
        this.appointments = appointments;
        this.tasks = tasks;
        this.users = users;
        this.missed = missed;
    }

    /** Who plays the parts: two CSRs and a sales rep of the tenant. */
    record Cast(UUID csr1, UUID csr2, UUID rep) {
    }

    /** What one run added or found. */
    record Seeded(List<UUID> contacts, List<Appointment> appointments, int tasksAdded, List<UUID> missedCalls) {
    }

    private record Person(String name, String phone, String email, ContactCard.Address address, PropertyDetails property) {
    }

    private static final List<Person> PEOPLE = List.of(
            person("Gloria Pham", "+15125550141", "78704", "1402 Bluebonnet Ln", "single_family", "asphalt_shingle", 2350, 1996, "412000"),
            person("Marcus Reed", "+15125550142", "78745", "8810 Cooper Oaks Dr", "single_family", "metal", 1980, 2004, "365000"),
            person("Helen Ortiz", "+15125550143", "78731", "3307 Mount Bonnell Rd", "single_family", "clay_tile", 3400, 1988, "890000"),
            person("Devon Brooks", "+15125550144", "78702", "1120 E 7th St", "townhouse", "asphalt_shingle", 1640, 2012, "455000"),
            person("Priya Shah", "+15125550145", "78759", "10204 Jollyville Rd", "single_family", "asphalt_shingle", 2780, 2001, "520000"),
            person("Tom Whitaker", "+15125550146", "78741", "2215 Riverside Dr", "duplex", "flat_membrane", 2100, 1979, "398000"));

    private static Person person(String name, String phone, String zip, String line1, String type, String roof, int sqft,
                                 int built, String value) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com";
        return new Person(name, phone, email, new ContactCard.Address(line1, null, "Austin", "TX", zip, "US"),
                new PropertyDetails(type, roof, sqft, new BigDecimal(value), false, 3, new BigDecimal("2"), built, Map.of()));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seed.enabled() || !demo.conversations()) {
            return;
        }
        try {
            Cast cast = TenantContext.callAs(DemoSeed.DEMO, () -> new Cast(userId("csr1@demo.local"), userId("csr2@demo.local"),
                    userId("rep1@demo.local")));
            Seeded s = seed(DemoSeed.DEMO, cast, LocalDate.now(ZoneOffset.UTC));
            if (s.tasksAdded() > 0) {
                log.info("Demo mode: {} contacts, {} appointments, {} tasks and {} missed calls for the sales views",
                        s.contacts().size(), s.appointments().size(), s.tasksAdded(), s.missedCalls().size());
            }
        } catch (RuntimeException e) {
            log.warn("Demo sales data was not (fully) added: {}", e.getMessage());
        }
    }

    private void consent(TenantId tenant, String phone, String state, String source, String note) {
        if (SmsConsent.UNKNOWN.equals(consents.of(tenant, phone).state())) {
            consents.record(tenant, phone, state, source, null, note);
        }
    }

    private UUID userId(String email) {
        return users.findByEmail(email).orElseThrow(() -> new IllegalStateException("demo user " + email + " is missing")).id();
    }

    /** Adds the sales data to {@code tenant} (idempotent), dated around {@code today} on a first run. */
    Seeded seed(TenantId tenant, Cast cast, LocalDate today) {
        List<UUID> cards = new ArrayList<>();
        for (Person p : PEOPLE) {
            UUID id = contacts.findOrCreate(tenant, new ContactHint(p.phone(), p.email(), p.name(), ContactSource.IMPORT));
            contacts.describe(tenant, id, p.address(), p.property());
            cards.add(id);
        }
        // SMS consent for the card page: Gloria Pham's from the import, Devon Brooks texted STOP (so no automatic text
        // reaches him). Only where nothing is recorded yet: a change made since is kept.
        consent(tenant, PEOPLE.get(0).phone(), SmsConsent.OPTED_IN, "import", "Consent box ticked on the estimate request form");
        consent(tenant, PEOPLE.get(3).phone(), SmsConsent.OPTED_OUT, "keyword", "Texted STOP");
        return TenantContext.callAs(tenant, () -> {
            List<Appointment> booked = new ArrayList<>();
            // run visits: won, lost, still open, a no-show; then upcoming ones, one of them today
            booked.add(visit(1, cards.get(0), cast.rep(), cast.csr1(), today.minusDays(18), 15, "roof_replacement", "completed", "closed_won", "18400"));
            booked.add(visit(2, cards.get(1), cast.rep(), cast.csr2(), today.minusDays(11), 14, "roof_repair", "completed", "closed_lost", null));
            booked.add(visit(3, cards.get(2), cast.rep(), cast.csr1(), today.minusDays(6), 16, "roof_replacement", "completed", "open", null));
            booked.add(visit(4, cards.get(3), cast.rep(), cast.csr2(), today.minusDays(3), 13, "gutter_install", "no_show", null, null));
            booked.add(visit(5, cards.get(4), cast.rep(), cast.csr1(), today, 17, "roof_inspection", null, null, null));
            booked.add(visit(6, cards.get(5), cast.rep(), cast.csr2(), today.plusDays(1), 15, "roof_replacement", null, null, null));
            booked.add(visit(7, cards.get(1), cast.rep(), cast.csr1(), today.plusDays(3), 10, "roof_repair", null, null, null));
            booked.removeIf(java.util.Objects::isNull);
            // tasks have no natural key when added by hand: each is added unless its assignee already has it open (a
            // restart adds nothing; comparing creation times with the run's start did, when two runs came seconds apart)
            int added = 0;
            added += task(cards.get(2), "callback", "Call Helen Ortiz back about the financing options", today, cast.csr1());
            added += task(cards.get(3), "schedule_visit", "Reschedule Devon Brooks' gutter visit (no-show)", today.plusDays(1), cast.csr2());
            added += task(cards.get(4), "send_info", "Send Priya Shah the shingle brochure before the inspection", today, cast.csr1());
            added += task(cards.get(5), "follow_up", "Bring metal and asphalt samples for Tom Whitaker", today.plusDays(1), cast.rep());
            // missed calls: two callers nobody has booked (the queue), and Marcus Reed, booked since (rescued)
            List<UUID> calls = new ArrayList<>();
            missed.add(tenant, "demo-missed-1", "Sam Carter", "+15125550147", "voicemail", today.minusDays(1),
                    "Hi, this is Sam Carter, there's a leak over the kitchen since the storm last night. Please call me back.")
                    .ifPresent(calls::add);
            missed.add(tenant, "demo-missed-2", "Ana Flores", "+15125550148", "missed", today.minusDays(2), null).ifPresent(calls::add);
            missed.add(tenant, "demo-missed-3", "Marcus Reed", PEOPLE.get(1).phone(), "voicemail", today.minusDays(1),
                    "Hey, Marcus Reed again, I'd like somebody to look at the roof repair after all. Call me back.").ifPresent(calls::add);
            return new Seeded(cards, booked, added, calls);
        });
    }

    private int task(UUID card, String category, String title, LocalDate due, UUID assignee) {
        if (tasks.openFor(assignee, 500).stream().anyMatch(t -> t.title().equals(title))) {
            return 0;
        }
        tasks.add(card, category, title, due, assignee);
        return 1;
    }

    private Appointment visit(int n, UUID card, UUID rep, UUID csr, LocalDate day, int hour, String service, String status,
                              String outcome, String dealValue) {
        Instant start = day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
        try {
            Appointment a = appointments.book(new NewAppointment(card, rep, csr, service, start, start.plusSeconds(5400), null,
                    null, "demo-sales:" + n));
            if (status != null && !status.equals(a.status())) {
                a = appointments.record(a.id(), status, outcome, dealValue == null ? null : new BigDecimal(dealValue));
            }
            return a;
        } catch (ProblemException e) {
            // someone booked the rep at that time in this data directory: leave that one out
            log.info("Demo appointment {} left out: {}", n, e.getMessage());
            return null;
        }
    }
}
