package com.almreporting.report.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the report prints numbers: thousands separators, two decimals (HALF_UP), ASCII minus, and an explicit
 * sign on impacts. Immutable and thread-safe (a new DecimalFormat per call; DecimalFormat itself is not).
 */
public final class Figures {
    private Figures() {
    }

    /** {@code 79498.68 → "79,498.68"}, {@code -1145.44 → "-1,145.44"}. */
    public static String amount(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    /** Like {@link #amount} with a {@code +} on positive values: {@code "+590.64"}, {@code "-96.46"}, {@code "0.00"}. */
    public static String signed(BigDecimal value) {
        String s = amount(value);
        return value.setScale(2, RoundingMode.HALF_UP).signum() > 0 ? "+" + s : s;
    }

    /** A price with at least two decimals and no trailing zeros beyond: {@code 0.4 → "0.40"}, {@code 0.9327 → "0.9327"}. */
    public static String price(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 2) {
            v = v.setScale(2, RoundingMode.UNNECESSARY);
        }
        DecimalFormat f = new DecimalFormat("#,##0.00########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    /** A quantity without decimals when whole: {@code 100}, {@code 0.5}. */
    public static String quantity(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }

    /** An FX rate with at least four decimals, as IBKR prints them: {@code 7.847 → "7.8470"}, {@code 0.88499} as is. */
    public static String rate(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 4 ? v.setScale(4, RoundingMode.UNNECESSARY).toPlainString() : v.toPlainString();
    }

    /** An axis tick: thousands separators, no decimals beyond those needed: {@code 79400 → "79,400"}, {@code 0.5 → "0.5"}. */
    public static String tick(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(value.stripTrailingZeros());
    }

    /** A fraction as a percentage with two decimals: {@code -0.914640 → "-91.46%"}. */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
