package com.almreporting.domain.model.live;

import com.almreporting.domain.model.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one gateway session said about one account (DESIGN §11).
 *
 * <ul>
 *   <li>{@code takenAt}: when the snapshot was completed, by this machine's clock; {@code serverTime}: the
 *       gateway's own clock ({@code reqCurrentTime}), null when it did not answer.</li>
 *   <li>{@code netLiquidation} and {@code totalCash} are in {@code baseCurrency}; {@code summary} holds every
 *       numeric account-summary value that was in the base currency, by tag ({@code NetLiquidation},
 *       {@code TotalCashValue}, {@code BuyingPower}…); {@code totalCash} is null when the gateway sent none.</li>
 *   <li>{@code exchangeRates}: the gateway's {@code ExchangeRate} per currency, i.e. units of base currency per
 *       one unit of that currency (the base currency itself is 1).</li>
 *   <li>{@code warnings}: everything the operator should know that did not stop the snapshot — end markers
 *       that never came, commission reports still missing, gateway notices.</li>
 * </ul>
 * Immutable.
 */
public record LiveSnapshot(
        AccountId account,
        List<AccountId> managedAccounts,
        Instant takenAt,
        Instant serverTime,
        int serverVersion,
        String baseCurrency,
        BigDecimal netLiquidation,
        BigDecimal totalCash,
        Map<String, BigDecimal> summary,
        Map<String, BigDecimal> exchangeRates,
        List<LivePosition> positions,
        List<LiveFill> fills,
        List<String> warnings) {

    public LiveSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(netLiquidation, "netLiquidation");
        managedAccounts = managedAccounts == null ? List.of(account) : List.copyOf(managedAccounts);
        summary = summary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        exchangeRates = exchangeRates == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(exchangeRates));
        positions = positions == null ? List.of() : List.copyOf(positions);
        fills = fills == null ? List.of() : List.copyOf(fills);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Units of base currency per one unit of {@code currency}: 1 for the base currency, else the gateway's rate. */
    public Optional<BigDecimal> exchangeRate(String currency) {
        if (currency == null) {
            return Optional.empty();
        }
        if (currency.equalsIgnoreCase(baseCurrency)) {
            return Optional.of(exchangeRates.getOrDefault(baseCurrency, BigDecimal.ONE));
        }
        return Optional.ofNullable(exchangeRates.get(currency));
    }

    /** The fills whose commission report has not arrived yet. */
    public List<LiveFill> fillsWithoutCommission() {
        List<LiveFill> out = new ArrayList<>();
        for (LiveFill f : fills) {
            if (!f.hasCommissionReport()) {
                out.add(f);
            }
        }
        return out;
    }
}
