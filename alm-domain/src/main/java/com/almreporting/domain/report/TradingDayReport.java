package com.almreporting.domain.report;

import com.almreporting.domain.calendar.TradingDayWindow;
import java.time.LocalDate;
import java.util.List;

/**
 * One US trading day told in order: the overnight items (previous calendar evenings, weekends, holidays), the
 * pre-market items, the open, the intraday items, the close. Immutable.
 */
public record TradingDayReport(TradingDayWindow window, LocalDate previousTradingDay, List<NarrativeItem> overnight,
                               List<NarrativeItem> preMarket, MarketOpen open, List<NarrativeItem> intraday,
                               MarketClose close) {
    public TradingDayReport {
        overnight = List.copyOf(overnight);
        preMarket = List.copyOf(preMarket);
        intraday = List.copyOf(intraday);
    }

    public LocalDate day() {
        return window.day();
    }
}
