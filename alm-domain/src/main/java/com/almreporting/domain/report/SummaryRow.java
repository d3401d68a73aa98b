package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line of the summary table: the day's official and calculated open and close, the residual and its label,
 * the day's P&amp;L (close − open − flows), deposits/withdrawals, and the cumulative return against the baseline
 * (a fraction, e.g. -0.0146 for −1.46 %), and the time-weighted return that removes deposits and withdrawals:
 * the day's {@code (close − open − flows) / (open + flows)} (flows counted at the start of the day, as the
 * narrative tells them before the open) and its chain over the report's days. Figures are null where unknown. A live row (today, from the gateway)
 * has no official close; its residual is the unrealized P&amp;L against the current NAV. Immutable.
 */
public record SummaryRow(LocalDate day, BigDecimal officialOpen, BigDecimal calculatedOpen, BigDecimal officialClose,
                         BigDecimal calculatedClose, BigDecimal residual, ResidualLabel label, BigDecimal dayPnl,
                         BigDecimal flows, BigDecimal cumulativeReturn, BigDecimal dailyTwr, BigDecimal cumulativeTwr,
                         boolean live) {
}
