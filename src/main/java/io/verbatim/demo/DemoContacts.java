package io.verbatim.demo;

import io.verbatim.contacts.ContactBackfill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo tenant's conversations their contact cards: new ones are linked on intake; this links those
 * a data directory kept from before contact cards existed. Runs after {@link DemoSeed}, at every start.
 */
@Component
@Order(20)
class DemoContacts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContacts.class);
    private final DemoSeed seed;
    private final ContactBackfill backfill;

    DemoContacts(DemoSeed seed, ContactBackfill backfill) {
        this.seed = seed;
        this.backfill = backfill;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seed.enabled()) {
            return;
        }
        int linked = backfill.run(DemoSeed.DEMO);
        if (linked > 0) {
            log.info("Demo mode: {} earlier conversations linked to their contact cards", linked);
        }
    }
}
