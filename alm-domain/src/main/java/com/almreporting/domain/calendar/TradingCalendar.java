package com.almreporting.domain.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Which days an exchange trades and when its sessions open and close. Session times are exchange-local
 * ({@link #zone()}); instants are DST-correct because they are computed in that zone, never from offsets.
 */
public interface TradingCalendar {

    /** The exchange's zone, e.g. {@code America/New_York}. */
    ZoneId zone();

    /** True on a weekday that is neither a holiday nor a one-off closure. */
    boolean isTradingDay(LocalDate date);

    /** Why the exchange is closed that day (holiday or one-off name, or "Saturday"/"Sunday"); empty on trading days. */
    Optional<String> closureReason(LocalDate date);

    /** True on a trading day that closes early (13:00 ET on NYSE). */
    boolean isEarlyClose(LocalDate date);

    /** Local opening time of a trading day. */
    LocalTime openTime(LocalDate tradingDay);

    /** Local closing time of a trading day: 16:00, or 13:00 on early-close days. */
    LocalTime closeTime(LocalDate tradingDay);

    /** The trading day before {@code date} (strictly). */
    LocalDate previousTradingDay(LocalDate date);

    /** The trading day after {@code date} (strictly). */
    LocalDate nextTradingDay(LocalDate date);

    /** The instant the session of {@code tradingDay} opens; fails on a closed day. */
    default Instant open(LocalDate tradingDay) {
        requireTradingDay(tradingDay);
        return tradingDay.atTime(openTime(tradingDay)).atZone(zone()).toInstant();
    }

    /** The instant the session of {@code tradingDay} closes; fails on a closed day. */
    default Instant close(LocalDate tradingDay) {
        requireTradingDay(tradingDay);
        return tradingDay.atTime(closeTime(tradingDay)).atZone(zone()).toInstant();
    }

    /** The window (previous close, close] of a trading day. */
    default TradingDayWindow window(LocalDate tradingDay) {
        requireTradingDay(tradingDay);
        return new TradingDayWindow(tradingDay, close(previousTradingDay(tradingDay)), open(tradingDay),
                close(tradingDay), zone());
    }

    /** The trading day whose window contains {@code instant}: an event exactly at a close belongs to that day. */
    default LocalDate tradingDayOf(Instant instant) {
        LocalDate local = instant.atZone(zone()).toLocalDate();
        LocalDate candidate = isTradingDay(local) ? local : nextTradingDay(local);
        if (instant.isAfter(close(candidate))) {
            candidate = nextTradingDay(candidate);
        }
        return candidate;
    }

    /** The trading days from {@code from} to {@code to}, both inclusive, in order. */
    default List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new java.util.ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private void requireTradingDay(LocalDate date) {
        if (!isTradingDay(date)) {
            throw new IllegalArgumentException(date + " is not a trading day (" + closureReason(date).orElse("closed") + ")");
        }
    }
}
