package io.verbatim.ask.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Wakes this node's replica the moment another node commits a change: every write's transaction sends
 * {@code NOTIFY verbatim_retrieval, '<tenant>'} (PostgreSQL delivers it on commit, never for a rollback), and
 * this listener, on one connection of the pool held for the purpose, hands the tenant to
 * {@link ReplicaFollower#wake}. The replica poll stays as a slow fallback for a notification lost while
 * this connection was down (it reconnects after a pause).
 */
@Component
class ReplicaNotifications implements SmartLifecycle {

    static final String CHANNEL = "verbatim_retrieval";
    private static final Logger log = LoggerFactory.getLogger(ReplicaNotifications.class);
    /** How long one wait for notifications blocks; also how soon a stop is noticed. */
    private static final int WAIT_MS = 500;
    private final DataSource dataSource;
    private final ReplicaFollower follower;
    private final RetrievalProperties properties;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;

    ReplicaNotifications(DataSource dataSource, ReplicaFollower follower, RetrievalProperties properties) {
        this.dataSource = dataSource;
        this.follower = follower;
        this.properties = properties;
    }

    /** Notifications received since start (for tests and the benchmark). */
    long received() {
        return received.get();
    }

    private void listen() {
        while (running) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                follower.wake(null); // anything committed while no one listened
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        received.incrementAndGet();
                        follower.wake(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Retrieval change notifications interrupted ({}); the replica polls every {} until they resume",
                            e.toString(), properties.replicaPoll());
                    pause();
                }
            } finally {
                release(connection);
            }
        }
    }

    /** The connection goes back without its LISTEN; a broken one is evicted from the pool. */
    private void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("UNLISTEN *");
            }
            connection.close();
        } catch (SQLException e) {
            if (dataSource instanceof HikariDataSource hikari) {
                hikari.evictConnection(connection);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(5_000, Math.max(100, properties.replicaPoll().toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void start() {
        if (!properties.notifications()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("retrieval-notifications").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            try {
                t.join(WAIT_MS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops before the follower (whose phase is lower, so it stops later) and before the pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 50;
    }
}
