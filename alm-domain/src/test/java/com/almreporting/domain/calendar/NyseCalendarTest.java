package com.almreporting.domain.calendar;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NyseCalendarTest {

    private static final NyseCalendar NYSE = NyseCalendar.instance();
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Published NYSE calendars (NYSE Group holiday & early-closings announcements for 2020-2028), written out by hand.
    // ---------------------------------------------------------------------------------------------------------------

    private static final Map<Integer, Map<LocalDate, String>> PUBLISHED_CLOSURES = Map.of(
            2020, Map.ofEntries(
                    entry(d("2020-01-01"), "New Year's Day"),
                    entry(d("2020-01-20"), "Martin Luther King, Jr. Day"),
                    entry(d("2020-02-17"), "Washington's Birthday"),
                    entry(d("2020-04-10"), "Good Friday"),
                    entry(d("2020-05-25"), "Memorial Day"),
                    entry(d("2020-07-03"), "Independence Day"), // July 4 is a Saturday
                    entry(d("2020-09-07"), "Labor Day"),
                    entry(d("2020-11-26"), "Thanksgiving Day"),
                    entry(d("2020-12-25"), "Christmas Day")),
            2021, Map.ofEntries(
                    entry(d("2021-01-01"), "New Year's Day"),
                    entry(d("2021-01-18"), "Martin Luther King, Jr. Day"),
                    entry(d("2021-02-15"), "Washington's Birthday"),
                    entry(d("2021-04-02"), "Good Friday"),
                    entry(d("2021-05-31"), "Memorial Day"),
                    entry(d("2021-07-05"), "Independence Day"), // July 4 is a Sunday
                    entry(d("2021-09-06"), "Labor Day"),
                    entry(d("2021-11-25"), "Thanksgiving Day"),
                    entry(d("2021-12-24"), "Christmas Day")), // Dec 25 is a Saturday; 2021-12-31 is open
            2022, Map.ofEntries(
                    // no New Year's Day: 2022-01-01 is a Saturday (NYSE Rule 7.2)
                    entry(d("2022-01-17"), "Martin Luther King, Jr. Day"),
                    entry(d("2022-02-21"), "Washington's Birthday"),
                    entry(d("2022-04-15"), "Good Friday"),
                    entry(d("2022-05-30"), "Memorial Day"),
                    entry(d("2022-06-20"), "Juneteenth National Independence Day"), // June 19 is a Sunday
                    entry(d("2022-07-04"), "Independence Day"),
                    entry(d("2022-09-05"), "Labor Day"),
                    entry(d("2022-11-24"), "Thanksgiving Day"),
                    entry(d("2022-12-26"), "Christmas Day")),
            2023, Map.ofEntries(
                    entry(d("2023-01-02"), "New Year's Day"),
                    entry(d("2023-01-16"), "Martin Luther King, Jr. Day"),
                    entry(d("2023-02-20"), "Washington's Birthday"),
                    entry(d("2023-04-07"), "Good Friday"),
                    entry(d("2023-05-29"), "Memorial Day"),
                    entry(d("2023-06-19"), "Juneteenth National Independence Day"),
                    entry(d("2023-07-04"), "Independence Day"),
                    entry(d("2023-09-04"), "Labor Day"),
                    entry(d("2023-11-23"), "Thanksgiving Day"),
                    entry(d("2023-12-25"), "Christmas Day")),
            2024, Map.ofEntries(
                    entry(d("2024-01-01"), "New Year's Day"),
                    entry(d("2024-01-15"), "Martin Luther King, Jr. Day"),
                    entry(d("2024-02-19"), "Washington's Birthday"),
                    entry(d("2024-03-29"), "Good Friday"),
                    entry(d("2024-05-27"), "Memorial Day"),
                    entry(d("2024-06-19"), "Juneteenth National Independence Day"),
                    entry(d("2024-07-04"), "Independence Day"),
                    entry(d("2024-09-02"), "Labor Day"),
                    entry(d("2024-11-28"), "Thanksgiving Day"),
                    entry(d("2024-12-25"), "Christmas Day")),
            2025, Map.ofEntries(
                    entry(d("2025-01-01"), "New Year's Day"),
                    entry(d("2025-01-09"), "National Day of Mourning for President Jimmy Carter"),
                    entry(d("2025-01-20"), "Martin Luther King, Jr. Day"),
                    entry(d("2025-02-17"), "Washington's Birthday"),
                    entry(d("2025-04-18"), "Good Friday"),
                    entry(d("2025-05-26"), "Memorial Day"),
                    entry(d("2025-06-19"), "Juneteenth National Independence Day"),
                    entry(d("2025-07-04"), "Independence Day"),
                    entry(d("2025-09-01"), "Labor Day"),
                    entry(d("2025-11-27"), "Thanksgiving Day"),
                    entry(d("2025-12-25"), "Christmas Day")),
            2026, Map.ofEntries(
                    entry(d("2026-01-01"), "New Year's Day"),
                    entry(d("2026-01-19"), "Martin Luther King, Jr. Day"),
                    entry(d("2026-02-16"), "Washington's Birthday"),
                    entry(d("2026-04-03"), "Good Friday"),
                    entry(d("2026-05-25"), "Memorial Day"),
                    entry(d("2026-06-19"), "Juneteenth National Independence Day"),
                    entry(d("2026-07-03"), "Independence Day"), // July 4 is a Saturday
                    entry(d("2026-09-07"), "Labor Day"),
                    entry(d("2026-11-26"), "Thanksgiving Day"),
                    entry(d("2026-12-25"), "Christmas Day")),
            2027, Map.ofEntries(
                    entry(d("2027-01-01"), "New Year's Day"),
                    entry(d("2027-01-18"), "Martin Luther King, Jr. Day"),
                    entry(d("2027-02-15"), "Washington's Birthday"),
                    entry(d("2027-03-26"), "Good Friday"),
                    entry(d("2027-05-31"), "Memorial Day"),
                    entry(d("2027-06-18"), "Juneteenth National Independence Day"), // June 19 is a Saturday
                    entry(d("2027-07-05"), "Independence Day"), // July 4 is a Sunday
                    entry(d("2027-09-06"), "Labor Day"),
                    entry(d("2027-11-25"), "Thanksgiving Day"),
                    entry(d("2027-12-24"), "Christmas Day")), // Dec 25 is a Saturday; 2027-12-31 is open
            2028, Map.ofEntries(
                    // no New Year's Day: 2028-01-01 is a Saturday
                    entry(d("2028-01-17"), "Martin Luther King, Jr. Day"),
                    entry(d("2028-02-21"), "Washington's Birthday"),
                    entry(d("2028-04-14"), "Good Friday"),
                    entry(d("2028-05-29"), "Memorial Day"),
                    entry(d("2028-06-19"), "Juneteenth National Independence Day"),
                    entry(d("2028-07-04"), "Independence Day"),
                    entry(d("2028-09-04"), "Labor Day"),
                    entry(d("2028-11-23"), "Thanksgiving Day"),
                    entry(d("2028-12-25"), "Christmas Day")));

    private static final Map<Integer, Set<LocalDate>> PUBLISHED_EARLY_CLOSES = Map.of(
            2020, Set.of(d("2020-11-27"), d("2020-12-24")),
            2021, Set.of(d("2021-11-26")), // no July 2 (July 4 Sunday), no Dec 23 (Dec 24 observed Christmas)
            2022, Set.of(d("2022-11-25")), // July 4 Monday: no early close on Friday July 1
            2023, Set.of(d("2023-07-03"), d("2023-11-24")),
            2024, Set.of(d("2024-07-03"), d("2024-11-29"), d("2024-12-24")),
            2025, Set.of(d("2025-07-03"), d("2025-11-28"), d("2025-12-24")),
            2026, Set.of(d("2026-11-27"), d("2026-12-24")), // July 3 is the observed holiday: no July 2 early close
            2027, Set.of(d("2027-11-26")), // no Dec 23 early close: Dec 24 is the observed Christmas
            2028, Set.of(d("2028-07-03"), d("2028-11-24")));

    static Stream<Arguments> publishedYears() {
        return new TreeSet<>(PUBLISHED_CLOSURES.keySet()).stream()
                .map(year -> Arguments.of(year, PUBLISHED_CLOSURES.get(year), PUBLISHED_EARLY_CLOSES.get(year)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedYears")
    void fullDayClosuresMatchThePublishedNyseCalendar(int year, Map<LocalDate, String> published, Set<LocalDate> early) {
        Map<LocalDate, String> actual = new TreeMap<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !NYSE.isTradingDay(day)) {
                actual.put(day, NYSE.closureReason(day).orElseThrow());
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(published));
        assertThat(NYSE.closures(year)).isEqualTo(actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedYears")
    void earlyClosesMatchThePublishedNyseCalendar(int year, Map<LocalDate, String> published, Set<LocalDate> early) {
        Set<LocalDate> actual = new TreeSet<>();
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (NYSE.isEarlyClose(day)) {
                actual.add(day);
                assertThat(NYSE.closeTime(day)).isEqualTo(LocalTime.of(13, 0));
            } else if (NYSE.isTradingDay(day)) {
                assertThat(NYSE.closeTime(day)).isEqualTo(LocalTime.of(16, 0));
            }
        }
        assertThat(actual).isEqualTo(new TreeSet<>(early));
        assertThat(NYSE.earlyCloses(year)).isEqualTo(actual);
    }

    @Test
    void tradingDayCountsMatchPublishedTotals() {
        assertThat(NYSE.tradingDays(d("2024-01-01"), d("2024-12-31"))).hasSize(252);
        assertThat(NYSE.tradingDays(d("2025-01-01"), d("2025-12-31"))).hasSize(250);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Individual rules.
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void goodFridayIsClosed() {
        assertThat(NYSE.isTradingDay(d("2025-04-18"))).isFalse();
        assertThat(NYSE.closureReason(d("2025-04-18"))).contains("Good Friday");
        assertThat(NYSE.isTradingDay(d("2025-04-17"))).isTrue();
        assertThat(NYSE.isTradingDay(d("2025-04-21"))).isTrue(); // Easter Monday is a trading day
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2025-04-20",
            "2038-04-25", "2285-03-22", "1943-04-25"})
    void easterSundayFollowsTheAnonymousGregorianAlgorithm(String easter) {
        LocalDate date = d(easter);
        assertThat(NyseCalendar.easterSunday(date.getYear())).isEqualTo(date);
    }

    @Test
    void saturdayNewYearIsNotObservedOnThePrecedingFriday() {
        assertThat(NYSE.isTradingDay(d("2021-12-31"))).isTrue();
        assertThat(NYSE.isTradingDay(d("2027-12-31"))).isTrue();
        assertThat(NYSE.isEarlyClose(d("2021-12-31"))).isFalse();
        assertThat(NYSE.closureReason(d("2022-01-01"))).contains("Saturday");
        assertThat(NYSE.nextTradingDay(d("2021-12-31"))).isEqualTo(d("2022-01-03"));
    }

    @Test
    void sundayNewYearIsObservedOnMonday() {
        assertThat(NYSE.closureReason(d("2023-01-02"))).contains("New Year's Day");
        assertThat(NYSE.closureReason(d("2023-01-01"))).contains("Sunday");
    }

    @Test
    void martinLutherKingDayIsClosedFrom1998Only() {
        assertThat(NYSE.isTradingDay(d("1997-01-20"))).isTrue();
        assertThat(NYSE.closureReason(d("1998-01-19"))).contains("Martin Luther King, Jr. Day");
    }

    @Test
    void juneteenthIsClosedFrom2022OnlyAndMovesOffWeekends() {
        assertThat(NYSE.isTradingDay(d("2021-06-18"))).isTrue(); // June 19, 2021 was a Saturday, not yet observed
        assertThat(NYSE.closureReason(d("2022-06-20"))).contains("Juneteenth National Independence Day");
        assertThat(NYSE.closureReason(d("2027-06-18"))).contains("Juneteenth National Independence Day");
    }

    @Test
    void saturdayIndependenceDayIsObservedOnFridayWithoutAnyEarlyClose() {
        assertThat(NYSE.closureReason(d("2026-07-03"))).contains("Independence Day");
        assertThat(NYSE.isEarlyClose(d("2026-07-02"))).isFalse();
        assertThat(NYSE.isEarlyClose(d("2020-07-02"))).isFalse();
        assertThat(NYSE.closureReason(d("2026-07-04"))).contains("Saturday");
    }

    @Test
    void sundayIndependenceDayIsObservedOnMondayWithoutAnEarlyCloseOnFriday() {
        assertThat(NYSE.closureReason(d("2021-07-05"))).contains("Independence Day");
        assertThat(NYSE.isEarlyClose(d("2021-07-02"))).isFalse();
        assertThat(NYSE.isEarlyClose(d("2027-07-02"))).isFalse();
    }

    @Test
    void dayBeforeIndependenceDayClosesEarlyWhenItIsATradingWeekday() {
        assertThat(NYSE.isEarlyClose(d("2023-07-03"))).isTrue(); // Monday
        assertThat(NYSE.isEarlyClose(d("2024-07-03"))).isTrue(); // Wednesday
        assertThat(NYSE.isEarlyClose(d("2025-07-03"))).isTrue(); // Thursday
        assertThat(NYSE.isEarlyClose(d("2019-07-03"))).isTrue(); // Wednesday
        assertThat(NYSE.isEarlyClose(d("2013-07-03"))).isTrue(); // Wednesday, first year of the current practice
        assertThat(NYSE.close(d("2025-07-03"))).isEqualTo(Instant.parse("2025-07-03T17:00:00Z"));
    }

    @Test
    void before2013AThursdayIndependenceDayGaveAnEarlyCloseOnFridayJuly5() {
        assertThat(NYSE.isEarlyClose(d("2002-07-05"))).isTrue();
        assertThat(NYSE.isEarlyClose(d("2002-07-03"))).isFalse();
    }

    @Test
    void dayAfterThanksgivingClosesEarly() {
        assertThat(NYSE.isEarlyClose(d("2025-11-28"))).isTrue();
        assertThat(NYSE.closeTime(d("2025-11-28"))).isEqualTo(LocalTime.of(13, 0));
        assertThat(NYSE.close(d("2025-11-28"))).isEqualTo(Instant.parse("2025-11-28T18:00:00Z"));
        assertThat(NYSE.closureReason(d("2025-11-27"))).contains("Thanksgiving Day");
    }

    @Test
    void christmasEveClosesEarlyWhenItIsATradingWeekday() {
        assertThat(NYSE.isEarlyClose(d("2019-12-24"))).isTrue();
        assertThat(NYSE.isEarlyClose(d("2020-12-24"))).isTrue();
        assertThat(NYSE.isEarlyClose(d("2024-12-24"))).isTrue();
        assertThat(NYSE.isEarlyClose(d("2025-12-24"))).isTrue();
        assertThat(NYSE.isEarlyClose(d("2026-12-24"))).isTrue();
    }

    @Test
    void saturdayChristmasIsObservedOnFridayAndDecember23IsAFullDay() {
        assertThat(NYSE.closureReason(d("2021-12-24"))).contains("Christmas Day");
        assertThat(NYSE.isEarlyClose(d("2021-12-24"))).isFalse();
        assertThat(NYSE.isEarlyClose(d("2021-12-23"))).isFalse();
        assertThat(NYSE.closureReason(d("2027-12-24"))).contains("Christmas Day");
        assertThat(NYSE.isEarlyClose(d("2027-12-23"))).isFalse();
        assertThat(NYSE.closeTime(d("2027-12-23"))).isEqualTo(LocalTime.of(16, 0));
    }

    @Test
    void oneOffClosuresAreClosedWithTheirReason() {
        assertThat(NYSE.closureReason(d("2025-01-09"))).contains("National Day of Mourning for President Jimmy Carter");
        assertThat(NYSE.closureReason(d("2018-12-05")))
                .contains("National Day of Mourning for President George H.W. Bush");
        assertThat(NYSE.closureReason(d("2012-10-29"))).contains("Hurricane Sandy");
        assertThat(NYSE.closureReason(d("2012-10-30"))).contains("Hurricane Sandy");
        assertThat(NYSE.closureReason(d("2007-01-02"))).contains("National Day of Mourning for President Gerald Ford");
        assertThat(NYSE.closureReason(d("2004-06-11")))
                .contains("National Day of Mourning for President Ronald Reagan");
        assertThat(NYSE.tradingDays(d("2001-09-10"), d("2001-09-17")))
                .containsExactly(d("2001-09-10"), d("2001-09-17"));
    }

    @Test
    void closureReasonNamesTheWeekendDayAndIsEmptyOnTradingDays() {
        assertThat(NYSE.closureReason(d("2025-07-19"))).contains("Saturday");
        assertThat(NYSE.closureReason(d("2025-07-20"))).contains("Sunday");
        assertThat(NYSE.closureReason(d("2025-07-18"))).isEmpty();
        assertThat(NYSE.closureReason(d("2025-11-28"))).isEmpty(); // early close is still a trading day
    }

    @Test
    void sessionTimesFailOnClosedDays() {
        assertThatThrownBy(() -> NYSE.openTime(d("2025-04-18"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Good Friday");
        assertThatThrownBy(() -> NYSE.closeTime(d("2025-07-19"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Saturday");
        assertThatThrownBy(() -> NYSE.open(d("2025-01-09"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Carter");
        assertThat(NYSE.isEarlyClose(d("2025-12-25"))).isFalse();
    }

    @Test
    void previousAndNextTradingDaySkipWeekendsHolidaysAndOneOffClosures() {
        assertThat(NYSE.nextTradingDay(d("2025-07-18"))).isEqualTo(d("2025-07-21"));
        assertThat(NYSE.previousTradingDay(d("2025-07-21"))).isEqualTo(d("2025-07-18"));
        assertThat(NYSE.nextTradingDay(d("2025-01-08"))).isEqualTo(d("2025-01-10"));
        assertThat(NYSE.nextTradingDay(d("2025-07-03"))).isEqualTo(d("2025-07-07"));
        assertThat(NYSE.previousTradingDay(d("2025-12-26"))).isEqualTo(d("2025-12-24"));
        assertThat(NYSE.previousTradingDay(d("2025-01-02"))).isEqualTo(d("2024-12-31"));
        assertThat(NYSE.nextTradingDay(d("2001-09-10"))).isEqualTo(d("2001-09-17"));
        assertThat(NYSE.previousTradingDay(d("2025-04-21"))).isEqualTo(d("2025-04-17"));
        // strictly before/after, also from a trading day and from a closed day
        assertThat(NYSE.nextTradingDay(d("2025-07-19"))).isEqualTo(d("2025-07-21"));
        assertThat(NYSE.previousTradingDay(d("2025-07-19"))).isEqualTo(d("2025-07-18"));
    }

    @Test
    void tradingDaysListsBothEndsInclusive() {
        assertThat(NYSE.tradingDays(d("2025-12-22"), d("2026-01-05"))).containsExactly(
                d("2025-12-22"), d("2025-12-23"), d("2025-12-24"), d("2025-12-26"), d("2025-12-29"),
                d("2025-12-30"), d("2025-12-31"), d("2026-01-02"), d("2026-01-05"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // DST: instants are computed in America/New_York.
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void sessionInstantsFollowTheSpringDstSwitch() {
        // 2025-03-09: EST (UTC-5) -> EDT (UTC-4)
        assertThat(NYSE.open(d("2025-03-07"))).isEqualTo(Instant.parse("2025-03-07T14:30:00Z"));
        assertThat(NYSE.close(d("2025-03-07"))).isEqualTo(Instant.parse("2025-03-07T21:00:00Z"));
        assertThat(NYSE.open(d("2025-03-10"))).isEqualTo(Instant.parse("2025-03-10T13:30:00Z"));
        assertThat(NYSE.close(d("2025-03-10"))).isEqualTo(Instant.parse("2025-03-10T20:00:00Z"));
    }

    @Test
    void sessionInstantsFollowTheAutumnDstSwitch() {
        // 2025-11-02: EDT (UTC-4) -> EST (UTC-5)
        assertThat(NYSE.open(d("2025-10-31"))).isEqualTo(Instant.parse("2025-10-31T13:30:00Z"));
        assertThat(NYSE.close(d("2025-10-31"))).isEqualTo(Instant.parse("2025-10-31T20:00:00Z"));
        assertThat(NYSE.open(d("2025-11-03"))).isEqualTo(Instant.parse("2025-11-03T14:30:00Z"));
        assertThat(NYSE.close(d("2025-11-03"))).isEqualTo(Instant.parse("2025-11-03T21:00:00Z"));
    }

    @Test
    void openIs2130HongKongTimeUnderEdtAnd2230UnderEst() {
        // Hong Kong has no DST (UTC+8): 09:30 EDT = 21:30 HKT, 09:30 EST = 22:30 HKT
        assertThat(NYSE.open(d("2025-03-10")).atZone(HONG_KONG).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2025-03-10T21:30"));
        assertThat(NYSE.open(d("2025-03-07")).atZone(HONG_KONG).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2025-03-07T22:30"));
        assertThat(NYSE.open(d("2025-10-31")).atZone(HONG_KONG).toLocalTime()).isEqualTo(LocalTime.of(21, 30));
        assertThat(NYSE.open(d("2025-11-03")).atZone(HONG_KONG).toLocalTime()).isEqualTo(LocalTime.of(22, 30));
    }

    @Test
    void zoneIsNewYork() {
        assertThat(NYSE.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(NyseCalendar.instance()).isSameAs(NYSE);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Thread safety of the lazy per-year cache.
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void concurrentFirstUseOfAFreshCalendarGivesTheSameAnswersAsSequentialUse() throws Exception {
        NyseCalendar fresh = new NyseCalendar();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<LocalDate>>> tasks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                tasks.add(() -> fresh.tradingDays(d("1990-01-01"), d("2060-12-31")));
            }
            List<LocalDate> expected = NYSE.tradingDays(d("1990-01-01"), d("2060-12-31"));
            for (Future<List<LocalDate>> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void perYearTablesAreUnmodifiable() {
        assertThatThrownBy(() -> NYSE.closures(2025).put(d("2025-07-18"), "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> NYSE.earlyCloses(2025).add(d("2025-07-18")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Independent cross-check against jollyday's NYSE calendar.
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class CrossCheckWithJollyday {

        private static final HolidayManager JOLLYDAY =
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NYSE));

        /**
         * Justified differences. jollyday moves a Saturday New Year's Day to the preceding Friday (2021-12-31 for
         * 2022, 2027-12-31 for 2028), which NYSE Rule 7.2 does not do (NYSE's published calendars list no New Year's
         * holiday in 2022 and 2028); jollyday 1.5.1 does not have the 2025-01-09 day of mourning for President Carter.
         */
        private static final Map<Integer, Set<LocalDate>> ONLY_IN_JOLLYDAY = Map.of(
                2021, Set.of(d("2021-12-31")),
                2027, Set.of(d("2027-12-31")));
        private static final Map<Integer, Set<LocalDate>> ONLY_IN_NYSE_CALENDAR = Map.of(
                2025, Set.of(d("2025-01-09")));

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
        void weekdayClosuresEqualJollydayNyseHolidaysApartFromListedDifferences(int year) {
            Set<LocalDate> jollyday = jollydayWeekdayHolidays(year);
            assertThat(jollyday).as("jollyday NYSE holidays of %d", year).isNotEmpty().hasSizeGreaterThan(8);

            Set<LocalDate> ours = new TreeSet<>();
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5 && !NYSE.isTradingDay(day)) {
                    ours.add(day);
                }
            }

            assertThat(difference(jollyday, ours)).as("only in jollyday, %d", year)
                    .isEqualTo(ONLY_IN_JOLLYDAY.getOrDefault(year, Set.of()));
            assertThat(difference(ours, jollyday)).as("only in NyseCalendar, %d", year)
                    .isEqualTo(ONLY_IN_NYSE_CALENDAR.getOrDefault(year, Set.of()));
        }

        /** Weekday holiday dates falling in {@code year}, whichever jollyday year produced them (observed moves). */
        private Set<LocalDate> jollydayWeekdayHolidays(int year) {
            return Stream.of(year - 1, year, year + 1)
                    .flatMap(y -> JOLLYDAY.getHolidays(Year.of(y)).stream())
                    .map(Holiday::getDate)
                    .filter(date -> date.getYear() == year && date.getDayOfWeek().getValue() <= 5)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        private Set<LocalDate> difference(Set<LocalDate> a, Set<LocalDate> b) {
            Set<LocalDate> result = new TreeSet<>(a);
            result.removeAll(b);
            return result;
        }
    }
}
