package io.verbatim.billing;

import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Whether the current company may start new work. A tenant without a company profile is not billed here. */
@Service
public class CompanyStanding {

    private final JdbcClient jdbc;

    public CompanyStanding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public SubscriptionStatus status() {
        return jdbc.sql("SELECT subscription_status FROM company_profiles WHERE tenant_id = ?")
                .param(TenantContext.require().value()).query(String.class).optional()
                .map(SubscriptionStatus::fromWire).orElse(SubscriptionStatus.ACTIVE);
    }

    /** Throws 402 {@code subscription-inactive} unless the company is active; platform admins are never blocked. */
    public void requireGoodStanding() {
        if (CurrentUser.current().map(u -> u.role() == Role.PLATFORM_ADMIN).orElse(false)) {
            return;
        }
        SubscriptionStatus status = status();
        if (status != SubscriptionStatus.ACTIVE) {
            throw new ProblemException(HttpStatus.PAYMENT_REQUIRED, "subscription-inactive", "Subscription inactive",
                    "The company's subscription is " + status.wire() + ": new campaigns and evaluations wait until it is active again",
                    Map.of("subscription_status", status.wire()));
        }
    }
}
