package com.almreporting.cli;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.Exercise;
import com.almreporting.domain.model.event.Expiration;
import com.almreporting.domain.service.ClassifiedHistory;
import com.almreporting.domain.service.EventClassifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code alm flex check} says about one statement: its header and its counts, raw and classified. */
record StatementSummary(String accountId, String baseCurrency, LocalDate fromDate, LocalDate toDate, String period,
                        Instant whenGenerated, Map<String, Integer> counts) {

    static StatementSummary of(Statement s, TradingCalendar calendar) {
        ClassifiedHistory classified = new EventClassifier(calendar).classify(s.trades(), s.optionEae(), s.cashTransactions());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("trades", s.trades().size());
        counts.put("cashTransactions", (int) s.cashTransactions().stream().filter(CashTransactionRow::isDetail).count());
        counts.put("navRows", s.officialNavs().size());
        counts.put("openPositions", (int) s.openPositions().stream().filter(OpenPositionRow::isSummary).count());
        counts.put("optionEae", s.optionEae().size());
        counts.put("conversionRates", s.conversionRates().size());
        counts.put("executions", classified.eventsOf(Execution.class).size());
        counts.put("assignments", classified.eventsOf(Assignment.class).size());
        counts.put("expirations", classified.eventsOf(Expiration.class).size());
        counts.put("exercises", classified.eventsOf(Exercise.class).size());
        counts.put("cancelled", classified.cancelled().size());
        counts.put("superseded", classified.superseded().size());
        return new StatementSummary(s.account().value(), s.baseCurrency(), s.fromDate(), s.toDate(), s.period(),
                s.whenGenerated(), counts);
    }
}
