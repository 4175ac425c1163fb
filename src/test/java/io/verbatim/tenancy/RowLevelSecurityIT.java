package io.verbatim.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.verbatim.support.PlatformTest;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row-level security is the floor under every tenant check in the code. The catalog check covers
 * every table that exists now and every table a later migration adds.
 */
class RowLevelSecurityIT extends PlatformTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyTableWithATenantColumnHasForcedRowLevelSecurityAndAPolicyForTheApplicationRole() {
        JdbcClient catalog = JdbcClient.create(owner);
        List<String> tenantTables = catalog.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1""").query(String.class).list();
        assertThat(tenantTables).contains("users", "teams", "api_keys", "audit_log");

        List<String> unprotected = catalog.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND (NOT c.relrowsecurity OR NOT c.relforcerowsecurity OR NOT EXISTS (
                        SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
                          AND (SELECT oid FROM pg_roles WHERE rolname = 'verbatim_app') = ANY (p.polroles)
                          AND pg_get_expr(p.polqual, p.polrelid) LIKE '%current_setting(''app.tenant_id''%'))
                ORDER BY 1""").query(String.class).list();
        assertThat(unprotected).as("tenant tables without forced RLS and a tenant policy").isEmpty();
    }

    @Test
    void theApplicationRoleIsNeitherOwnerNorSuperuser() {
        Boolean bypass = jdbc.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single();
        assertThat(bypass).isFalse();
        Integer owned = jdbc.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
                .query(Integer.class).single();
        assertThat(owned).isZero();
    }

    @Test
    void aTransactionSeesOnlyItsTenantsRowsAndCannotWriteAnothers() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Integer demoUsers = TenantContext.callAs(new TenantId("demo-tenant"),
                () -> tx.execute(s -> jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single()));
        Integer acmeUsers = TenantContext.callAs(new TenantId("acme"),
                () -> tx.execute(s -> jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single()));
        assertThat(demoUsers).isGreaterThanOrEqualTo(6);
        assertThat(acmeUsers).isGreaterThanOrEqualTo(1).isLessThan(demoUsers);
        // Even a query that asks for the other tenant by id gets nothing.
        Integer leaked = TenantContext.callAs(new TenantId("acme"), () -> tx.execute(s ->
                jdbc.sql("SELECT count(*) FROM users WHERE tenant_id = 'demo-tenant'").query(Integer.class).single()));
        assertThat(leaked).isZero();

        assertThatThrownBy(() -> TenantContext.runAs(new TenantId("acme"), () -> tx.executeWithoutResult(s ->
                jdbc.sql("INSERT INTO teams (id, tenant_id, name) VALUES (?, 'demo-tenant', 'smuggled')")
                        .param(UUID.randomUUID()).update())))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void withNoTenantBoundTenantTablesReadAsEmpty() {
        Integer visible = new TransactionTemplate(transactions).execute(s ->
                jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single());
        assertThat(visible).isZero();
    }

    @Test
    void theTenantCannotBeSwitchedInsideATransaction() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> TenantContext.runAs(new TenantId("acme"), () -> tx.executeWithoutResult(s ->
                TenantContext.runAs(new TenantId("demo-tenant"), () -> { }))))
                .isInstanceOf(IllegalStateException.class);
    }
}
