package com.almreporting.domain.model.live;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One of today's fills as the gateway reported it (TWS {@code execDetails}), joined with its commission report by
 * {@code execId}. {@code quantity} is signed (+ bought, − sold); {@code price} excludes commission.
 * {@code commission} is the report's figure as IBKR sends it (a cost is positive), in {@code commissionCurrency};
 * it, its currency and {@code realizedPnl} are null until the report has arrived; {@code realizedPnl} is also null
 * when IBKR says "not applicable" (an opening fill). Immutable.
 *
 * <p>Corrections: a corrected fill keeps the execId up to its last period and changes the digits after it
 * ({@code …01.02} corrects {@code …01.01}); see {@link #execIdPrefix()} and {@link #supersedes(LiveFill)}.
 */
public record LiveFill(
        String execId,
        AccountId account,
        Instant time,
        Instrument instrument,
        String currency,
        Side side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal commission,
        String commissionCurrency,
        BigDecimal realizedPnl,
        String orderRef,
        long permId,
        long orderId,
        String exchange,
        long conId) {

    /** Bought or sold (TWS {@code BOT} / {@code SLD}). */
    public enum Side { BUY, SELL }

    public LiveFill {
        Objects.requireNonNull(execId, "execId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        if (execId.isBlank()) {
            throw new IllegalArgumentException("execId must not be blank");
        }
        if (quantity.signum() != 0 && (quantity.signum() > 0) != (side == Side.BUY)) {
            throw new IllegalArgumentException("fill " + execId + ": quantity " + quantity + " disagrees with side " + side);
        }
    }

    /** The execId up to (not including) its last period: the same for a fill and its corrections. */
    public String execIdPrefix() {
        int dot = execId.lastIndexOf('.');
        return dot < 0 ? execId : execId.substring(0, dot);
    }

    /** The digits after the last period: {@code 01} for the original fill, higher for each correction. */
    public String execIdSuffix() {
        int dot = execId.lastIndexOf('.');
        return dot < 0 ? "" : execId.substring(dot + 1);
    }

    /** True when this fill is a later version (a correction) of {@code other}: same prefix, higher suffix. */
    public boolean supersedes(LiveFill other) {
        if (!execIdPrefix().equals(other.execIdPrefix()) || execId.equals(other.execId)) {
            return false;
        }
        String mine = execIdSuffix();
        String theirs = other.execIdSuffix();
        int byLength = Integer.compare(mine.length(), theirs.length());
        return (byLength != 0 ? byLength : mine.compareTo(theirs)) > 0;
    }

    /** True once the commission report for this execId has arrived. */
    public boolean hasCommissionReport() {
        return commission != null;
    }

    /** This fill joined with its commission report. */
    public LiveFill withCommissionReport(BigDecimal commission, String commissionCurrency, BigDecimal realizedPnl) {
        return new LiveFill(execId, account, time, instrument, currency, side, quantity, price, commission,
                commissionCurrency, realizedPnl, orderRef, permId, orderId, exchange, conId);
    }
}
