package com.almreporting.domain.report;

/** When the premium of a short option enters the calculated NAV. */
public enum PremiumPolicy {
    /** Default: the premium of short contracts expiring that trading day is recognised when the block sells them. */
    ZERO_DTE_PREMIUM("zero-dte-premium"),
    /** Only realized P&amp;L of closing trades; premiums surface in the residual at the close. */
    REALIZED_ONLY("realized-only");

    private final String id;

    PremiumPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static PremiumPolicy parse(String id) {
        for (PremiumPolicy p : values()) {
            if (p.id.equalsIgnoreCase(id.strip()) || p.name().equalsIgnoreCase(id.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown premium policy '" + id + "' (expected zero-dte-premium or realized-only)");
    }
}
