package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * One Flex {@code OpenPositions/OpenPosition} row. {@code SUMMARY} and {@code LOT} rows coexist for the same
 * position; only SUMMARY rows are positions ({@link #isSummary()}), LOT rows break them down. Immutable.
 */
public record OpenPositionRow(
        AccountId account,
        LocalDate reportDate,
        Instrument instrument,
        String currency,
        BigDecimal fxRateToBase,
        BigDecimal position,
        BigDecimal markPrice,
        BigDecimal positionValue,
        BigDecimal costBasisMoney,
        BigDecimal fifoPnlUnrealized,
        String levelOfDetail,
        Map<String, String> raw) {

    public OpenPositionRow {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(position, "position");
        raw = RawAttributes.of(raw);
    }

    public boolean isSummary() {
        return levelOfDetail == null || levelOfDetail.isBlank() || levelOfDetail.equalsIgnoreCase("SUMMARY");
    }
}
