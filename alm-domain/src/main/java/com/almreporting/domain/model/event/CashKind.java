package com.almreporting.domain.model.event;

import java.util.Locale;

/** What a cash row is, from its Flex {@code type}. Deposits and withdrawals are flows, not P&amp;L. */
public enum CashKind {
    DEPOSIT_WITHDRAWAL, DIVIDEND, WITHHOLDING_TAX, INTEREST, FEE, OTHER;

    public static CashKind fromFlexType(String type) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("deposits")) {
            return DEPOSIT_WITHDRAWAL;
        }
        if (t.contains("withholding")) {
            return WITHHOLDING_TAX;
        }
        if (t.contains("dividend")) {
            return DIVIDEND;
        }
        if (t.contains("interest")) {
            return INTEREST;
        }
        if (t.contains("fee") || t.contains("commission adjustment")) {
            return FEE;
        }
        return OTHER;
    }

    public boolean isFlow() {
        return this == DEPOSIT_WITHDRAWAL;
    }
}
