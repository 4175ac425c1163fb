package io.verbatim.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Run in a separate JVM by {@link EmbeddedPostgresCrashIT}: starts the database, writes a row, waits to be killed. */
final class EmbeddedPostgresChild {

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, "verbatim_app", "verbatim_app");
        try (Connection c = server.dataSource(EmbeddedPostgresServer.OWNER, EmbeddedPostgresServer.OWNER).getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivors (name text)");
            s.execute("INSERT INTO survivors VALUES ('" + args[1] + "')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
