package com.almreporting.domain.port.in;

import java.util.List;

/**
 * Use case: the daily job. For each saved query, fetch the newest month-to-date statement from the broker into
 * the archive's staging area, parse it, store it in the ledger (one transaction per statement), and only then
 * make it the archived file and delete the file it replaces. On the first days of a month the previous month is
 * fetched once more, whole, for the corrections the broker books after a month has closed.
 *
 * <p>Never throws for a query that fails: each fetch ends in an {@link UpdateOutcome} that says what happened,
 * and a failed one leaves the ledger and the archived files as they were (a fetched file that could not be
 * stored is kept aside as {@code ….failed.xml}).
 */
public interface UpdateFromBroker {

    /** Runs the job for {@code queryIds}, in order; returns one outcome per fetch. */
    UpdateReport update(List<String> queryIds);

    /** Where the job reports its steps (the composition root logs them); implementations must be thread-safe. */
    interface Progress {
        Progress NONE = new Progress() {
            @Override
            public void info(String message) {
                // silent
            }

            @Override
            public void warn(String message) {
                // silent
            }
        };

        void info(String message);

        void warn(String message);
    }
}
