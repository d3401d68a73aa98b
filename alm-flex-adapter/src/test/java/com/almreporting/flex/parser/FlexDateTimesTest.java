package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.model.EventTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlexDateTimesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final FlexDateTimes us = new FlexDateTimes(NEW_YORK, DateOrder.US);
    private final FlexDateTimes european = new FlexDateTimes(NEW_YORK, DateOrder.EUROPEAN);

    private static Instant exact(EventTime time) {
        assertThat(time).isInstanceOf(EventTime.Exact.class);
        return ((EventTime.Exact) time).instant();
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "20250717, 2025-07-17",
                "2025-07-17, 2025-07-17",
                "07/17/2025, 2025-07-17",
                "07/17/25, 2025-07-17",
                "7/4/2025, 2025-07-04",
                "17-Jul-25, 2025-07-17",
                "17-JUL-25, 2025-07-17",
                "17-jul-25, 2025-07-17",
                "1-May-21, 2021-05-01",
                "04-Jan-21, 2021-01-04",
        })
        void everyUsFlexDateFormatIsRead(String text, LocalDate expected) {
            assertThat(us.parseDate(text)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "17/07/2025, 2025-07-17",
                "17/07/25, 2025-07-17",
                "20250717, 2025-07-17",
                "2025-07-17, 2025-07-17",
                "17-Jul-25, 2025-07-17",
        })
        void europeanOrderReadsSlashDatesDayFirstAndLeavesTheOthersAlone(String text, LocalDate expected) {
            assertThat(european.parseDate(text)).isEqualTo(expected);
        }

        @Test
        void anAmbiguousSlashDateFollowsTheConfiguredOrder() {
            assertThat(us.parseDate("07/08/2025")).isEqualTo(LocalDate.of(2025, 7, 8));
            assertThat(european.parseDate("07/08/2025")).isEqualTo(LocalDate.of(2025, 8, 7));
            assertThat(us.parseDate("07/08/25")).isEqualTo(LocalDate.of(2025, 7, 8));
            assertThat(european.parseDate("07/08/25")).isEqualTo(LocalDate.of(2025, 8, 7));
        }

        @Test
        void aSlashDateImpossibleInTheConfiguredOrderIsRefusedWithAHintNotSwapped() {
            assertThatThrownBy(() -> us.parseDate("17/07/2025"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("MM/dd/yyyy")
                    .hasMessageContaining("'17/07/2025'")
                    .hasMessageContaining("DateOrder.EUROPEAN");
            assertThatThrownBy(() -> european.parseDate("07/17/25"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("dd/MM/yy")
                    .hasMessageContaining("DateOrder.US");
        }

        @Test
        void aSlashDateImpossibleInBothOrdersGetsNoHint() {
            assertThatThrownBy(() -> us.parseDate("13/13/2025"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("'13/13/2025'")
                    .hasMessageNotContaining("DateOrder.EUROPEAN");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2025-02-30", "20250230", "20251301", "02/30/2025", "30-Feb-25", "2025-13-01"})
        void impossibleCalendarDatesAreRefused(String text) {
            assertThatThrownBy(() -> us.parseDate(text))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("'" + text + "'");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"abc", "2025/07/17", "17-Foo-25", "2025717", "17.07.2025", "MULTI"})
        void unknownShapesAreRefusedNamingTheFormats(String text) {
            assertThatThrownBy(() -> us.parseDate(text))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("expected a date");
        }

        @Test
        void blankIsRefused() {
            assertThatThrownBy(() -> us.parseDate(" ")).isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("expected a date");
            assertThatThrownBy(() -> us.parseDateTime(null)).isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("got nothing");
        }

        @Test
        void leapDaysAreValidOnlyInLeapYears() {
            assertThat(us.parseDate("20240229")).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThatThrownBy(() -> us.parseDate("20250229")).isInstanceOf(DateTimeException.class);
        }
    }

    @Nested
    class Separators {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {
                "20250717;162000",
                "20250717,162000",
                "20250717, 162000",
                "20250717 162000",
                "20250717162000",
                "2025-07-17;16:20:00",
                "2025-07-17,16:20:00",
                "2025-07-17, 16:20:00",
                "2025-07-17 16:20:00",
                "2025-07-17T16:20:00",
                "2025-07-17;162000",
                "07/17/2025;16:20:00",
                "07/17/25 162000",
                "17-Jul-25 16:20:00",
                "17-Jul-25;162000",
        })
        void everySeparatorAndTimeFormatGivesTheSameInstant(String text) {
            // 16:20 EDT (UTC-4) = 20:20 UTC
            assertThat(exact(us.parseDateTime(text))).isEqualTo(Instant.parse("2025-07-17T20:20:00Z"));
        }

        @Test
        void europeanSlashDateTimes() {
            assertThat(exact(european.parseDateTime("17/07/2025;16:20:00")))
                    .isEqualTo(Instant.parse("2025-07-17T20:20:00Z"));
            assertThat(exact(european.parseDateTime("17/07/25 162000")))
                    .isEqualTo(Instant.parse("2025-07-17T20:20:00Z"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"20250717", "2025-07-17", "07/17/2025", "17-Jul-25"})
        void aDateWithoutATimeIsADateOnlyEventTime(String text) {
            assertThat(us.parseDateTime(text)).isEqualTo(EventTime.on(LocalDate.of(2025, 7, 17)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2025-07-17;16:20", "2025-07-17;25:00:00", "2025-07-17;16:60:00",
                "2025-07-17;16:20:61", "2025-07-17;1620", "2025-07-17 at 16:20:00", "2025-07-17;;16:20:00",
                "202507171620"})
        void malformedTimesAreRefused(String text) {
            assertThatThrownBy(() -> us.parseDateTime(text))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("'");
        }

        @Test
        void timesAloneAreReadInBothFormats() {
            assertThat(us.parseTime("162000")).isEqualTo(LocalTime.of(16, 20));
            assertThat(us.parseTime("16:20:00")).isEqualTo(LocalTime.of(16, 20));
            assertThat(us.parseTime("00:00:00")).isEqualTo(LocalTime.MIDNIGHT);
            assertThatThrownBy(() -> us.parseTime("240000")).isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("hour must be 0-23");
        }
    }

    @Nested
    class Zones {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                // New York, both DST states, and the generic name
                "'2025-04-25;10:19:55 EDT', 2025-04-25T14:19:55Z",
                "'2025-01-15;10:00:00 EST', 2025-01-15T15:00:00Z",
                "'2025-07-15;10:00:00 ET', 2025-07-15T14:00:00Z",
                "'2025-01-15;10:00:00 ET', 2025-01-15T15:00:00Z",
                "'2025-07-15;10:00:00 edt', 2025-07-15T14:00:00Z",
                // Hong Kong has no DST
                "'2025-07-18;04:20:00 HKT', 2025-07-17T20:20:00Z",
                "'2025-01-18;05:20:00 HKT', 2025-01-17T21:20:00Z",
                // Sydney: winter AEST (+10), summer AEDT (+11)
                "'2025-05-22 20:41:57 AEST', 2025-05-22T10:41:57Z",
                "'2025-01-22 20:41:57 AEDT', 2025-01-22T09:41:57Z",
                // Central Europe
                "'2025-01-15;16:00:00 CET', 2025-01-15T15:00:00Z",
                "'2025-07-15;16:00:00 CEST', 2025-07-15T14:00:00Z",
                // London and UTC
                "'2025-01-15;16:00:00 GMT', 2025-01-15T16:00:00Z",
                "'2025-07-15;16:00:00 BST', 2025-07-15T15:00:00Z",
                "'2025-07-15;16:00:00 UTC', 2025-07-15T16:00:00Z",
                "'2025-07-15T16:00:00Z', 2025-07-15T16:00:00Z",
                // numeric offsets (legacy "T+offset" values)
                "'2025-07-15T16:00:00-04:00', 2025-07-15T20:00:00Z",
                "'20250715;160000-0400', 2025-07-15T20:00:00Z",
                "'2025-07-15T16:00:00+08', 2025-07-15T08:00:00Z",
        })
        void aZoneSuffixDecidesTheOffset(String text, Instant expected) {
            assertThat(exact(us.parseDateTime(text))).isEqualTo(expected);
        }

        @Test
        void aSuffixWinsOverTheStatementZone() {
            FlexDateTimes hongKong = new FlexDateTimes(ZoneId.of("Asia/Hong_Kong"), DateOrder.US);
            assertThat(exact(hongKong.parseDateTime("2025-04-25;10:19:55 EDT")))
                    .isEqualTo(Instant.parse("2025-04-25T14:19:55Z"));
        }

        @Test
        void withoutASuffixTheStatementZoneAppliesInBothDstStates() {
            assertThat(exact(us.parseDateTime("20250117;162000"))).isEqualTo(Instant.parse("2025-01-17T21:20:00Z"));
            assertThat(exact(us.parseDateTime("20250717;162000"))).isEqualTo(Instant.parse("2025-07-17T20:20:00Z"));
            FlexDateTimes sydney = new FlexDateTimes(ZoneId.of("Australia/Sydney"), DateOrder.US);
            assertThat(exact(sydney.parseDateTime("2023-03-02;12:20:00")))
                    .isEqualTo(Instant.parse("2023-03-02T01:20:00Z"));
            assertThat(exact(sydney.parseDateTime("2023-09-15;10:20:00")))
                    .isEqualTo(Instant.parse("2023-09-15T00:20:00Z"));
        }

        @Test
        void inTheRepeatedAutumnHourTheAbbreviationPicksTheOffset() {
            assertThat(exact(us.parseDateTime("2025-11-02;01:30:00 EDT")))
                    .isEqualTo(Instant.parse("2025-11-02T05:30:00Z"));
            assertThat(exact(us.parseDateTime("2025-11-02;01:30:00 EST")))
                    .isEqualTo(Instant.parse("2025-11-02T06:30:00Z"));
            // no suffix: the earlier offset, as java.time does
            assertThat(exact(us.parseDateTime("2025-11-02;01:30:00")))
                    .isEqualTo(Instant.parse("2025-11-02T05:30:00Z"));
        }

        @Test
        void aLocalTimeInTheSpringGapMovesForwardByTheGap() {
            assertThat(exact(us.parseDateTime("2025-03-09;02:30:00")))
                    .isEqualTo(Instant.parse("2025-03-09T07:30:00Z"));
        }

        @Test
        void anUnknownAbbreviationIsRefusedNamingIt() {
            assertThatThrownBy(() -> us.parseDateTime("2025-07-15;16:00:00 XYZ"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("unknown time-zone abbreviation 'XYZ'");
            // CST is US Central or China Standard Time: refused rather than guessed
            assertThatThrownBy(() -> us.parseDateTime("2025-07-15;16:00:00 CST"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("'CST'");
        }

        @Test
        void abbreviationsBelongToTheirRegions() {
            assertThat(FlexDateTimes.regionOf("EDT")).isEqualTo(NEW_YORK);
            assertThat(FlexDateTimes.regionOf("EST")).isEqualTo(NEW_YORK);
            assertThat(FlexDateTimes.regionOf("HKT")).isEqualTo(ZoneId.of("Asia/Hong_Kong"));
            assertThat(FlexDateTimes.regionOf("AEDT")).isEqualTo(ZoneId.of("Australia/Sydney"));
            assertThat(FlexDateTimes.regionOf("BST")).isEqualTo(ZoneId.of("Europe/London"));
        }
    }

    /** The regular-expression-free path for the common shapes must read exactly as the general path does. */
    @Nested
    class FastPath {

        private static final List<String> DATES = List.of("20250717", "2025-07-17", "20240229", "20250229",
                "2025-02-30", "20251301", "20250700", "2025-7-17", "2025-07-1", "07/17/2025", "17-Jul-25", "2025071",
                "0000-01-01", "99991231", "2025-07-17x", "2O250717");
        private static final List<String> SEPARATORS = List.of("", ";", ",", ", ", " ", "T", "\t", ",  ", ";;", "-");
        private static final List<String> TIMES = List.of("", "162000", "16:20:00", "9:45:00", "240000", "23:59:59",
                "16:60:00", "1620", "16200", "1620001", "16:20", "16-20-00", "01:30:00");
        private static final List<String> ZONES = List.of("", " EDT", "EDT", " edt", " ET", " HKT", " AEDT", " Z",
                " XYZ", " -04:00", " +0800", "  EST", " TOOLONG", " E1", ";");

        @Test
        void whateverTheFastPathReadsTheGeneralPathReadsTheSame() {
            int fast = 0;
            for (FlexDateTimes times : List.of(us, european, new FlexDateTimes(ZoneId.of("Asia/Hong_Kong"), DateOrder.US))) {
                for (String date : DATES) {
                    for (String separator : SEPARATORS) {
                        for (String time : TIMES) {
                            for (String zone : ZONES) {
                                String text = date + separator + time + zone;
                                EventTime quick = times.fastDateTime(text);
                                if (quick == null) {
                                    continue;
                                }
                                fast++;
                                assertThat(times.generalDateTime(text, text)).as(text).isEqualTo(quick);
                            }
                        }
                    }
                }
            }
            assertThat(fast).as("inputs the fast path read").isGreaterThan(500);
        }

        @Test
        void theShapesIbkrWritesTakeTheFastPath() {
            for (String text : List.of("20250717", "2025-07-17", "20250717;162000", "2025-07-17;16:20:00",
                    "2025-07-17, 16:20:00", "2025-07-17,16:20:00", "2025-07-17 16:20:00", "2025-07-17T16:20:00",
                    "20250717162000", "2025-07-17;16:20:00 EDT", "20250422 202000", "2025-04-26;13:34:28 EDT")) {
                assertThat(us.fastDateTime(text)).as(text).isNotNull().isEqualTo(us.generalDateTime(text, text));
            }
        }

        @Test
        void datesTheFastPathReadsAreTheGeneralPathsDates() {
            for (String date : DATES) {
                LocalDate quick = FlexDateTimes.fastDate(date, 0, date.length());
                if (quick != null) {
                    assertThat(us.generalDate(date, date)).as(date).isEqualTo(quick);
                }
            }
            assertThat(FlexDateTimes.fastDate("20250229", 0, 8)).isNull();
            assertThat(FlexDateTimes.fastDate("20240229", 0, 8)).isEqualTo(LocalDate.of(2024, 2, 29));
        }

        @Test
        void errorsAreWordedByTheGeneralPath() {
            assertThatThrownBy(() -> us.parseDateTime("2025-02-30;10:00:00"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("expected a date in yyyy-MM-dd, got '2025-02-30'");
            assertThatThrownBy(() -> us.parseDateTime("20250717;240000"))
                    .isInstanceOf(DateTimeException.class)
                    .hasMessageContaining("hour must be 0-23");
        }
    }

    @Test
    void aDateOnlyInstantIsTheStartOfThatDayInTheStatementZone() {
        assertThat(us.parseInstant("20250717")).isEqualTo(Instant.parse("2025-07-17T04:00:00Z"));
        assertThat(us.parseInstant("2025-04-26;13:34:28 EDT")).isEqualTo(Instant.parse("2025-04-26T17:34:28Z"));
    }

    @Test
    void ibkrDefaultsAreNewYorkAndUsDates() {
        assertThat(FlexDateTimes.ibkrDefaults().statementZone()).isEqualTo(NEW_YORK);
        assertThat(FlexDateTimes.ibkrDefaults().dateOrder()).isEqualTo(DateOrder.US);
    }
}
