package com.almreporting.domain.report;

import com.almreporting.domain.calendar.TradingDayWindow;
import java.time.Instant;

/** A bullet of the narrative: a block of trades, a booking (assignment, exercise, expiration) or a cash event. */
public sealed interface NarrativeItem permits TradeBlock, BookingItem, CashItem {

    Instant start();

    Instant end();

    TradingDayWindow.Section section();

    /** Calculated NAV before and after the item. */
    NavStep nav();
}
