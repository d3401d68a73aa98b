package com.almreporting.domain.report;

import com.almreporting.domain.calendar.TradingDayWindow;
import com.almreporting.domain.model.event.CashEvent;
import java.time.Instant;

/** A cash event with its amount in base currency; deposits and withdrawals are flows, not P&amp;L. Immutable. */
public record CashItem(CashEvent event, TradingDayWindow.Section section, NavStep nav) implements NarrativeItem {

    @Override
    public Instant start() {
        return event.at();
    }

    @Override
    public Instant end() {
        return event.at();
    }

    public boolean isFlow() {
        return event.kind().isFlow();
    }
}
