package com.almreporting.domain.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The P&amp;L lines of a block in its trade {@code currency}: realized (closing executions, before their own
 * commission), premium recognised at sale, commissions; their total; the FX rate when every row had the same
 * one (null when rows differed: "at trade FX rates"); and the total in base currency, Σ rows × their rate,
 * rounded HALF_UP to cents once. {@code realizedFallback} says some realized figure came from
 * fifoPnlRealized − commission because {@code cost} was absent. Immutable.
 */
public record PnlBreakdown(
        String currency,
        BigDecimal realized,
        List<RealizedTerm> realizedTerms,
        boolean realizedFallback,
        BigDecimal premium,
        List<PremiumTerm> premiumTerms,
        BigDecimal commissions,
        BigDecimal total,
        BigDecimal fxRate,
        BigDecimal totalBase) {

    public PnlBreakdown {
        realizedTerms = List.copyOf(realizedTerms);
        premiumTerms = List.copyOf(premiumTerms);
    }

    public boolean hasRealized() {
        return !realizedTerms.isEmpty() || realized.signum() != 0;
    }
}
