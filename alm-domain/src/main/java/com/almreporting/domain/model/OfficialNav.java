package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The broker's official NAV for a report date: {@code EquitySummaryByReportDateInBase@total}, in the base
 * currency. The official close of trading day D is the row with {@code reportDate} D. Immutable.
 */
public record OfficialNav(AccountId account, LocalDate reportDate, String currency, BigDecimal total) {
    public OfficialNav {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(reportDate, "reportDate");
        Objects.requireNonNull(total, "total");
    }
}
