package com.almreporting.flex.parser;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IBKR's value conventions (FLEX-FACTS §1.2): the placeholders {@code ""}, {@code --}, {@code -}, {@code N/A} and
 * {@code MULTI} (exactly so written; a query named "multi" is a name) mean "no value" for every typed field, and
 * numbers may carry thousands separators ({@code "-3,706.79"}).
 */
final class FlexValues {

    private static final Set<String> NO_VALUE = Set.of("", "--", "-", "N/A", "MULTI");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

    private FlexValues() {
    }

    /** The stripped value, or null for an absent value or one of IBKR's placeholders. */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        return NO_VALUE.contains(s) ? null : s;
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
            if (!GROUPED.matcher(s).matches()) {
                throw new NumberFormatException("expected a decimal number, got '" + value
                        + "' (commas are allowed only as thousands separators)");
            }
            s = s.replace(",", "");
        }
        if (!PLAIN.matcher(s).matches()) {
            throw new NumberFormatException("expected a decimal number, got '" + value + "'");
        }
        return new BigDecimal(s);
    }
}
