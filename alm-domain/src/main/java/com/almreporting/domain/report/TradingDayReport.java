package com.almreporting.domain.report;

import com.almreporting.domain.calendar.TradingDayWindow;
import java.time.LocalDate;
import java.util.List;

/**
 * One US trading day told in order: the overnight items (previous calendar evenings, weekends, holidays), the
 * pre-market items, the open, the intraday items, the close. A day told from the live gateway snapshot carries
 * its {@link LiveMark} and its close is the snapshot ({@code live} is null for every day with a statement). Immutable.
 */
public record TradingDayReport(TradingDayWindow window, LocalDate previousTradingDay, List<NarrativeItem> overnight,
                               List<NarrativeItem> preMarket, MarketOpen open, List<NarrativeItem> intraday,
                               MarketClose close, LiveMark live) {
    public TradingDayReport {
        overnight = List.copyOf(overnight);
        preMarket = List.copyOf(preMarket);
        intraday = List.copyOf(intraday);
    }

    public boolean isLive() {
        return live != null;
    }

    public LocalDate day() {
        return window.day();
    }
}
