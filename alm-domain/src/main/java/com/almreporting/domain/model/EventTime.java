package com.almreporting.domain.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * When a statement row happened, as precisely as IBKR said: an exact instant, or only a date (summary rows,
 * older files). Date-only times are placed on the timeline by the trading calendar, not by the parser.
 */
public sealed interface EventTime permits EventTime.Exact, EventTime.DateOnly {

    static EventTime at(Instant instant) {
        return new Exact(instant);
    }

    static EventTime on(LocalDate date) {
        return new DateOnly(date);
    }

    /** The calendar date of this time in {@code zone} (a date-only time is its own date). */
    LocalDate dateIn(java.time.ZoneId zone);

    /** A row with a date and a time, resolved to an instant using its zone suffix or the statement zone. */
    record Exact(Instant instant) implements EventTime {
        public Exact {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public LocalDate dateIn(java.time.ZoneId zone) {
            return instant.atZone(zone).toLocalDate();
        }
    }

    /** A row with a date only. */
    record DateOnly(LocalDate date) implements EventTime {
        public DateOnly {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public LocalDate dateIn(java.time.ZoneId zone) {
            return date;
        }
    }
}
