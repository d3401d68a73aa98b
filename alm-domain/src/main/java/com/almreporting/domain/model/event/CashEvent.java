package com.almreporting.domain.model.event;

import com.almreporting.domain.model.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A cash movement (DETAIL row): dividend, withholding, interest, fee, deposit/withdrawal… Amount signed, in {@code currency}. Immutable. */
public record CashEvent(String key, AccountId account, Instant at, CashKind kind, String type, String currency,
                        BigDecimal fxRateToBase, BigDecimal amount, String description) implements AccountEvent {
    public CashEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fxRateToBase, "fxRateToBase");
        Objects.requireNonNull(amount, "amount");
    }
}
