package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a report is built: the observer's zone (Hong Kong by default), the premium policy, the largest gap
 * between executions of one block (5 minutes), the baseline for cumulative return (the specification's initial
 * deposit, 928,200 HKD) and the FX rate used only when no rate is known (7.8). Immutable.
 */
public record ReportSettings(ZoneId observerZone, PremiumPolicy policy, Duration blockGap, BigDecimal baseline,
                             String baselineCurrency, BigDecimal fallbackFxRate) {

    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    public ReportSettings {
        Objects.requireNonNull(observerZone, "observerZone");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(blockGap, "blockGap");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(baselineCurrency, "baselineCurrency");
        Objects.requireNonNull(fallbackFxRate, "fallbackFxRate");
        if (blockGap.isNegative()) {
            throw new IllegalArgumentException("block gap must not be negative: " + blockGap);
        }
        if (baseline.signum() <= 0) {
            throw new IllegalArgumentException("baseline must be positive: " + baseline);
        }
    }

    /**
     * The settings that shape what one trading day carries into the next (premium policy, block gap, fallback
     * FX rate), as a key: a checkpoint holds only for reports whose settings have the same key.
     *
     * @return the key, e.g. {@code ZERO_DTE_PREMIUM|PT5M|7.8}
     */
    public String carryKey() {
        return policy.name() + "|" + blockGap + "|" + fallbackFxRate.toPlainString();
    }

    public static ReportSettings defaults() {
        return new ReportSettings(HONG_KONG, PremiumPolicy.ZERO_DTE_PREMIUM, Duration.ofMinutes(5),
                new BigDecimal("928200.00"), "HKD", new BigDecimal("7.8"));
    }

    public ReportSettings withObserverZone(ZoneId zone) {
        return new ReportSettings(zone, policy, blockGap, baseline, baselineCurrency, fallbackFxRate);
    }

    public ReportSettings withPolicy(PremiumPolicy p) {
        return new ReportSettings(observerZone, p, blockGap, baseline, baselineCurrency, fallbackFxRate);
    }

    public ReportSettings withBlockGap(Duration gap) {
        return new ReportSettings(observerZone, policy, gap, baseline, baselineCurrency, fallbackFxRate);
    }

    public ReportSettings withBaseline(BigDecimal amount, String currency) {
        return new ReportSettings(observerZone, policy, blockGap, amount, currency, fallbackFxRate);
    }
}
