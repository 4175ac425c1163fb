package io.verbatim.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.operations.BackupProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupFilesTest {

    private static final Instant NOW = Instant.parse("2026-08-20T02:00:00Z");

    private static String daysAgo(int days) {
        return BackupFiles.name(NOW.minus(Duration.ofDays(days)), "0123456789abcdef");
    }

    @Test
    void namesSortByTimeAndCarryIt() {
        assertThat(BackupFiles.name(NOW, "0123456789abcdef")).isEqualTo("verbatim-20260820T020000Z-01234567");
        assertThat(BackupFiles.timeOf("verbatim-20260820T020000Z-01234567")).isEqualTo(NOW);
        assertThat(daysAgo(1).compareTo(daysAgo(2))).isPositive();
    }

    @Test
    void retentionKeepsTheNewestCountWithinTheAgeAndAlwaysTheNewest() {
        List<String> newestFirst = List.of(daysAgo(0), daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(40));
        assertThat(BackupFiles.expired(newestFirst, new BackupProperties.Retention(3, 30), NOW))
                .containsExactly(daysAgo(3), daysAgo(40));
        assertThat(BackupFiles.expired(newestFirst, new BackupProperties.Retention(10, 30), NOW)).containsExactly(daysAgo(40));
        // Even when everything is too old, the newest backup stays.
        assertThat(BackupFiles.expired(List.of(daysAgo(50), daysAgo(60)), new BackupProperties.Retention(7, 30), NOW))
                .containsExactly(daysAgo(60));
        // Directories we did not name are the operator's.
        assertThat(BackupFiles.expired(List.of(daysAgo(0), "verbatim-manual-copy"), new BackupProperties.Retention(1, 30), NOW)).isEmpty();
    }
}
