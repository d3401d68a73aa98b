package com.almreporting.domain.port.out;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account's books: every statement row ever ingested, kept by its broker key. Storing is idempotent:
 * trades and cash rows are keyed by (account, transactionID), NAV rows by (account, reportDate), and a row
 * from an older statement ({@code whenGenerated}) never overwrites one from a newer statement. Storing a
 * statement is all or nothing.
 *
 * <p>A ledger may also keep {@link Checkpoint}s, the state a report carries out of a trading day, computed by the
 * domain. It must drop every checkpoint whose {@code horizon} is on or after the business date of a trade,
 * OptionEAE, cash or NAV row it inserts, changes or deletes (the old and the new date), in the same transaction.
 * The default methods describe a ledger that keeps none.
 */
public interface Ledger {

    /** Upserts every row of {@code statement}; returns what changed. */
    IngestCounts store(Statement statement, StatementOrigin origin);

    /** Accounts with any stored row, in id order. */
    List<AccountId> accounts();

    /** The account's base currency as its newest statement said, if any said it. */
    Optional<String> baseCurrency(AccountId account);

    /**
     * The account's rows whose business date ({@code tradeDate}, {@code reportDate} or the date of the row's
     * time) is on or before {@code through}, in no particular order.
     */
    AccountHistory history(AccountId account, LocalDate through);

    /**
     * The account's rows whose business date is on or after {@code since} and on or before {@code through}, in
     * no particular order: the part of the history a report resuming from a checkpoint reads. Rows without a
     * business date (a ChangeInNAV or position row without dates) are in every window.
     */
    AccountHistory history(AccountId account, LocalDate since, LocalDate through);

    /** The first and last business dates of the account's trade, OptionEAE, cash and NAV rows; empty without any. */
    Optional<BusinessDates> businessDates(AccountId account);

    /**
     * A number that changes whenever a statement of the account is stored, so that checkpoints computed from
     * what was read can be stored only if nothing was stored meanwhile.
     */
    default long version(AccountId account) {
        return 0;
    }

    /** The account's newest stored checkpoint whose day is before {@code day}, if any. */
    default Optional<Checkpoint> latestCheckpointBefore(AccountId account, LocalDate day) {
        return Optional.empty();
    }

    /**
     * Stores {@code checkpoints} (replacing those of the same days) if the account's {@link #version} is still
     * {@code version}; otherwise stores nothing, since they may have been computed from rows changed meanwhile.
     *
     * @return whether they were stored
     */
    default boolean storeCheckpoints(AccountId account, long version, List<Checkpoint> checkpoints) {
        return false;
    }

    /**
     * Whether the account holds a trade row dated before {@code before} whose transactionID or origTransactionID
     * is in {@code transactionIds}, or whose tradeID or origTradeID is in {@code tradeIds}, or an OptionEAE row
     * dated before it whose tradeID is in {@code tradeIds}: a row outside a report's window that could change how
     * the rows inside it are classified (cancels, corrections, bookings).
     */
    boolean linkedBefore(AccountId account, LocalDate before, Set<String> transactionIds, Set<String> tradeIds);
}
