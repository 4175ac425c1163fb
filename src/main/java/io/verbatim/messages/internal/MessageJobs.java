package io.verbatim.messages.internal;

import io.verbatim.messages.MessagesProperties;
import io.verbatim.pipeline.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring scan (once per cluster) that sends appointment confirmations and reminders. */
@Configuration(proxyBeanMethods = false)
class MessageJobs {

    @Bean
    RecurringJob appointmentMessagesScan(AppointmentMessages messages, MessagesProperties properties) {
        return new RecurringJob("appointment-messages", properties.appointmentScanInterval(), messages::runAll);
    }
}
