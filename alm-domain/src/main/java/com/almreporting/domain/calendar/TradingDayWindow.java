package com.almreporting.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The slice of time that belongs to trading day D: (close of the previous trading day, close of D]. Events
 * on calendar dates before D (evenings after the previous close, weekends, holidays) are {@link Section#OVERNIGHT};
 * events on D before the open are {@link Section#PRE_MARKET}; the rest, up to and including the close, are
 * {@link Section#INTRADAY}. Immutable.
 */
public record TradingDayWindow(LocalDate day, Instant previousClose, Instant open, Instant close, ZoneId zone) {

    public TradingDayWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(previousClose, "previousClose");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(zone, "zone");
        if (!previousClose.isBefore(open) || open.isAfter(close)) {
            throw new IllegalArgumentException("window of " + day + " is not ordered: " + previousClose + ", " + open + ", " + close);
        }
    }

    /** Where in the day an event falls. */
    public enum Section { OVERNIGHT, PRE_MARKET, INTRADAY }

    public boolean contains(Instant instant) {
        return instant.isAfter(previousClose) && !instant.isAfter(close);
    }

    public Section sectionOf(Instant instant) {
        if (!contains(instant)) {
            throw new IllegalArgumentException(instant + " is outside the window of " + day);
        }
        if (instant.atZone(zone).toLocalDate().isBefore(day)) {
            return Section.OVERNIGHT;
        }
        return instant.isBefore(open) ? Section.PRE_MARKET : Section.INTRADAY;
    }
}
