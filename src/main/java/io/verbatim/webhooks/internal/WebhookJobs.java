package io.verbatim.webhooks.internal;

import io.verbatim.pipeline.RecurringJob;
import io.verbatim.webhooks.WebhookProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring scans (once per cluster) behind the fast paths: received events and outbound deliveries. */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

    @Bean
    RecurringJob webhookInboxScan(InboxProcessor processor, WebhookProperties properties) {
        return new RecurringJob("webhook-inbox", properties.inboxPollInterval(), processor::drainAll);
    }

    @Bean
    RecurringJob webhookInboxPrune(InboxPruner pruner) {
        return new RecurringJob("webhook-inbox-prune", java.time.Duration.ofHours(6), pruner::prune);
    }

    @Bean
    RecurringJob webhookDeliveryScan(DeliveryWorker worker, WebhookProperties properties) {
        return new RecurringJob("webhook-deliveries", properties.deliveryPollInterval(), worker::drainAll);
    }
}
