package io.verbatim.tenancy.internal;

import io.verbatim.tenancy.TransactionSettings;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    /** The transaction manager of the application pool: every transaction is tenant-scoped. */
    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionSettings> settings) {
        return new TenantScopedTransactionManager(dataSource, settings.orderedStream().toList());
    }
}
