package io.verbatim.billing.internal;

import io.verbatim.billing.SubscriptionStatus;
import java.time.Instant;
import java.util.UUID;

/** A company as the API shows it: the tenant and its profile; {@code admin} only in the answer to its creation. */
record Company(String id, String name, String email, String phone, String address, String state, String country, String plan,
               SubscriptionStatus subscriptionStatus, boolean active, Instant createdAt, Admin admin) {

    record Admin(UUID id, String email, String name) {
    }

    Company withAdmin(Admin first) {
        return new Company(id, name, email, phone, address, state, country, plan, subscriptionStatus, active, createdAt, first);
    }
}
