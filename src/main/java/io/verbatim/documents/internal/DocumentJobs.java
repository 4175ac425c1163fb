package io.verbatim.documents.internal;

import io.verbatim.pipeline.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The processing scan, once per cluster: documents survive restarts because their state is in the database. */
@Configuration(proxyBeanMethods = false)
class DocumentJobs {

    @Bean
    RecurringJob documentProcessing(DocumentProcessor processor, DocumentProperties properties) {
        return new RecurringJob("document-processing", properties.pollInterval(), processor::drainAll);
    }
}
