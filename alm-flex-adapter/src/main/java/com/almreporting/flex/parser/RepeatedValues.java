package com.almreporting.flex.parser;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The values a statement repeats row after row (account, currency, category, symbol, exchange, zeros, rates, report
 * dates), given out as one shared instance each: the rows a caller keeps then hold one copy of such a value instead
 * of one per row, and a repeated number or date is read only once.
 *
 * <p>Each table is direct-mapped: a value goes to the slot its hash selects and displaces whatever was there, so
 * memory is fixed (a few hundred KB) whatever the file, and a miss costs one comparison. Only successfully read
 * numbers and dates are remembered, so errors are raised, and worded, exactly as without this table. One per
 * parse; not thread-safe.
 */
final class RepeatedValues {

    private static final int SLOTS = 4096;

    /** Longer values (descriptions, notes) are rarely repeated and costly to hash: kept as they are. */
    private static final int LONGEST_SHARED = 40;

    private final String[] strings = new String[SLOTS];
    private final String[] decimalTexts = new String[SLOTS];
    private final BigDecimal[] decimals = new BigDecimal[SLOTS];
    private final String[] dateTexts = new String[SLOTS];
    private final LocalDate[] dates = new LocalDate[SLOTS];
    private final FlexDateTimes times;

    RepeatedValues(FlexDateTimes times) {
        this.times = times;
    }

    /** The instance given out before for an equal value, else {@code value} (remembered from now on). */
    String share(String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (value.length() > LONGEST_SHARED) {
            return value;
        }
        int slot = slot(value);
        String known = strings[slot];
        if (value.equals(known)) {
            return known;
        }
        strings[slot] = value;
        return value;
    }

    /**
     * {@link FlexValues#decimal} of {@code text}, remembered.
     *
     * @throws NumberFormatException as {@link FlexValues#decimal} does
     */
    BigDecimal decimal(String text) {
        int slot = slot(text);
        if (text.equals(decimalTexts[slot])) {
            return decimals[slot];
        }
        BigDecimal value = FlexValues.decimal(text);
        decimalTexts[slot] = text;
        decimals[slot] = value;
        return value;
    }

    /**
     * {@link FlexDateTimes#parseDate} of {@code text}, remembered.
     *
     * @throws java.time.DateTimeException as {@link FlexDateTimes#parseDate} does
     */
    LocalDate date(String text) {
        int slot = slot(text);
        if (text.equals(dateTexts[slot])) {
            return dates[slot];
        }
        LocalDate value = times.parseDate(text);
        dateTexts[slot] = text;
        dates[slot] = value;
        return value;
    }

    FlexDateTimes times() {
        return times;
    }

    /**
     * The slot of a value, from its length and four of its characters rather than {@link String#hashCode}, which
     * would read every character of every value of every row. Values that differ elsewhere share a slot and
     * displace each other: a missed share, never a wrong one, as the slot's value is compared in full.
     */
    private static int slot(String value) {
        int n = value.length();
        if (n == 0) {
            return 0;
        }
        int h = n;
        h = 31 * h + value.charAt(0);
        h = 31 * h + value.charAt(n >> 1);
        h = 31 * h + value.charAt((n * 3) >> 2);
        h = 31 * h + value.charAt(n - 1);
        h *= 0x9E3779B1;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
