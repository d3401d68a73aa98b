package com.almreporting.domain.report;

import com.almreporting.domain.calendar.TradingDayWindow;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.model.event.OptionBooking;
import java.time.Instant;

/**
 * An assignment, exercise or expiration: an asset exchange with no P&amp;L of its own (its impact is only a
 * booking commission, normally zero). Immutable.
 */
public record BookingItem(OptionBooking booking, TradingDayWindow.Section section, NavStep nav) implements NarrativeItem {

    @Override
    public Instant start() {
        return ((AccountEvent) booking).at();
    }

    @Override
    public Instant end() {
        return start();
    }
}
