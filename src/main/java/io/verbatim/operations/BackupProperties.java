package io.verbatim.operations;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backups ({@code verbatim.backup.*}; e.g. {@code VERBATIM_BACKUP_LOCATION}).
 *
 * @param enabled        run the scheduled backup and verification jobs (backups on demand work either way)
 * @param location       where backups go; empty = {@code <verbatim.data-dir>/backups}. Put it on another disk
 *                       (or a mounted remote volume) for a backup that survives the machine
 * @param schedule       when the backup runs, a cron expression (seconds minutes hours day month weekday),
 *                       server time zone
 * @param verifySchedule when the latest backup is restored into a scratch database and checked
 * @param retention      which backups are kept
 * @param verifyMaxAge   health reports {@code backup} degraded when the last passed verification is older
 */
@ConfigurationProperties("verbatim.backup")
public record BackupProperties(@DefaultValue("true") boolean enabled, Path location,
                               @DefaultValue("0 0 2 * * *") String schedule,
                               @DefaultValue("0 30 3 * * *") String verifySchedule,
                               @DefaultValue Retention retention,
                               @DefaultValue("2d") Duration verifyMaxAge) {

    /** The backup location, resolved against the data directory when not set. */
    public Path locationUnder(Path dataDir) {
        return (location != null ? location : dataDir.resolve("backups")).toAbsolutePath().normalize();
    }

    /**
     * A backup is deleted when it is not among the newest {@code count} successful ones, or is older than
     * {@code days}; the newest successful backup is always kept.
     */
    public record Retention(@DefaultValue("7") int count, @DefaultValue("30") int days) {
    }
}
