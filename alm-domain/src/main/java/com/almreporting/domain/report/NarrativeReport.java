package com.almreporting.domain.report;

import com.almreporting.domain.model.AccountId;
import java.time.LocalDate;
import java.util.List;

/**
 * The narrative NAV report of one account over a range of trading days: the summary table, the days, the
 * statement's ChangeInNAV periods checked against their components and the official NAVs, and notices about
 * anything the report had to assume. Renderers turn it into Markdown, HTML or JSON; it holds
 * figures, never formatted text. Immutable.
 */
public record NarrativeReport(AccountId account, String baseCurrency, LocalDate from, LocalDate to,
                              ReportSettings settings, List<SummaryRow> summary, List<TradingDayReport> days,
                              List<NavChangeCheck> navChanges, List<Notice> notices) {
    public NarrativeReport {
        summary = List.copyOf(summary);
        navChanges = List.copyOf(navChanges);
        days = List.copyOf(days);
        notices = List.copyOf(notices);
    }

    public TradingDayReport day(LocalDate date) {
        return days.stream().filter(d -> d.day().equals(date)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trading day " + date + " in the report"));
    }
}
