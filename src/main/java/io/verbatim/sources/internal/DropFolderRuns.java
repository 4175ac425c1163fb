package io.verbatim.sources.internal;

import io.verbatim.ingest.DropFolderScanned;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Puts the storage drop folder's scans in the run history as the source {@code drop-folder}: a scan that
 * ingested something, or whose refused files changed since the last recorded scan (a file refused every
 * minute is recorded once, not every minute).
 */
@Component
class DropFolderRuns {

    private final SourceRuns runs;

    DropFolderRuns(SourceRuns runs) {
        this.runs = runs;
    }

    @EventListener
    void on(DropFolderScanned scan) {
        Set<String> failed = new TreeSet<>();
        scan.failures().forEach(f -> failed.add(f.file()));
        if (scan.ingested() == 0 && failed.equals(lastFailures())) {
            return;
        }
        List<SourceRuns.Item> items = scan.failures().stream()
                .map(f -> new SourceRuns.Item(f.file(), "failed", f.reason(), null)).toList();
        String status = scan.failures().isEmpty() ? "succeeded" : "partial";
        runs.record(SourceRuns.DROP_FOLDER, "scan", status, new SourceRuns.Counts(scan.ingested() + scan.duplicates()
                + scan.failures().size(), scan.ingested(), scan.duplicates(), scan.failures().size(), 1, 0), null, items);
    }

    private Set<String> lastFailures() {
        Set<String> failed = new TreeSet<>();
        runs.latest(SourceRuns.DROP_FOLDER).ifPresent(run -> {
            for (JsonNode item : run.items()) {
                if ("failed".equals(item.path("outcome").asString(null))) {
                    failed.add(Objects.toString(item.path("external_id").asString(null)));
                }
            }
        });
        return failed;
    }
}
