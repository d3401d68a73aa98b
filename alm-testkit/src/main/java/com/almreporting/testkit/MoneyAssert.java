package com.almreporting.testkit;

import java.math.BigDecimal;
import org.assertj.core.api.AbstractBigDecimalAssert;

/**
 * Assertions on an amount of money. Everything AssertJ offers for a {@link BigDecimal}, except that
 * {@link #isEqualTo(String)} compares by value, not by scale: {@code "352.59"} equals {@code 352.590}, and a sign
 * may be written ({@code "+352.59"}).
 *
 * <pre>{@code
 * assertThat(report).day("2025-07-18").residual().isEqualTo("+31.02").isPositive();
 * }</pre>
 *
 * <p>Not thread-safe (as every AssertJ assertion object).
 */
public final class MoneyAssert extends AbstractBigDecimalAssert<MoneyAssert> {

    MoneyAssert(BigDecimal actual) {
        super(actual, MoneyAssert.class);
    }

    /**
     * Verifies the amount equals {@code expected} by value ({@link BigDecimal#compareTo(BigDecimal)}).
     *
     * @param expected a decimal such as {@code "79231.03"} or {@code "-96.46"}
     * @return this assertion object
     */
    @Override
    public MoneyAssert isEqualTo(String expected) {
        return isEqualByComparingTo(new BigDecimal(expected));
    }
}
