package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One Flex {@code Trades/Trade} row (execution level) as the statement said it: nothing classified yet.
 * Amounts are in the trade {@code currency}; {@code fxRateToBase} converts them to the base currency.
 * {@code cost} and {@code fifoPnlRealized} may be null when the query does not carry them.
 * {@code raw} keeps every attribute of the row, known or not, in document order ({@link RawAttributes}). Immutable.
 */
public record TradeRow(
        TransactionId transactionId,
        AccountId account,
        String tradeId,
        TradeType transactionType,
        String assetCategory,
        Instrument instrument,
        String description,
        String conid,
        String currency,
        BigDecimal fxRateToBase,
        EventTime time,
        LocalDate tradeDate,
        LocalDate reportDate,
        String buySell,
        OpenClose openClose,
        BigDecimal quantity,
        BigDecimal tradePrice,
        BigDecimal proceeds,
        BigDecimal ibCommission,
        BigDecimal taxes,
        BigDecimal cost,
        BigDecimal fifoPnlRealized,
        NoteCodes notes,
        String ibExecId,
        String ibOrderId,
        String origTransactionId,
        String origTradeId,
        Map<String, String> raw) {

    public TradeRow {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(transactionType, "transactionType");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fxRateToBase, "fxRateToBase");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(openClose, "openClose");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(proceeds, "proceeds");
        Objects.requireNonNull(ibCommission, "ibCommission");
        tradePrice = tradePrice == null ? BigDecimal.ZERO : tradePrice;
        taxes = taxes == null ? BigDecimal.ZERO : taxes;
        notes = notes == null ? NoteCodes.NONE : notes;
        raw = RawAttributes.of(raw);
    }

    /**
     * The date the ledger files the row under: its {@code tradeDate}, else the UTC date of its time.
     *
     * @return the business date
     */
    public LocalDate businessDate() {
        return tradeDate != null ? tradeDate : time.dateIn(java.time.ZoneOffset.UTC);
    }

    public boolean isOption() {
        return instrument instanceof OptionContract;
    }

    public boolean isStock() {
        return instrument instanceof Stock;
    }
}
