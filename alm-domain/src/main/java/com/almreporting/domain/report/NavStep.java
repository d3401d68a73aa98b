package com.almreporting.domain.report;

import java.math.BigDecimal;

/**
 * The calculated NAV before an item, the item's impact in base currency (rounded to cents once) and the NAV
 * after. {@code before}/{@code after} are null when no starting NAV is known. Immutable.
 */
public record NavStep(BigDecimal before, BigDecimal impact, BigDecimal after) {
    public NavStep {
        java.util.Objects.requireNonNull(impact, "impact");
    }

    public boolean known() {
        return before != null;
    }
}
