package com.almreporting.flex.parser;

import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.RawAttributes;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The attributes of one Flex element with strict typed readers. Optional readers return null for absent values
 * and IBKR's placeholders; required readers and malformed values throw a {@link RowRejection} naming this
 * element, its line and the attribute, with what was expected.
 */
final class Row {

    static final String DECIMAL = "a decimal number";

    /**
     * The longest attribute value a row or statement element may carry, in characters. Real Flex values are
     * short (the longest are descriptions and notes, well under 1 KB); a value this long is a corrupt or hostile
     * file, and every value read is kept in the row's raw map, so it is refused rather than stored.
     */
    static final int MAX_VALUE_LENGTH = 65_536;

    private final String element;
    private final int line;
    private final RawAttributes attributes;
    private final RepeatedValues repeated;
    private final FlexDateTimes times;

    /** A row whose values {@link RowReader} has checked against {@link #MAX_VALUE_LENGTH}. */
    Row(String element, int line, RawAttributes attributes, RepeatedValues repeated) {
        this.element = element;
        this.line = line;
        this.attributes = attributes;
        this.repeated = repeated;
        this.times = repeated.times();
    }

    String element() {
        return element;
    }

    int line() {
        return line;
    }

    /** Every attribute exactly as written, in document order. */
    RawAttributes raw() {
        return attributes;
    }

    /** True when the attribute is written at all, even empty. */
    boolean has(String name) {
        return attributes.containsKey(name);
    }

    String text(String name) {
        return FlexValues.text(attributes.get(name));
    }

    String requiredText(String name, String expected) {
        String value = text(name);
        if (value == null) {
            throw missing(name, expected);
        }
        return value;
    }

    BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return repeated.decimal(value);
        } catch (NumberFormatException e) {
            throw reject(name, e.getMessage(), e);
        }
    }

    BigDecimal requiredDecimal(String name) {
        BigDecimal value = decimal(name);
        if (value == null) {
            throw missing(name, DECIMAL);
        }
        return value;
    }

    LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return repeated.date(value);
        } catch (DateTimeException e) {
            throw reject(name, e.getMessage(), e);
        }
    }

    LocalDate requiredDate(String name) {
        LocalDate value = date(name);
        if (value == null) {
            throw missing(name, "a date (" + FlexDateTimes.DATE_FORMATS + ")");
        }
        return value;
    }

    EventTime dateTime(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return times.parseDateTime(value);
        } catch (DateTimeException e) {
            throw reject(name, e.getMessage(), e);
        }
    }

    /** A date plus a separate time attribute (the legacy {@code tradeDate} + {@code tradeTime} pair). */
    EventTime dateAndTime(String dateName, String timeName) {
        LocalDate date = date(dateName);
        if (date == null) {
            return null;
        }
        String time = text(timeName);
        if (time == null) {
            return EventTime.on(date);
        }
        try {
            return times.parseDateTime(text(dateName) + ";" + time);
        } catch (DateTimeException e) {
            throw reject(timeName, e.getMessage(), e);
        }
    }

    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return times.parseInstant(value);
        } catch (DateTimeException e) {
            throw reject(name, e.getMessage(), e);
        }
    }

    RowRejection reject(String attribute, String reason) {
        return new RowRejection(element, line, attribute, reason, null);
    }

    RowRejection reject(String attribute, String reason, Throwable cause) {
        return new RowRejection(element, line, attribute, reason, cause);
    }

    /** The rejection for a required attribute that is absent or holds only a placeholder. */
    RowRejection missing(String attribute, String expected) {
        String found = attributes.get(attribute);
        String reason = found == null
                ? "required attribute is missing; expected " + expected
                : "expected " + expected + ", got '" + found + "' (no value)";
        return new RowRejection(element, line, attribute, reason, null);
    }
}
