package com.almreporting.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code alm db status} shows: where the database is (never with a password), the server version, the
 * migrations, the row count of every ledger table (in schema order), the number of ingestion runs by status
 * (committed, failed, running), how many runs this very status call found interrupted and marked failed, and
 * the last ingestion run. Immutable.
 */
public record DatabaseStatus(String location, String serverVersion, List<MigrationStatus> migrations,
                             Map<String, Long> rowCounts, Map<String, Long> runsByStatus, int interruptedNow,
                             Optional<StatementRun> lastRun) {
    public DatabaseStatus {
        migrations = List.copyOf(migrations);
        rowCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowCounts));
        runsByStatus = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(runsByStatus));
    }

    /** True when every known migration has been applied. */
    public boolean isCurrent() {
        return migrations.stream().noneMatch(m -> m.state().equalsIgnoreCase("Pending"));
    }
}
