package io.verbatim.platform.database;

import java.net.URI;

/**
 * Where the database is and how the owner role signs in: for maintenance that needs a second
 * database on the same server (restoring a backup, verifying one in a scratch database).
 *
 * @param jdbcUrl       the platform database's JDBC URL (never carrying a user)
 * @param ownerUser     the owner role (migrations, job engine, backups)
 * @param ownerPassword its password
 * @param appUser       the non-owner application role (the {@code app_role} migration placeholder)
 */
public record DatabaseEndpoint(String jdbcUrl, String ownerUser, String ownerPassword, String appUser) {

    /** The platform database's name, read from the URL. */
    public String database() {
        URI uri = uri();
        String path = uri.getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The same server's {@code database}, with the URL's other parameters kept. */
    public String jdbcUrlFor(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        URI uri = uri();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    private URI uri() {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL with a host: " + jdbcUrl);
        }
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[" + jdbcUrl + ", owner " + ownerUser + ", app " + appUser + "]"; // no password
    }
}
