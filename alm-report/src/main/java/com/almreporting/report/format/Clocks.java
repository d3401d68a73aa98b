package com.almreporting.report.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Both clocks of a headline, observer's first: {@code (21:30 HKT / 09:30 EDT)}. A clock's date follows it
 * whenever it differs from the other clock's date: {@code (00:46 - 00:50 HKT, July 18 / 12:46 - 12:50 EDT, July 17)}.
 * Zone abbreviations are the ones in force (EDT in summer, EST in winter). Immutable and thread-safe.
 */
public final class Clocks {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.US);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d", Locale.US);

    private final ZoneId observer;
    private final ZoneId exchange;

    public Clocks(ZoneId observer, ZoneId exchange) {
        this.observer = observer;
        this.exchange = exchange;
    }

    /** {@code (21:30 HKT / 09:30 EDT)} for one instant. */
    public String headline(Instant at) {
        return headline(at, at);
    }

    /** Both clocks for a span; a span within one minute prints as one time. */
    public String headline(Instant start, Instant end) {
        ZonedDateTime os = start.atZone(observer);
        ZonedDateTime oe = end.atZone(observer);
        ZonedDateTime xs = start.atZone(exchange);
        ZonedDateTime xe = end.atZone(exchange);
        boolean datesDiffer = !os.toLocalDate().equals(xs.toLocalDate());
        return "(" + side(os, oe, datesDiffer) + " / " + side(xs, xe, datesDiffer) + ")";
    }

    private static String side(ZonedDateTime start, ZonedDateTime end, boolean withDate) {
        String date = withDate ? ", " + DATE.format(start) : "";
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            // A span across midnight in this zone names both dates.
            return TIME.format(start) + " " + ZONE.format(start) + ", " + DATE.format(start) + " - "
                    + TIME.format(end) + " " + ZONE.format(end) + ", " + DATE.format(end);
        }
        if (TIME.format(start).equals(TIME.format(end))) {
            return TIME.format(start) + " " + ZONE.format(start) + date;
        }
        return TIME.format(start) + " - " + TIME.format(end) + " " + ZONE.format(end) + date;
    }

    /** {@code 12:46:08 EDT} in the exchange zone, for event lines. */
    public String exchangeTime(Instant at) {
        ZonedDateTime t = at.atZone(exchange);
        return SECONDS.format(t) + " " + ZONE.format(t);
    }

    /** {@code 00:46:08 HKT} in the observer's zone. */
    public String observerTime(Instant at) {
        ZonedDateTime t = at.atZone(observer);
        return SECONDS.format(t) + " " + ZONE.format(t);
    }

    /** {@code July 17} of the instant in the exchange zone. */
    public String exchangeDate(Instant at) {
        return DATE.format(at.atZone(exchange));
    }

    /** The instant on the observer's clock. */
    public ZonedDateTime atObserver(Instant at) {
        return at.atZone(observer);
    }

    /** The instant on the exchange's clock. */
    public ZonedDateTime atExchange(Instant at) {
        return at.atZone(exchange);
    }

    /** The zone abbreviation in force at {@code t}: {@code HKT}, {@code EDT} in summer, {@code EST} in winter. */
    public static String abbreviation(ZonedDateTime t) {
        return ZONE.format(t);
    }

    public ZoneId observer() {
        return observer;
    }

    public ZoneId exchange() {
        return exchange;
    }
}
