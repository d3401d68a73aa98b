package com.almreporting.testkit;

import com.almreporting.domain.report.ResidualLabel;
import com.almreporting.domain.report.TradeBlock;
import com.almreporting.domain.report.TradingDayReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on one trading day of a report: its opening, closing and residual figures, and its trade blocks.
 * Each figure method returns a {@link MoneyAssert} described with the day and the figure, so a failure names both.
 *
 * <pre>{@code
 * TradingDayAssert july17 = assertThat(report).day("2025-07-17");
 * july17.openingNav().isEqualTo("79498.68");
 * july17.closingNav().isEqualTo("79754.81");
 * july17.residual().isEqualTo("352.59");
 * july17.residualLabel().isEqualTo(ResidualLabel.MARK_TO_MARKET);
 * }</pre>
 *
 * <p>Not thread-safe (as every AssertJ assertion object); the day itself is immutable.
 */
public final class TradingDayAssert extends AbstractAssert<TradingDayAssert, TradingDayReport> {

    TradingDayAssert(TradingDayReport actual) {
        super(actual, TradingDayAssert.class);
    }

    /**
     * The official opening NAV: the broker's close of the previous trading day.
     *
     * @return assertions on the figure
     */
    public MoneyAssert openingNav() {
        return figure("official opening NAV", actual.open().officialOpening());
    }

    /**
     * The calculated opening NAV, after the overnight and pre-market items.
     *
     * @return assertions on the figure
     */
    public MoneyAssert calculatedOpeningNav() {
        return figure("calculated opening NAV", actual.open().calculatedOpening());
    }

    /**
     * The official closing NAV (the live NAV for a live day).
     *
     * @return assertions on the figure
     */
    public MoneyAssert closingNav() {
        return figure("official closing NAV", actual.close().officialClose());
    }

    /**
     * The calculated closing NAV, after every item of the day.
     *
     * @return assertions on the figure
     */
    public MoneyAssert calculatedClosingNav() {
        return figure("calculated closing NAV", actual.close().calculatedClose());
    }

    /**
     * The residual at the close: official close − calculated close.
     *
     * @return assertions on the figure
     */
    public MoneyAssert residual() {
        return figure("residual", actual.close().residual());
    }

    /**
     * The residual's name: Mark-to-Market P&amp;L, Reconciliation, or Unrealized on a live day.
     *
     * @return assertions on the label
     */
    public ObjectAssert<ResidualLabel> residualLabel() {
        isNotNull();
        return new ObjectAssert<>(actual.close().label()).describedAs("%s residual label", actual.day());
    }

    /**
     * Verifies the number of trade blocks told on the day (overnight, pre-market and intraday together).
     *
     * @param count the expected number
     * @return this assertion object
     */
    public TradingDayAssert hasBlocks(int count) {
        isNotNull();
        if (blocks().size() != count) {
            failWithMessage("Expected %s to have %s trade blocks but it has %s", actual.day(), count, blocks().size());
        }
        return this;
    }

    /**
     * Asserts on one trade block of the day, counted from 0 in the order told: overnight, pre-market, intraday.
     *
     * <pre>{@code
     * assertThat(report).day("2025-07-18").block(1).navAfter().isEqualTo("79200.01");
     * }</pre>
     *
     * @param index the block's position, from 0
     * @return assertions on that block
     */
    public TradeBlockAssert block(int index) {
        isNotNull();
        List<TradeBlock> blocks = blocks();
        if (index < 0 || index >= blocks.size()) {
            failWithMessage("Expected %s to have a trade block %s but it has %s", actual.day(), index, blocks.size());
        }
        return new TradeBlockAssert(blocks.get(index), actual.day() + " block " + index);
    }

    private MoneyAssert figure(String what, BigDecimal value) {
        isNotNull();
        return new MoneyAssert(value).describedAs("%s %s", actual.day(), what);
    }

    private List<TradeBlock> blocks() {
        return Stream.of(actual.overnight(), actual.preMarket(), actual.intraday())
                .flatMap(List::stream)
                .filter(TradeBlock.class::isInstance)
                .map(TradeBlock.class::cast)
                .toList();
    }
}
