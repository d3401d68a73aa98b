package com.almreporting.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.calendar.TradingDayWindow.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TradingDayWindowTest {

    private static final NyseCalendar NYSE = NyseCalendar.instance();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant et(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @Test
    void windowRunsFromThePreviousCloseExclusiveToTheCloseInclusive() {
        TradingDayWindow window = NYSE.window(d("2025-07-18"));

        assertThat(window.day()).isEqualTo(d("2025-07-18"));
        assertThat(window.previousClose()).isEqualTo(Instant.parse("2025-07-17T20:00:00Z"));
        assertThat(window.open()).isEqualTo(Instant.parse("2025-07-18T13:30:00Z"));
        assertThat(window.close()).isEqualTo(Instant.parse("2025-07-18T20:00:00Z"));
        assertThat(window.zone()).isEqualTo(NEW_YORK);

        assertThat(window.contains(Instant.parse("2025-07-17T20:00:00Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2025-07-17T20:00:00.000000001Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2025-07-18T20:00:00Z"))).isTrue();
        assertThat(window.contains(Instant.parse("2025-07-18T20:00:00.000000001Z"))).isFalse();
    }

    @Test
    void eventExactlyAtTheCloseBelongsToThatDay() {
        assertThat(NYSE.tradingDayOf(Instant.parse("2025-07-18T20:00:00Z"))).isEqualTo(d("2025-07-18"));
    }

    @Test
    void eventOneNanosecondAfterTheCloseBelongsToTheNextTradingDay() {
        Instant justAfter = Instant.parse("2025-07-18T20:00:00.000000001Z");
        assertThat(NYSE.tradingDayOf(justAfter)).isEqualTo(d("2025-07-21"));
        assertThat(NYSE.window(d("2025-07-21")).contains(justAfter)).isTrue();
        assertThat(NYSE.window(d("2025-07-21")).sectionOf(justAfter)).isEqualTo(Section.OVERNIGHT);
    }

    @Test
    void weekendAndHolidayEventsBelongToTheNextTradingDay() {
        assertThat(NYSE.tradingDayOf(et("2025-07-19T11:00"))).isEqualTo(d("2025-07-21")); // Saturday
        assertThat(NYSE.tradingDayOf(et("2025-07-20T23:59"))).isEqualTo(d("2025-07-21")); // Sunday
        assertThat(NYSE.tradingDayOf(et("2025-07-04T12:00"))).isEqualTo(d("2025-07-07")); // Independence Day (Fri)
        assertThat(NYSE.tradingDayOf(et("2025-04-18T10:00"))).isEqualTo(d("2025-04-21")); // Good Friday
        assertThat(NYSE.tradingDayOf(et("2025-01-09T10:00"))).isEqualTo(d("2025-01-10")); // Carter day of mourning
        assertThat(NYSE.window(d("2025-07-21")).sectionOf(et("2025-07-19T11:00"))).isEqualTo(Section.OVERNIGHT);
    }

    @Test
    void eveningAfterThePreviousCloseIsOvernight() {
        Instant event = et("2025-07-17T16:20");
        assertThat(NYSE.tradingDayOf(event)).isEqualTo(d("2025-07-18"));
        assertThat(NYSE.window(d("2025-07-18")).sectionOf(event)).isEqualTo(Section.OVERNIGHT);
    }

    @Test
    void sameDayBeforeTheOpenIsPreMarket() {
        Instant event = et("2025-07-18T01:15");
        assertThat(NYSE.tradingDayOf(event)).isEqualTo(d("2025-07-18"));
        assertThat(NYSE.window(d("2025-07-18")).sectionOf(event)).isEqualTo(Section.PRE_MARKET);
        assertThat(NYSE.window(d("2025-07-18")).sectionOf(et("2025-07-18T09:29:59.999"))).isEqualTo(Section.PRE_MARKET);
    }

    @Test
    void fromTheOpenUpToAndIncludingTheCloseIsIntraday() {
        TradingDayWindow window = NYSE.window(d("2025-07-18"));
        assertThat(window.sectionOf(et("2025-07-18T09:30"))).isEqualTo(Section.INTRADAY);
        assertThat(window.sectionOf(et("2025-07-18T10:32"))).isEqualTo(Section.INTRADAY);
        assertThat(window.sectionOf(et("2025-07-18T16:00"))).isEqualTo(Section.INTRADAY);
    }

    @Test
    void sectionOfAnEventOutsideTheWindowFails() {
        TradingDayWindow window = NYSE.window(d("2025-07-18"));
        assertThatThrownBy(() -> window.sectionOf(et("2025-07-18T16:00:01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window.sectionOf(et("2025-07-17T16:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowAfterAnEarlyCloseStartsAtThe1300Close() {
        assertThat(NYSE.close(d("2025-11-28"))).isEqualTo(Instant.parse("2025-11-28T18:00:00Z"));
        TradingDayWindow monday = NYSE.window(d("2025-12-01"));
        assertThat(monday.previousClose()).isEqualTo(Instant.parse("2025-11-28T18:00:00Z"));

        Instant afterEarlyClose = et("2025-11-28T13:30");
        assertThat(NYSE.tradingDayOf(afterEarlyClose)).isEqualTo(d("2025-12-01"));
        assertThat(monday.sectionOf(afterEarlyClose)).isEqualTo(Section.OVERNIGHT);
        assertThat(NYSE.tradingDayOf(et("2025-11-28T13:00"))).isEqualTo(d("2025-11-28"));
        assertThat(NYSE.window(d("2025-11-28")).sectionOf(et("2025-11-28T12:59"))).isEqualTo(Section.INTRADAY);
    }

    @Test
    void windowAcrossThanksgivingStartsAtTheWednesdayClose() {
        TradingDayWindow blackFriday = NYSE.window(d("2025-11-28"));
        assertThat(blackFriday.previousClose()).isEqualTo(Instant.parse("2025-11-26T21:00:00Z")); // 16:00 EST
        assertThat(blackFriday.close()).isEqualTo(Instant.parse("2025-11-28T18:00:00Z")); // 13:00 EST

        Instant thanksgivingEvent = et("2025-11-27T11:00");
        assertThat(NYSE.tradingDayOf(thanksgivingEvent)).isEqualTo(d("2025-11-28"));
        assertThat(blackFriday.sectionOf(thanksgivingEvent)).isEqualTo(Section.OVERNIGHT);
    }

    @Test
    void windowAcrossTheSpringDstSwitchUsesEachDaysOwnOffset() {
        TradingDayWindow monday = NYSE.window(d("2025-03-10"));
        assertThat(monday.previousClose()).isEqualTo(Instant.parse("2025-03-07T21:00:00Z")); // 16:00 EST
        assertThat(monday.open()).isEqualTo(Instant.parse("2025-03-10T13:30:00Z")); // 09:30 EDT
        assertThat(monday.close()).isEqualTo(Instant.parse("2025-03-10T20:00:00Z")); // 16:00 EDT
    }

    @Test
    void windowOfAClosedDayFails() {
        assertThatThrownBy(() -> NYSE.window(d("2025-11-27"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Thanksgiving Day");
    }

    @Test
    void unorderedWindowIsRejected() {
        Instant close = Instant.parse("2025-07-18T20:00:00Z");
        Instant open = Instant.parse("2025-07-18T13:30:00Z");
        assertThatThrownBy(() -> new TradingDayWindow(d("2025-07-18"), open, open, close, NEW_YORK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradingDayWindow(d("2025-07-18"), open.minusSeconds(60), close, open, NEW_YORK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TradingDayWindow(null, open.minusSeconds(60), open, close, NEW_YORK))
                .isInstanceOf(NullPointerException.class);
    }
}
