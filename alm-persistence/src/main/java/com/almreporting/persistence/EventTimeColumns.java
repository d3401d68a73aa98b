package com.almreporting.persistence;

import com.almreporting.domain.model.EventTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * An {@link EventTime} as two columns: {@code event_timestamp} for an exact time, {@code event_date} for a
 * date-only one (a check constraint keeps exactly one of them set), plus the business date that
 * {@code history(through)} filters on: the row's own date when it has one, else the UTC date of its time,
 * as the in-memory ledger decides it.
 */
record EventTimeColumns(Instant timestamp, LocalDate date) {

    static EventTimeColumns of(EventTime time) {
        if (time instanceof EventTime.Exact e) {
            return new EventTimeColumns(e.instant(), null);
        }
        return new EventTimeColumns(null, ((EventTime.DateOnly) time).date());
    }

    static LocalDate businessDate(LocalDate rowDate, EventTime time) {
        return rowDate != null ? rowDate : time.dateIn(ZoneOffset.UTC);
    }

    EventTime toEventTime() {
        return timestamp != null ? EventTime.at(timestamp) : EventTime.on(date);
    }
}
