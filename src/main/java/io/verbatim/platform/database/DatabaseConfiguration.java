package io.verbatim.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.verbatim.platform.PlatformProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two pools on one database: the owner role (migrations, the job engine) and the non-owner
 * application role that every query runs as, so that row-level security applies to it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Started only on the embedded default; closed after the pools that depend on it. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(PlatformProperties properties) {
        PlatformProperties.Db db = properties.db();
        if (!db.embedded()) {
            return new EmbeddedPostgresHolder(null);
        }
        return new EmbeddedPostgresHolder(EmbeddedPostgresServer.start(
                properties.dataDir(), db.embeddedPort(), db.appUser(), appPassword(db), db.embeddedSharedBuffers()));
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    @Qualifier(DatabaseRole.OWNER)
    HikariDataSource ownerDataSource(PlatformProperties properties, EmbeddedPostgresHolder embedded) {
        PlatformProperties.Db db = properties.db();
        HikariDataSource ds = embedded.server() != null
                ? pool("verbatim-owner", embedded.server().jdbcUrl(), EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.OWNER, 4)
                : pool("verbatim-owner", db.url(), db.user(), db.password(), 4);
        if (embedded.server() == null) {
            ensureApplicationRole(ds, db.appUser(), appPassword(db));
        }
        return ds;
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(PlatformProperties properties, EmbeddedPostgresHolder embedded,
                                @Qualifier(DatabaseRole.OWNER) ObjectProvider<DataSource> owner) {
        owner.getObject(); // the application role must exist before its pool opens
        PlatformProperties.Db db = properties.db();
        String url = embedded.server() != null ? embedded.server().jdbcUrl() : db.url();
        return pool("verbatim-app", url, db.appUser(), appPassword(db), db.poolSize());
    }

    /** The owner's coordinates, for maintenance on a second database of the same server (backups). */
    @Bean
    DatabaseEndpoint databaseEndpoint(PlatformProperties properties, EmbeddedPostgresHolder embedded) {
        PlatformProperties.Db db = properties.db();
        return embedded.server() != null
                ? new DatabaseEndpoint(embedded.server().jdbcUrl(), EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.OWNER, db.appUser())
                : new DatabaseEndpoint(db.url(), db.user(), db.password(), db.appUser());
    }

    private static String appPassword(PlatformProperties.Db db) {
        if (db.appPassword() != null && !db.appPassword().isBlank()) {
            return db.appPassword();
        }
        if (db.embedded()) {
            return db.appUser(); // the embedded server only listens on localhost
        }
        throw new IllegalStateException("VERBATIM_DB_APP_PASSWORD must be set when an external database is configured");
    }

    private static HikariDataSource pool(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /** On an external database the owner creates the application role if it may and must. */
    private static void ensureApplicationRole(DataSource owner, String appUser, String appPassword) {
        try (Connection c = owner.getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, appUser);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + EmbeddedPostgresServer.quoteIdent(appUser) + " LOGIN PASSWORD "
                        + EmbeddedPostgresServer.quoteLiteral(appPassword));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The application role '" + appUser + "' does not exist and the owner role "
                    + "could not create it (" + e.getMessage() + "); create it with LOGIN and no ownership", e);
        }
    }

    record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
