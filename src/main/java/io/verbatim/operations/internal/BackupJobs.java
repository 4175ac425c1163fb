package io.verbatim.operations.internal;

import io.verbatim.operations.BackupProperties;
import io.verbatim.pipeline.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheduled backup and the scheduled restore verification, run by the job engine on one node of the cluster. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "verbatim.backup.enabled", matchIfMissing = true)
class BackupJobs {

    private static final Logger log = LoggerFactory.getLogger(BackupJobs.class);

    @Bean
    RecurringJob scheduledBackup(Backups backups, BackupProperties properties) {
        return RecurringJob.cron("backup", properties.schedule(), () -> {
            if (backups.busy()) {
                log.info("Scheduled backup skipped: one is already running");
                return;
            }
            backups.run("scheduled");
        });
    }

    @Bean
    RecurringJob scheduledBackupVerification(BackupVerifier verifier, Backups backups, BackupProperties properties) {
        return RecurringJob.cron("backup-verification", properties.verifySchedule(), () -> {
            if (backups.files().latest().isEmpty() || verifier.busy()) {
                log.info("Scheduled backup verification skipped: no backup yet, or one is running");
                return;
            }
            verifier.run("scheduled");
        });
    }
}
