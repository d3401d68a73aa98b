package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One Flex {@code CashTransactions/CashTransaction} row. {@code SUMMARY} rows repeat the sum of their
 * {@code DETAIL} rows and have no transaction id; only DETAIL rows are events ({@link #isDetail()}). Immutable.
 */
public record CashTransactionRow(
        TransactionId transactionId,
        AccountId account,
        String type,
        String currency,
        BigDecimal fxRateToBase,
        BigDecimal amount,
        EventTime time,
        LocalDate reportDate,
        String description,
        String symbol,
        String levelOfDetail,
        Map<String, String> raw) {

    public CashTransactionRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(time, "time");
        fxRateToBase = fxRateToBase == null ? BigDecimal.ONE : fxRateToBase;
        raw = RawAttributes.of(raw);
    }

    /** The ledger key: the transaction id, or a hash of the identifying fields when IBKR gave none. */
    public String key() {
        if (transactionId != null) {
            return transactionId.value();
        }
        return RowKey.of("cash", account, type, currency, amount.toPlainString(), time, reportDate, description, symbol);
    }

    /**
     * The date the ledger files the row under: its {@code reportDate}, else the UTC date of its time.
     *
     * @return the business date
     */
    public LocalDate businessDate() {
        return reportDate != null ? reportDate : time.dateIn(java.time.ZoneOffset.UTC);
    }

    /** DETAIL rows (or rows from queries without the summary option, which carry no level) are the events. */
    public boolean isDetail() {
        return levelOfDetail == null || levelOfDetail.isBlank() || levelOfDetail.equalsIgnoreCase("DETAIL");
    }
}
