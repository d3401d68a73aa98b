package com.almreporting.testkit;

import com.almreporting.domain.report.BlockKind;
import com.almreporting.domain.report.TradeBlock;
import java.math.BigDecimal;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one block of trades: its P&amp;L in base currency and in the trade currency, and the calculated NAV
 * before and after it.
 *
 * <pre>{@code
 * TradeBlockAssert zeroDte = assertThat(report).day("2025-07-18").block(1);
 * zeroDte.hasKind(BlockKind.ZERO_DTE).hasExecutions(2);
 * zeroDte.totalBase().isEqualTo("590.64");
 * zeroDte.navAfter().isEqualTo("79200.01");
 * }</pre>
 *
 * <p>Not thread-safe (as every AssertJ assertion object); the block itself is immutable.
 */
public final class TradeBlockAssert extends AbstractAssert<TradeBlockAssert, TradeBlock> {

    private final String name;

    TradeBlockAssert(TradeBlock actual, String name) {
        super(actual, TradeBlockAssert.class);
        this.name = name;
        describedAs(name);
    }

    /**
     * The block's P&amp;L in base currency: Σ rows × their FX rate, rounded to cents once.
     *
     * @return assertions on the figure
     */
    public MoneyAssert totalBase() {
        return figure("total in base currency", actual.pnl().totalBase());
    }

    /**
     * The block's P&amp;L in its trade currency: realized + premium + commissions.
     *
     * @return assertions on the figure
     */
    public MoneyAssert total() {
        return figure("total in trade currency", actual.pnl().total());
    }

    /**
     * The realized P&amp;L in trade currency, before commissions.
     *
     * @return assertions on the figure
     */
    public MoneyAssert realized() {
        return figure("realized", actual.pnl().realized());
    }

    /**
     * The premium recognised at sale, in trade currency.
     *
     * @return assertions on the figure
     */
    public MoneyAssert premium() {
        return figure("premium", actual.pnl().premium());
    }

    /**
     * The block's commissions, in trade currency (negative).
     *
     * @return assertions on the figure
     */
    public MoneyAssert commissions() {
        return figure("commissions", actual.pnl().commissions());
    }

    /**
     * The calculated NAV before the block.
     *
     * @return assertions on the figure
     */
    public MoneyAssert navBefore() {
        return figure("NAV before", actual.nav().before());
    }

    /**
     * The calculated NAV after the block.
     *
     * @return assertions on the figure
     */
    public MoneyAssert navAfter() {
        return figure("NAV after", actual.nav().after());
    }

    /**
     * Verifies the block's kind (day trades, 0DTE, cover, closing, opening).
     *
     * @param kind the expected kind
     * @return this assertion object
     */
    public TradeBlockAssert hasKind(BlockKind kind) {
        isNotNull();
        if (actual.kind() != kind) {
            failWithMessage("Expected %s to be %s but was %s", name, kind, actual.kind());
        }
        return this;
    }

    /**
     * Verifies the number of executions in the block.
     *
     * @param count the expected number
     * @return this assertion object
     */
    public TradeBlockAssert hasExecutions(int count) {
        isNotNull();
        if (actual.executions().size() != count) {
            failWithMessage("Expected %s to have %s executions but it has %s", name, count, actual.executions().size());
        }
        return this;
    }

    private MoneyAssert figure(String what, BigDecimal value) {
        isNotNull();
        return new MoneyAssert(value).describedAs("%s %s", name, what);
    }
}
