package io.verbatim.platform.database;

import io.verbatim.platform.BackgroundPriority;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Physical connections to a database server on this machine whose backend process is lowered to the background
 * priority as it is opened (PostgreSQL runs one process per connection; its pid comes with the connection).
 */
final class LoweredConnections extends DriverManagerDataSource {

    LoweredConnections(String url, String user, String password) {
        super(url, user, password);
    }

    @Override
    protected Connection getConnectionFromDriver(Properties props) throws SQLException {
        Connection connection = super.getConnectionFromDriver(props);
        BackgroundPriority.lowerProcess(connection.unwrap(PGConnection.class).getBackendPID());
        return connection;
    }
}
