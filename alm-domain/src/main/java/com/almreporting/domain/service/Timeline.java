package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** Places statement times on the timeline. */
final class Timeline {
    private static final LocalTime CLOSED_DAY_PLACEMENT = LocalTime.of(16, 0);

    private Timeline() {
    }

    /**
     * An exact time is itself. A date-only time sits at the close of that trading day; on a closed day it sits
     * at 16:00 exchange time of that date, which puts it in the next trading day's overnight section.
     */
    static Instant place(EventTime time, TradingCalendar calendar) {
        if (time instanceof EventTime.Exact exact) {
            return exact.instant();
        }
        LocalDate date = ((EventTime.DateOnly) time).date();
        if (calendar.isTradingDay(date)) {
            return calendar.close(date);
        }
        return date.atTime(CLOSED_DAY_PLACEMENT).atZone(calendar.zone()).toInstant();
    }
}
