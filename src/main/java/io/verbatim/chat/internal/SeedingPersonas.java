package io.verbatim.chat.internal;

import io.verbatim.chat.PersonaSeeding;
import io.verbatim.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class SeedingPersonas implements PersonaSeeding {

    private final PersonaStore personas;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SeedingPersonas(PersonaStore personas, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.personas = personas;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public UUID ensurePersona(String name, String instructions, String tone, String refusal, List<UUID> collectionIds, boolean useCalls) {
        return transactions.execute(tx -> jdbc.sql("SELECT id FROM personas WHERE tenant_id = ? AND lower(name) = lower(?)")
                        .params(TenantContext.require().value(), name).query(UUID.class).optional())
                .orElseGet(() -> personas.create(new PersonaStore.PersonaBody(name, instructions, tone, "en", "medium", refusal,
                        collectionIds, useCalls), false).id());
    }
}
