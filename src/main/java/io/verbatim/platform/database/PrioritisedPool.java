package io.verbatim.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.verbatim.platform.BackgroundPriority;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application pool, split in two when the database server runs on this machine (the embedded default): background
 * threads ({@link BackgroundPriority#isBackground}: the pipeline, the webhook inbox, speech, scans) take their
 * connections from a second pool whose server processes run at the same lowered OS priority as the threads themselves.
 * Without it a request's three short statements wait behind the pipeline's queries on the same two cores, whatever the
 * Java threads' priorities say (a webhook storm's acknowledgement p99, docs/voice-agents.md). Requests and every other
 * caller get the first pool; both pools connect as the same application role, so row-level security is the same.
 */
final class PrioritisedPool extends HikariDataSource {

    private final HikariDataSource background;

    /** @param background the pool for background threads, or null to serve everyone from this one */
    PrioritisedPool(HikariConfig config, HikariDataSource background) {
        super(config);
        this.background = background;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return background != null && BackgroundPriority.isBackground() ? background.getConnection() : super.getConnection();
    }

    @Override
    public void close() {
        if (background != null) {
            background.close();
        }
        super.close();
    }
}
