package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The open of a trading day: the official opening NAV (the official close of {@code officialAsOf}, the previous
 * trading day; null when the broker has none), the calculated opening NAV after overnight and pre-market events,
 * and the items with a NAV impact that the official figure does not include. Immutable.
 */
public record MarketOpen(Instant at, LocalDate officialAsOf, BigDecimal officialOpening, BigDecimal calculatedOpening,
                         List<NarrativeItem> notInOfficial) {
    public MarketOpen {
        notInOfficial = List.copyOf(notInOfficial);
    }

    public boolean differs() {
        return officialOpening != null && calculatedOpening != null && officialOpening.compareTo(calculatedOpening) != 0;
    }
}
