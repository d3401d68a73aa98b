package com.almreporting.domain.port.out;

import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.model.StatementHeader;
import com.almreporting.domain.model.TradeRow;

/**
 * Receives a statement file as {@link StatementParser#stream} reads it, one row at a time, so that a file of any
 * size is processed in constant memory: {@link #file} once, then for each statement {@link #startStatement}, its
 * rows in document order, and {@link #endStatement}. Every method does nothing unless overridden, so a handler
 * overrides only what it needs.
 *
 * <p>Rows are not final until {@code stream} returns: a file is known to be whole only at its end, so a truncated or
 * malformed file is rejected after some of its rows were delivered. A handler that stores rows must be able to
 * drop them when {@code stream} throws (one transaction for the file, rolled back), as nothing of a rejected
 * statement may be kept.
 */
public interface StatementHandler {

    /** The file's own attributes, before anything else; {@code queryName} and {@code type} may be null. */
    default void file(String source, String queryName, String type) {
    }

    /** A statement begins; the rows that follow are its rows until {@link #endStatement}. */
    default void startStatement(StatementHeader header) {
    }

    /** An execution-level {@code Trade} row (other levels of detail are not delivered). */
    default void trade(TradeRow row) {
    }

    /** An {@code OptionEAE} row. */
    default void optionEae(OptionEaeRow row) {
    }

    /** A {@code CashTransaction} row. */
    default void cashTransaction(CashTransactionRow row) {
    }

    /** An {@code OpenPosition} row. */
    default void openPosition(OpenPositionRow row) {
    }

    /** A {@code ConversionRate} row. */
    default void conversionRate(ConversionRate rate) {
    }

    /** The statement is complete: what could only be known at its end (base currency, official NAVs, ChangeInNAV). */
    default void endStatement(StatementEnd end) {
    }
}
