package com.almreporting.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regular-session calendar of the New York Stock Exchange: zone {@code America/New_York}, session 09:30–16:00,
 * 13:00 on early-close days.
 *
 * <h2>Why not a library</h2>
 * No maintained Java library models the NYSE's 13:00 early closes: jollyday (used in the tests as an independent
 * cross-check of full-day closures) has an NYSE hierarchy but no session times, no early closes, no 2018/2025 days of
 * mourning, and observes a Saturday New Year's Day on the preceding Friday, which the NYSE does not. The rules are
 * short and stable, so they are written out here, where every decision can be read and tested.
 *
 * <h2>Full-day closures</h2>
 * Holidays are computed by rule for any year (NYSE Rule 7.2, "Holidays"):
 * <ul>
 *   <li>New Year's Day, January 1; on a Sunday observed on Monday January 2; <b>on a Saturday not observed at all</b>
 *       (the Friday before is the last trading day of the previous year, e.g. 2021-12-31, 2027-12-31 are open).</li>
 *   <li>Martin Luther King, Jr. Day, 3rd Monday of January, from 1998 (the year the NYSE first closed for it).</li>
 *   <li>Washington's Birthday, 3rd Monday of February.</li>
 *   <li>Good Friday, two days before Easter Sunday (anonymous Gregorian algorithm).</li>
 *   <li>Memorial Day, last Monday of May.</li>
 *   <li>Juneteenth National Independence Day, June 19, from 2022 (first NYSE closure); Saturday → Friday,
 *       Sunday → Monday.</li>
 *   <li>Independence Day, July 4; Saturday → Friday, Sunday → Monday.</li>
 *   <li>Labor Day, 1st Monday of September.</li>
 *   <li>Thanksgiving Day, 4th Thursday of November.</li>
 *   <li>Christmas Day, December 25; Saturday → Friday, Sunday → Monday.</li>
 * </ul>
 * One-off closures (days of mourning, weather, 9/11) are an explicit list, each with its source, see
 * {@code SPECIAL_CLOSURES}. A holiday is reported under its own name on the day the exchange is closed for it (the
 * observed day); the weekend day it falls on is reported as "Saturday" / "Sunday".
 *
 * <h2>Early closes (13:00 ET)</h2>
 * <ul>
 *   <li>The day before Independence Day, July 3, when July 3 is itself a trading weekday. When July 4 is a Saturday,
 *       July 3 is the observed holiday and there is no early close on July 2 (2015, 2020, 2026); when July 4 is a
 *       Sunday or Monday there is none either (2021, 2022, 2027). Before 2013, when July 4 was a Thursday, the early
 *       close was Friday July 5 instead of Wednesday July 3 (2002); from 2013 on it is July 3.</li>
 *   <li>The day after Thanksgiving (always a Friday), from 1993.</li>
 *   <li>Christmas Eve, December 24, when it is itself a trading weekday (Monday–Thursday). When Christmas is a
 *       Saturday the holiday is observed on Friday December 24 and <b>there is no early close on December 23</b>
 *       (2021; NYSE's published 2027 calendar likewise lists no early close in the Christmas week of 2027).</li>
 *   <li>Historic one-offs: {@code SPECIAL_EARLY_CLOSES}.</li>
 * </ul>
 * Verified against NYSE's published calendars for 2020–2028 (NYSE Group holiday and early-closings announcements).
 * Years before 1999 are computed with the same rules and are best effort; unscheduled intraday halts, late opens and
 * non-13:00 early closes (e.g. 2005-06-01 at 15:56) are not modelled.
 *
 * <h2>Implementation</h2>
 * Each year's closures and early closes are computed once, lazily, into a {@link ConcurrentHashMap}; the computed
 * tables are unmodifiable. Instances are <b>immutable and thread-safe</b> from the outside (the cache is an internal,
 * idempotent memo); use {@link #instance()}.
 */
public final class NyseCalendar implements TradingCalendar {

    /** The exchange's zone. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** Regular session open, local time. */
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    /** Regular session close, local time. */
    public static final LocalTime CLOSE = LocalTime.of(16, 0);
    /** Close on early-close days, local time. */
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    public static final String NEW_YEARS_DAY = "New Year's Day";
    public static final String MARTIN_LUTHER_KING_DAY = "Martin Luther King, Jr. Day";
    public static final String WASHINGTONS_BIRTHDAY = "Washington's Birthday";
    public static final String GOOD_FRIDAY = "Good Friday";
    public static final String MEMORIAL_DAY = "Memorial Day";
    public static final String JUNETEENTH = "Juneteenth National Independence Day";
    public static final String INDEPENDENCE_DAY = "Independence Day";
    public static final String LABOR_DAY = "Labor Day";
    public static final String THANKSGIVING_DAY = "Thanksgiving Day";
    public static final String CHRISTMAS_DAY = "Christmas Day";

    /** First year the NYSE closed for Martin Luther King, Jr. Day. */
    private static final int FIRST_MLK_YEAR = 1998;
    /** First year the NYSE closed for Juneteenth (the federal holiday was enacted on 2021-06-17, too late for 2021). */
    private static final int FIRST_JUNETEENTH_YEAR = 2022;
    /** First year of a 13:00 close on the day after Thanksgiving (1992 closed at 14:00). */
    private static final int FIRST_BLACK_FRIDAY_EARLY_CLOSE_YEAR = 1993;
    /** From this year on, a Thursday July 4 gives an early close on Wednesday July 3 instead of Friday July 5. */
    private static final int FIRST_WEDNESDAY_JULY_3_EARLY_CLOSE_YEAR = 2013;

    /**
     * One-off full-day closures, each with its source. Main reference for the historic ones: the NYSE's list of
     * "Closings of the Exchange" (NYSE Group archives), as also transcribed in pandas_market_calendars
     * {@code holidays/nyse.py}.
     */
    static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.ofEntries(
            // Hurricane Gloria; NYSE Closings of the Exchange.
            Map.entry(LocalDate.of(1985, 9, 27), "Hurricane Gloria"),
            // Funeral of President Nixon, national day of mourning; NYSE Closings of the Exchange.
            Map.entry(LocalDate.of(1994, 4, 27), "National Day of Mourning for President Richard Nixon"),
            // Terrorist attacks of 2001-09-11: NYSE did not open on 09-11 and stayed closed through Friday 09-14,
            // reopening Monday 2001-09-17; NYSE Closings of the Exchange.
            Map.entry(LocalDate.of(2001, 9, 11), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 12), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 13), "September 11 attacks"),
            Map.entry(LocalDate.of(2001, 9, 14), "September 11 attacks"),
            // Funeral of President Reagan, national day of mourning; NYSE announcement of June 2004.
            Map.entry(LocalDate.of(2004, 6, 11), "National Day of Mourning for President Ronald Reagan"),
            // Funeral of President Ford, national day of mourning; NYSE announcement of December 2006.
            Map.entry(LocalDate.of(2007, 1, 2), "National Day of Mourning for President Gerald Ford"),
            // Hurricane Sandy: NYSE Euronext closed for two days, 2012-10-29 and 2012-10-30 (announcements of
            // 2012-10-28 and 2012-10-29).
            Map.entry(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            Map.entry(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            // Funeral of President George H.W. Bush, national day of mourning; NYSE announcement of 2018-12-01.
            Map.entry(LocalDate.of(2018, 12, 5), "National Day of Mourning for President George H.W. Bush"),
            // Funeral of President Carter, national day of mourning; NYSE announcement of December 2024
            // ("NYSE will close markets on January 9, 2025 to honor the passing of former President Jimmy Carter").
            Map.entry(LocalDate.of(2025, 1, 9), "National Day of Mourning for President Jimmy Carter"));

    /**
     * Historic 13:00 early closes that no current rule produces. Source: NYSE Closings of the Exchange (as transcribed
     * in pandas_market_calendars {@code DayAfterChristmas1pmEarlyCloseAdhoc}).
     */
    static final Set<LocalDate> SPECIAL_EARLY_CLOSES = Set.of(
            LocalDate.of(1997, 12, 26), // Friday after Christmas
            LocalDate.of(2003, 12, 26)); // Friday after Christmas

    private static final NyseCalendar INSTANCE = new NyseCalendar();

    private final ConcurrentHashMap<Integer, YearSchedule> years = new ConcurrentHashMap<>();

    /** Package-private for tests (a fresh, cold cache); everyone else uses {@link #instance()}. */
    NyseCalendar() {
    }

    /** The shared instance (the calendar has no configuration, so one is enough). */
    public static NyseCalendar instance() {
        return INSTANCE;
    }

    @Override
    public ZoneId zone() {
        return ZONE;
    }

    @Override
    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && !schedule(date.getYear()).closures().containsKey(date);
    }

    @Override
    public Optional<String> closureReason(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        return Optional.ofNullable(schedule(date.getYear()).closures().get(date));
    }

    /** False on closed days. */
    @Override
    public boolean isEarlyClose(LocalDate date) {
        return schedule(date.getYear()).earlyCloses().contains(date);
    }

    /** @throws IllegalArgumentException if {@code tradingDay} is not a trading day */
    @Override
    public LocalTime openTime(LocalDate tradingDay) {
        requireOpen(tradingDay);
        return OPEN;
    }

    /** @throws IllegalArgumentException if {@code tradingDay} is not a trading day */
    @Override
    public LocalTime closeTime(LocalDate tradingDay) {
        requireOpen(tradingDay);
        return isEarlyClose(tradingDay) ? EARLY_CLOSE : CLOSE;
    }

    @Override
    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    @Override
    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The weekday full-day closures of {@code year} (holidays at their observed date and one-offs), with reasons. */
    public SortedMap<LocalDate, String> closures(int year) {
        return schedule(year).closures();
    }

    /** The 13:00 early-close days of {@code year}. */
    public SortedSet<LocalDate> earlyCloses(int year) {
        return schedule(year).earlyCloses();
    }

    @Override
    public String toString() {
        return "NyseCalendar[" + ZONE + " " + OPEN + "-" + CLOSE + ", early " + EARLY_CLOSE + "]";
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One year's weekday closures and early closes; both unmodifiable. */
    private record YearSchedule(SortedMap<LocalDate, String> closures, SortedSet<LocalDate> earlyCloses) {
    }

    private YearSchedule schedule(int year) {
        // Each year depends only on its own dates (a Saturday New Year is never moved into the previous year), so
        // the mapping function never touches the map recursively.
        return years.computeIfAbsent(year, NyseCalendar::computeYear);
    }

    private static YearSchedule computeYear(int year) {
        SortedMap<LocalDate, String> closures = new TreeMap<>();

        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) { // NYSE Rule 7.2: a Saturday New Year is not observed
            closures.put(observed(newYear), NEW_YEARS_DAY);
        }
        if (year >= FIRST_MLK_YEAR) {
            closures.put(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY), MARTIN_LUTHER_KING_DAY);
        }
        closures.put(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), WASHINGTONS_BIRTHDAY);
        closures.put(easterSunday(year).minusDays(2), GOOD_FRIDAY);
        closures.put(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                MEMORIAL_DAY);
        if (year >= FIRST_JUNETEENTH_YEAR) {
            closures.put(observed(LocalDate.of(year, Month.JUNE, 19)), JUNETEENTH);
        }
        closures.put(observed(LocalDate.of(year, Month.JULY, 4)), INDEPENDENCE_DAY);
        closures.put(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), LABOR_DAY);
        LocalDate thanksgiving = nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
        closures.put(thanksgiving, THANKSGIVING_DAY);
        closures.put(observed(LocalDate.of(year, Month.DECEMBER, 25)), CHRISTMAS_DAY);

        SPECIAL_CLOSURES.forEach((date, reason) -> {
            if (date.getYear() == year) {
                closures.putIfAbsent(date, reason);
            }
        });

        SortedSet<LocalDate> earlyCloses = new TreeSet<>();
        LocalDate july3 = LocalDate.of(year, Month.JULY, 3);
        if (year < FIRST_WEDNESDAY_JULY_3_EARLY_CLOSE_YEAR && july3.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
            addIfTradingDay(earlyCloses, LocalDate.of(year, Month.JULY, 5), closures); // Thu July 4 before 2013
        } else {
            addIfTradingDay(earlyCloses, july3, closures);
        }
        if (year >= FIRST_BLACK_FRIDAY_EARLY_CLOSE_YEAR) {
            addIfTradingDay(earlyCloses, thanksgiving.plusDays(1), closures);
        }
        addIfTradingDay(earlyCloses, LocalDate.of(year, Month.DECEMBER, 24), closures);
        SPECIAL_EARLY_CLOSES.forEach(date -> {
            if (date.getYear() == year) {
                addIfTradingDay(earlyCloses, date, closures);
            }
        });

        return new YearSchedule(Collections.unmodifiableSortedMap(closures),
                Collections.unmodifiableSortedSet(earlyCloses));
    }

    private static void addIfTradingDay(Set<LocalDate> earlyCloses, LocalDate date, Map<LocalDate, String> closures) {
        if (!isWeekend(date) && !closures.containsKey(date)) {
            earlyCloses.add(date);
        }
    }

    /** Saturday → preceding Friday, Sunday → following Monday (not used for New Year's Day on a Saturday). */
    private static LocalDate observed(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek weekday) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private void requireOpen(LocalDate date) {
        if (!isTradingDay(date)) {
            throw new IllegalArgumentException(
                    date + " is not an NYSE trading day (" + closureReason(date).orElse("closed") + ")");
        }
    }
}
