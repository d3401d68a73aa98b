package com.almreporting.testkit;

import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.TradingDayReport;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link NarrativeReport}: its account, currency and days, and the way into one day.
 *
 * <pre>{@code
 * assertThat(report).hasDays("2025-07-17", "2025-07-18").hasBaseCurrency("HKD");
 * assertThat(report).day("2025-07-17").openingNav().isEqualTo("79498.68");
 * }</pre>
 *
 * <p>Not thread-safe (as every AssertJ assertion object); the report itself is immutable.
 */
public final class NarrativeReportAssert extends AbstractAssert<NarrativeReportAssert, NarrativeReport> {

    NarrativeReportAssert(NarrativeReport actual) {
        super(actual, NarrativeReportAssert.class);
    }

    /**
     * Asserts on one trading day of the report.
     *
     * @param date the trading day, {@code yyyy-MM-dd}
     * @return assertions on that day
     */
    public TradingDayAssert day(String date) {
        return day(LocalDate.parse(date));
    }

    /**
     * Asserts on one trading day of the report; fails when the report has no such day.
     *
     * @param date the trading day
     * @return assertions on that day
     */
    public TradingDayAssert day(LocalDate date) {
        isNotNull();
        TradingDayReport day = actual.days().stream().filter(d -> d.day().equals(date)).findFirst().orElse(null);
        if (day == null) {
            failWithMessage("Expected the report to have trading day %s but it has %s", date, days());
        }
        return new TradingDayAssert(day);
    }

    /**
     * Verifies the report's trading days, in order.
     *
     * @param dates the expected days, {@code yyyy-MM-dd}
     * @return this assertion object
     */
    public NarrativeReportAssert hasDays(String... dates) {
        isNotNull();
        List<LocalDate> expected = Arrays.stream(dates).map(LocalDate::parse).toList();
        if (!days().equals(expected)) {
            failWithMessage("Expected the report's trading days to be %s but were %s", expected, days());
        }
        return this;
    }

    /**
     * Verifies the account's base currency.
     *
     * @param currency e.g. {@code "HKD"}
     * @return this assertion object
     */
    public NarrativeReportAssert hasBaseCurrency(String currency) {
        isNotNull();
        if (!currency.equals(actual.baseCurrency())) {
            failWithMessage("Expected base currency %s but was %s", currency, actual.baseCurrency());
        }
        return this;
    }

    /**
     * Verifies the report's account.
     *
     * @param account the account id, e.g. {@code "U1234567"}
     * @return this assertion object
     */
    public NarrativeReportAssert hasAccount(String account) {
        isNotNull();
        if (!account.equals(actual.account().value())) {
            failWithMessage("Expected account %s but was %s", account, actual.account().masked());
        }
        return this;
    }

    private List<LocalDate> days() {
        return actual.days().stream().map(TradingDayReport::day).toList();
    }
}
