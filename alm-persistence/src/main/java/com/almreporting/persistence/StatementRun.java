package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.out.IngestCounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One recorded ingestion run (a row of {@code statements}): which file, which account and period, what it
 * changed, and how it ended. {@code status} is {@code committed}, {@code failed}, or {@code running}: a run in
 * progress, or one whose process died since the last sweep ({@link JooqLedger#markInterruptedRuns()}, run by
 * every store and by {@code alm db status}), which marks it {@code failed} with an error starting
 * "interrupted: "; a dead run's data transaction was rolled back. Immutable.
 */
public record StatementRun(
        long id,
        String fileName,
        String sha256,
        AccountId account,
        String period,
        LocalDate fromDate,
        LocalDate toDate,
        Instant whenGenerated,
        int rows,
        IngestCounts counts,
        String status,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    public static final String RUNNING = "running";
    public static final String COMMITTED = "committed";
    public static final String FAILED = "failed";

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }
}
