package io.verbatim.operations.internal;

import io.verbatim.operations.BackupProperties;
import io.verbatim.platform.ServiceStates;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code backup}: the last backup and the last restore verification.
 * Degraded when the last verification failed, or (with scheduled backups on) passed too long ago, or the last
 * backup failed; unknown before the first verification, so a fresh installation is not reported unhealthy.
 */
@Component("backup")
class BackupHealthIndicator implements HealthIndicator {

    private final Backups backups;
    private final BackupVerifier verifier;
    private final BackupProperties properties;

    BackupHealthIndicator(Backups backups, BackupVerifier verifier, BackupProperties properties) {
        this.backups = backups;
        this.verifier = verifier;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.unknown();
        var lastBackup = backups.last();
        var lastVerification = verifier.last();
        if (lastVerification.isPresent()) {
            VerificationRecord v = lastVerification.get();
            boolean stale = properties.enabled() && v.finishedAt().isBefore(Instant.now().minus(properties.verifyMaxAge()));
            if (!"passed".equals(v.status())) {
                health = Health.status(ServiceStates.DEGRADED).withDetail("problem", "the last restore verification failed");
            } else if (stale) {
                health = Health.status(ServiceStates.DEGRADED).withDetail("problem", "no restore verification passed in the last "
                        + properties.verifyMaxAge().toHours() + " hours");
            } else {
                health = Health.up();
            }
            health.withDetail("lastVerification", v.status() + " at " + v.finishedAt() + " (" + v.backupName() + ")");
        } else {
            health.withDetail("lastVerification", "never");
        }
        if (lastBackup.isPresent()) {
            BackupRecord b = lastBackup.get();
            if ("failed".equals(b.status())) {
                health = Health.status(ServiceStates.DEGRADED).withDetail("problem", "the last backup failed: " + b.error())
                        .withDetail("lastVerification", lastVerification.map(v -> v.status() + " at " + v.finishedAt()).orElse("never"));
            }
            health.withDetail("lastBackup", b.status() + " at " + b.finishedAt() + " (" + b.name() + ")");
        } else {
            health.withDetail("lastBackup", "never");
        }
        return health.withDetail("scheduled", properties.enabled())
                .withDetail("location", backups.files().location().toString()).build();
    }
}
