package io.verbatim.shopping.internal;

import io.verbatim.pipeline.RecurringJob;
import io.verbatim.shopping.ShoppingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recurring housekeeping of the shopping module (once per cluster, through the job engine). */
@Configuration(proxyBeanMethods = false)
class ShoppingJobs {

    @Bean
    RecurringJob shoppingSpoolExpiry(SpoolExpiry expiry, ShoppingProperties properties) {
        return new RecurringJob("shopping-spool-expiry", properties.spoolExpiryInterval(), expiry::expire);
    }
}
