package com.almreporting.flex.parser;

import java.math.BigDecimal;

/**
 * IBKR's value conventions (FLEX-FACTS §1.2): the placeholders {@code ""}, {@code --}, {@code -}, {@code N/A} and
 * {@code MULTI} (exactly so written; a query named "multi" is a name) mean "no value" for every typed field, and
 * numbers may carry thousands separators ({@code "-3,706.79"}).
 *
 * <p>Checked character by character rather than with regular expressions: these run for every value of every row.
 */
final class FlexValues {

    private FlexValues() {
    }

    /** The stripped value, or null for an absent value or one of IBKR's placeholders. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return isPlaceholder(s) ? null : s;
    }

    private static boolean isPlaceholder(String s) {
        return switch (s.length()) {
            case 0 -> true;
            case 1 -> s.charAt(0) == '-';
            case 2 -> s.equals("--");
            case 3 -> s.equals("N/A");
            case 5 -> s.equals("MULTI");
            default -> false;
        };
    }

    /**
     * A decimal from a non-placeholder value. Commas are accepted only as thousands separators, so a decimal
     * comma ({@code "1,5"}) is refused rather than read as 15; {@code NaN}, infinities and hex are refused.
     *
     * @throws NumberFormatException with the reason as message
     */
    static BigDecimal decimal(String value) {
        String s = value.strip();
        if (s.indexOf(',') >= 0) {
            if (!isGrouped(s)) {
                throw new NumberFormatException("expected a decimal number, got '" + value
                        + "' (commas are allowed only as thousands separators)");
            }
            s = s.replace(",", "");
        }
        if (!isPlain(s)) {
            throw new NumberFormatException("expected a decimal number, got '" + value + "'");
        }
        return new BigDecimal(s);
    }

    /** {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,4})?} */
    static boolean isPlain(String s) {
        int n = s.length();
        int i = sign(s, 0);
        int intDigits = digits(s, i);
        i += intDigits;
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            fractionDigits = digits(s, i);
            i += fractionDigits;
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i = sign(s, i + 1);
            int exponentDigits = digits(s, i);
            if (exponentDigits < 1 || exponentDigits > 4) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    /** {@code [+-]?\d{1,3}(,\d{3})+(\.\d*)?} */
    static boolean isGrouped(String s) {
        int n = s.length();
        int i = sign(s, 0);
        int lead = digits(s, i);
        if (lead < 1 || lead > 3) {
            return false;
        }
        i += lead;
        int groups = 0;
        while (i < n && s.charAt(i) == ',') {
            if (digits(s, i + 1) < 3 || i + 4 < n && isDigit(s.charAt(i + 4))) {
                return false;
            }
            i += 4;
            groups++;
        }
        if (groups == 0) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            i += digits(s, i);
        }
        return i == n;
    }

    private static int sign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    /** How many ASCII digits start at {@code i}. */
    private static int digits(String s, int i) {
        int j = i;
        while (j < s.length() && isDigit(s.charAt(j))) {
            j++;
        }
        return j - i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
