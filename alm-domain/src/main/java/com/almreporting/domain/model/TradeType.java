package com.almreporting.domain.model;

/** Flex {@code Trade@transactionType}. Values IBKR adds later map to {@link #OTHER}; the raw value is kept on the row. */
public enum TradeType {
    EXCH_TRADE("ExchTrade"),
    BOOK_TRADE("BookTrade"),
    TRADE_CANCEL("TradeCancel"),
    TRADE_CORRECT("TradeCorrect"),
    FRAC_SHARE("FracShare"),
    FRAC_SHARE_CANCEL("FracShareCancel"),
    DVP_TRADE("DvpTrade"),
    OTHER("");

    private final String flexName;

    TradeType(String flexName) {
        this.flexName = flexName;
    }

    public String flexName() {
        return flexName;
    }

    public static TradeType fromFlex(String value) {
        if (value != null) {
            for (TradeType t : values()) {
                if (t != OTHER && t.flexName.equalsIgnoreCase(value.strip())) {
                    return t;
                }
            }
        }
        return OTHER;
    }

    public boolean isCancel() {
        return this == TRADE_CANCEL || this == FRAC_SHARE_CANCEL;
    }
}
