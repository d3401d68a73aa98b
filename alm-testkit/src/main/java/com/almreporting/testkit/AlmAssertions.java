package com.almreporting.testkit;

import com.almreporting.domain.report.NarrativeReport;
import org.assertj.core.api.Assertions;

/**
 * The AssertJ entry point for ALM Reporting: everything {@link Assertions} offers, plus fluent assertions on a
 * {@link NarrativeReport}, its trading days and their trade blocks. Figures compare by value, so
 * {@code "79231.03"} equals {@code 79231.030}.
 *
 * <pre>{@code
 * import static com.almreporting.testkit.AlmAssertions.assertThat;
 *
 * assertThat(report).day("2025-07-17").residualLabel().isEqualTo(ResidualLabel.MARK_TO_MARKET);
 * assertThat(report).day("2025-07-18").block(0).totalBase().isEqualTo("-1145.44");
 * assertThat(report).day("2025-07-18").closingNav().isEqualTo("79231.03");
 * }</pre>
 *
 * <p>Stateless and thread-safe; each assertion object is for one use on one thread, as in AssertJ.
 */
public final class AlmAssertions extends Assertions {

    private AlmAssertions() {
    }

    /**
     * Starts assertions on a narrative report.
     *
     * @param actual the report under test
     * @return the assertion object
     */
    public static NarrativeReportAssert assertThat(NarrativeReport actual) {
        return new NarrativeReportAssert(actual);
    }
}
