package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The statement's own account of a period's NAV change ({@code ChangeInNAV}) held against its parts and against
 * the official NAVs: {@code unexplained} = ending − starting − Σ components (IBKR's components add up exactly, so
 * anything here is a component we do not read), and {@code officialDifference} = (official end − official start)
 * − (ending − starting), where the official start is the close of the trading day before {@code from}. Figures are
 * in base currency; null where unknown. {@code twr} is IBKR's time-weighted return in percent. Immutable.
 */
public record NavChangeCheck(LocalDate from, LocalDate to, BigDecimal startingValue, BigDecimal endingValue,
                             BigDecimal componentsSum, BigDecimal unexplained, BigDecimal officialStart,
                             BigDecimal officialEnd, BigDecimal officialDifference, BigDecimal twr) {
}
