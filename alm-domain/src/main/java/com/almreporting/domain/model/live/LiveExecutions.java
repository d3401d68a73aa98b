package com.almreporting.domain.model.live;

import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.model.event.Execution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Today's live fills as the same {@link Execution} events a statement yields, so the live day is grouped and
 * valued exactly like a historical day. Mapping per fill:
 * <ul>
 *   <li>transaction id = {@code execId}; trade id = the execId prefix (shared by a fill and its corrections);</li>
 *   <li>proceeds = −quantity × price × multiplier; commission = −(report's commission), as IBKR books it,
 *       converted to the trade currency when the report is in another currency; cost = null (the gateway has no
 *       cost basis); {@code fifoPnlRealized} = the report's {@code realizedPNL};</li>
 *   <li>open/close: {@code CLOSE} when the report carries a realized P&amp;L, {@code OPEN} when the report says
 *       "not applicable" (IBKR's sentinel for an opening fill), {@code UNKNOWN} while no report has arrived;</li>
 *   <li>fxRateToBase: the gateway's {@code ExchangeRate} for the currency (1 for the base currency), else the
 *       caller's fallback for that currency; a fill with neither is left out. Every fallback, every fill left out
 *       and every commission still missing (counted as 0) is named in {@link #notices()}.</li>
 * </ul>
 * Immutable.
 */
public record LiveExecutions(List<Execution> executions, Map<String, RateUsed> rates, List<String> notices) {

    /** Where a currency's rate to base came from. */
    public enum RateSource { BASE_CURRENCY, GATEWAY, FALLBACK }

    /** The rate used for one currency: units of base per one unit of {@code currency}. */
    public record RateUsed(String currency, BigDecimal rateToBase, RateSource source) {
        public RateUsed {
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(rateToBase, "rateToBase");
            Objects.requireNonNull(source, "source");
        }
    }

    public LiveExecutions {
        executions = List.copyOf(executions);
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
        notices = List.copyOf(notices);
    }

    /** True when any fill was valued with a fallback rate instead of the gateway's own. */
    public boolean usedFallbackRate() {
        return rates.values().stream().anyMatch(r -> r.source() == RateSource.FALLBACK);
    }

    /**
     * Converts the snapshot's fills. {@code fallbackRatesToBase} (currency → base units per unit, e.g.
     * {@code USD → 7.8} for an HKD account) is used only for a currency the gateway sent no {@code ExchangeRate} for.
     */
    public static LiveExecutions of(LiveSnapshot snapshot, Map<String, BigDecimal> fallbackRatesToBase) {
        return of(snapshot.fills(), snapshot.baseCurrency(), snapshot.exchangeRates(), fallbackRatesToBase);
    }

    /** As {@link #of(LiveSnapshot, Map)}, from the parts of a snapshot. */
    public static LiveExecutions of(List<LiveFill> fills, String baseCurrency, Map<String, BigDecimal> gatewayRates,
                                    Map<String, BigDecimal> fallbackRatesToBase) {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Map<String, BigDecimal> gateway = gatewayRates == null ? Map.of() : gatewayRates;
        Map<String, BigDecimal> fallback = fallbackRatesToBase == null ? Map.of() : fallbackRatesToBase;
        Map<String, RateUsed> rates = new LinkedHashMap<>();
        List<Execution> out = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (LiveFill fill : fills) {
            RateUsed rate = rates.computeIfAbsent(fill.currency(), c -> rateFor(c, baseCurrency, gateway, fallback));
            if (rate == null) {
                rates.remove(fill.currency());
                notices.add("fill " + fill.execId() + " (" + fill.instrument().symbol() + ") left out: no exchange rate "
                        + fill.currency() + "→" + baseCurrency + " from the gateway and no fallback for " + fill.currency());
                continue;
            }
            BigDecimal commission = BigDecimal.ZERO;
            if (!fill.hasCommissionReport()) {
                notices.add("fill " + fill.execId() + " (" + fill.instrument().symbol()
                        + "): commission report not received yet; commission counted as 0");
            } else {
                commission = commissionInTradeCurrency(fill, baseCurrency, gateway, fallback, notices);
            }
            out.add(toExecution(fill, rate.rateToBase(), commission));
        }
        for (RateUsed r : rates.values()) {
            if (r.source() == RateSource.FALLBACK) {
                notices.add("no ExchangeRate for " + r.currency() + " from the gateway; used the configured fallback "
                        + r.currency() + "→" + baseCurrency + " " + r.rateToBase().toPlainString());
            }
        }
        return new LiveExecutions(out, rates, notices);
    }

    /**
     * One fill as an {@link Execution}, with the given rate to base and commission in the trade currency (negative
     * = a cost, as the statement books it).
     */
    public static Execution toExecution(LiveFill fill, BigDecimal fxRateToBase, BigDecimal commission) {
        BigDecimal proceeds = fill.quantity().negate().multiply(fill.price()).multiply(fill.instrument().multiplier());
        return new Execution(TransactionId.of(fill.execId()), fill.account(), fill.time(), fill.instrument(),
                fill.currency(), fxRateToBase, fill.quantity(), fill.price(), proceeds, commission, null,
                fill.realizedPnl(), openClose(fill), fill.execIdPrefix());
    }

    /** What the commission report says about opening or closing; see the class comment. */
    public static OpenClose openClose(LiveFill fill) {
        if (!fill.hasCommissionReport()) {
            return OpenClose.UNKNOWN;
        }
        return fill.realizedPnl() != null ? OpenClose.CLOSE : OpenClose.OPEN;
    }

    private static RateUsed rateFor(String currency, String base, Map<String, BigDecimal> gateway,
                                    Map<String, BigDecimal> fallback) {
        if (currency.equalsIgnoreCase(base)) {
            return new RateUsed(currency, BigDecimal.ONE, RateSource.BASE_CURRENCY);
        }
        BigDecimal g = gateway.get(currency);
        if (g != null && g.signum() > 0) {
            return new RateUsed(currency, g, RateSource.GATEWAY);
        }
        BigDecimal f = fallback.get(currency);
        if (f != null && f.signum() > 0) {
            return new RateUsed(currency, f, RateSource.FALLBACK);
        }
        return null;
    }

    private static BigDecimal commissionInTradeCurrency(LiveFill fill, String base, Map<String, BigDecimal> gateway,
                                                        Map<String, BigDecimal> fallback, List<String> notices) {
        BigDecimal cost = fill.commission().negate();
        String ccy = fill.commissionCurrency();
        if (ccy == null || ccy.isBlank() || ccy.equalsIgnoreCase(fill.currency())) {
            return cost;
        }
        RateUsed from = rateFor(ccy, base, gateway, fallback);
        RateUsed to = rateFor(fill.currency(), base, gateway, fallback);
        if (from == null || to == null) {
            notices.add("fill " + fill.execId() + ": commission " + fill.commission().toPlainString() + " " + ccy
                    + " could not be converted to " + fill.currency() + " (no rate); taken as if in " + fill.currency());
            return cost;
        }
        BigDecimal converted = cost.multiply(from.rateToBase()).divide(to.rateToBase(), 8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        notices.add("fill " + fill.execId() + ": commission " + fill.commission().toPlainString() + " " + ccy
                + " converted to " + converted.negate().toPlainString() + " " + fill.currency());
        return converted;
    }
}
