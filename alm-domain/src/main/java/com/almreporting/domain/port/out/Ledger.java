package com.almreporting.domain.port.out;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The account's books: every statement row ever ingested, kept by its broker key. Storing is idempotent:
 * trades and cash rows are keyed by (account, transactionID), NAV rows by (account, reportDate), and a row
 * from an older statement ({@code whenGenerated}) never overwrites one from a newer statement. Storing a
 * statement is all or nothing.
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
}
