package io.verbatim.support;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Phone numbers that no demo contact and no earlier test run owns, so a test that creates a card by phone
 * gets a new card rather than an existing one (the demo tenant is shared across the suite and across runs).
 */
public final class TestPhones {

    private TestPhones() {
    }

    /** A valid US number in area code 307, which the demo data never uses, with seven random digits. */
    public static String unique() {
        return "+1307" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_999_999));
    }
}
