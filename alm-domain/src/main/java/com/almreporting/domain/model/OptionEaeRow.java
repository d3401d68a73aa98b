package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One Flex {@code OptionEAE} row (Option Exercise, Assignment, Expiration). Its {@code tradeId} equals the
 * {@code tradeID} of the matching BookTrade, which lets it confirm or correct the BookTrade's classification.
 * Immutable.
 */
public record OptionEaeRow(
        AccountId account,
        LocalDate date,
        OptionEaeType type,
        Instrument instrument,
        String currency,
        BigDecimal quantity,
        BigDecimal tradePrice,
        String tradeId,
        Map<String, String> raw) {

    public OptionEaeRow {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(instrument, "instrument");
        raw = RawAttributes.of(raw);
    }

    /** The ledger key: IBKR gives OptionEAE rows no transaction id, so the identifying fields are hashed. */
    public String key() {
        return RowKey.of("eae", account, date, type, instrument.symbol(), quantity == null ? null : quantity.toPlainString(),
                tradePrice == null ? null : tradePrice.toPlainString(), tradeId);
    }
}
