package com.almreporting.flex.parser;

import com.almreporting.domain.model.EventTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads every date and date-time format an Activity Flex query can be configured to write (FLEX-FACTS §2.1).
 *
 * <p>Dates: {@code yyyyMMdd}, {@code yyyy-MM-dd}, {@code MM/dd/yyyy}, {@code MM/dd/yy}, {@code dd/MM/yyyy},
 * {@code dd/MM/yy}, {@code dd-MMM-yy} (English month, any case). Slash dates are read in the configured
 * {@link DateOrder}; a slash date that is impossible in that order but valid in the other is refused with a hint,
 * never silently swapped. Times: {@code HHmmss} or {@code HH:mm:ss}, optionally followed by a zone: an
 * abbreviation ({@code EDT}, {@code HKT}, {@code AEST}…), a numeric offset ({@code -04:00}) or {@code Z}.
 * Separators between date and time: {@code ;}, {@code ,}, {@code , }, one space, {@code T}, or none (only
 * {@code yyyyMMddHHmmss}-like runs, which are unambiguous by length).
 *
 * <p>Why the abbreviation, when present, fixes the offset: IBKR prints the abbreviation in force at that moment,
 * so {@code EDT} says {@code -04:00} exactly, including in the repeated hour of a DST change, where the region
 * zone alone could not decide. Generic names ({@code ET}) and times without a suffix are resolved in a region
 * zone: the named one or the configured statement zone (IBKR writes US/Eastern unless the user's setting says
 * otherwise, FLEX-FACTS §2.4).
 *
 * <p>Every method throws {@link DateTimeException} with a message that says what was expected and what was
 * found. Immutable and thread-safe.
 */
public final class FlexDateTimes {

    /** Zones named by abbreviation: the region they belong to and, for DST-specific names, the exact offset. */
    private record NamedZone(ZoneId region, ZoneOffset offset) {
    }

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Map<String, NamedZone> ZONES = Map.ofEntries(
            Map.entry("ET", new NamedZone(NEW_YORK, null)),
            Map.entry("EST", new NamedZone(NEW_YORK, ZoneOffset.ofHours(-5))),
            Map.entry("EDT", new NamedZone(NEW_YORK, ZoneOffset.ofHours(-4))),
            Map.entry("HKT", new NamedZone(HONG_KONG, ZoneOffset.ofHours(8))),
            Map.entry("AEST", new NamedZone(SYDNEY, ZoneOffset.ofHours(10))),
            Map.entry("AEDT", new NamedZone(SYDNEY, ZoneOffset.ofHours(11))),
            Map.entry("CET", new NamedZone(ZURICH, ZoneOffset.ofHours(1))),
            Map.entry("CEST", new NamedZone(ZURICH, ZoneOffset.ofHours(2))),
            Map.entry("GMT", new NamedZone(ZoneOffset.UTC, ZoneOffset.UTC)),
            Map.entry("UTC", new NamedZone(ZoneOffset.UTC, ZoneOffset.UTC)),
            Map.entry("Z", new NamedZone(ZoneOffset.UTC, ZoneOffset.UTC)),
            Map.entry("BST", new NamedZone(LONDON, ZoneOffset.ofHours(1))));

    private static final String DATE =
            "\\d{8}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|\\d{1,2}-[A-Za-z]{3}-\\d{2}";
    private static final String TIME = "\\d{6}|\\d{1,2}:\\d{2}:\\d{2}";
    private static final String ZONE = "[A-Za-z]{1,5}|[+-]\\d{2}(?::?\\d{2})?";
    private static final Pattern DATE_TIME = Pattern.compile(
            "(?<date>" + DATE + ")(?:(?:;|,\\s?|\\s|T)?(?<time>" + TIME + ")(?:\\s*(?<zone>" + ZONE + "))?)?");

    private static final Pattern BASIC = Pattern.compile("\\d{8}");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})");
    private static final Pattern MONTH_NAME = Pattern.compile("\\d{1,2}-[A-Za-z]{3}-\\d{2}");
    private static final Pattern COMPACT_TIME = Pattern.compile("\\d{6}");
    private static final Pattern COLON_TIME = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})");

    private static final DateTimeFormatter F_BASIC = strict("uuuuMMdd");
    private static final DateTimeFormatter F_ISO = strict("uuuu-M-d");
    private static final DateTimeFormatter F_MONTH_NAME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d-MMM-uu")
            .toFormatter(Locale.US)
            .withResolverStyle(ResolverStyle.STRICT);

    static final String DATE_FORMATS = "yyyyMMdd, yyyy-MM-dd, MM/dd/yyyy, MM/dd/yy, dd/MM/yyyy, dd/MM/yy or dd-MMM-yy";

    private final ZoneId statementZone;
    private final DateOrder dateOrder;

    /**
     * @param statementZone the zone of times that carry no zone suffix (IBKR's default is America/New_York)
     * @param dateOrder     how to read slash dates
     */
    public FlexDateTimes(ZoneId statementZone, DateOrder dateOrder) {
        this.statementZone = Objects.requireNonNull(statementZone, "statementZone");
        this.dateOrder = Objects.requireNonNull(dateOrder, "dateOrder");
    }

    /** US/Eastern statement times, US slash dates: IBKR's defaults. */
    public static FlexDateTimes ibkrDefaults() {
        return new FlexDateTimes(NEW_YORK, DateOrder.US);
    }

    public ZoneId statementZone() {
        return statementZone;
    }

    public DateOrder dateOrder() {
        return dateOrder;
    }

    /** Parses a date in any of the Flex date formats. */
    public LocalDate parseDate(String text) {
        String s = requireText(text, "a date (" + DATE_FORMATS + ")");
        LocalDate fast = fastDate(s, 0, s.length());
        return fast != null ? fast : generalDate(s, text);
    }

    /** Any Flex date, {@code s} being {@code text} stripped; the only path that words errors. */
    LocalDate generalDate(String s, String text) {
        if (BASIC.matcher(s).matches()) {
            return parseWith(s, F_BASIC, "yyyyMMdd");
        }
        if (ISO.matcher(s).matches()) {
            return parseWith(s, F_ISO, "yyyy-MM-dd");
        }
        Matcher slash = SLASH.matcher(s);
        if (slash.matches()) {
            return parseSlashDate(s, slash);
        }
        if (MONTH_NAME.matcher(s).matches()) {
            return parseWith(s, F_MONTH_NAME, "dd-MMM-yy");
        }
        throw new DateTimeException("expected a date (" + DATE_FORMATS + "), got '" + text + "'");
    }

    /**
     * Parses a Flex date-time: a date alone gives {@link EventTime.DateOnly}, a date with a time gives
     * {@link EventTime.Exact} resolved with the zone suffix or else the statement zone.
     */
    public EventTime parseDateTime(String text) {
        String s = requireText(text, "a date-time (date [separator time [zone]])");
        EventTime fast = fastDateTime(s);
        return fast != null ? fast : generalDateTime(s, text);
    }

    /** Any Flex date-time, {@code s} being {@code text} stripped; the only path that words errors. */
    EventTime generalDateTime(String s, String text) {
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches()) {
            throw new DateTimeException("expected a date-time such as 20250717;162000, 2025-07-17;16:20:00 EDT or "
                    + "2025-07-17 16:20:00 (date " + DATE_FORMATS + ", time HHmmss or HH:mm:ss, optional zone), got '"
                    + text + "'");
        }
        LocalDate date = parseDate(m.group("date"));
        if (m.group("time") == null) {
            return EventTime.on(date);
        }
        LocalTime time = parseTime(m.group("time"));
        return EventTime.at(resolve(LocalDateTime.of(date, time), m.group("zone")));
    }

    /**
     * Parses a date-time to an instant; a date without a time stands for the start of that day in the statement
     * zone (used for {@code whenGenerated}, which orders statements).
     */
    public Instant parseInstant(String text) {
        EventTime t = parseDateTime(text);
        if (t instanceof EventTime.Exact exact) {
            return exact.instant();
        }
        return ((EventTime.DateOnly) t).date().atStartOfDay(statementZone).toInstant();
    }

    /** Parses {@code HHmmss} or {@code HH:mm:ss}. */
    public LocalTime parseTime(String text) {
        String s = requireText(text, "a time (HHmmss or HH:mm:ss)");
        int h;
        int min;
        int sec;
        Matcher colon = COLON_TIME.matcher(s);
        if (COMPACT_TIME.matcher(s).matches()) {
            h = Integer.parseInt(s.substring(0, 2));
            min = Integer.parseInt(s.substring(2, 4));
            sec = Integer.parseInt(s.substring(4, 6));
        } else if (colon.matches()) {
            h = Integer.parseInt(colon.group(1));
            min = Integer.parseInt(colon.group(2));
            sec = Integer.parseInt(colon.group(3));
        } else {
            throw new DateTimeException("expected a time (HHmmss or HH:mm:ss), got '" + text + "'");
        }
        if (h > 23 || min > 59 || sec > 59) {
            throw new DateTimeException("expected a time (HHmmss or HH:mm:ss), got '" + text
                    + "': hour must be 0-23, minute and second 0-59");
        }
        return LocalTime.of(h, min, sec);
    }

    /**
     * The shapes IBKR writes by default and almost every query uses ({@code yyyyMMdd} or {@code yyyy-MM-dd}, then
     * nothing, or {@code ;}, {@code ,}, {@code , }, a space, {@code T} or nothing and {@code HHmmss} or
     * {@code HH:mm:ss}, then nothing or a zone abbreviation), read without regular expressions or formatters.
     * Returns null for anything else, valid or not, which then takes the general path: that path, and only it,
     * words the errors. Whatever this accepts, the general path reads the same way.
     */
    EventTime fastDateTime(String s) {
        int n = s.length();
        int dateEnd = n >= 10 && s.charAt(4) == '-' ? 10 : 8;
        if (n < dateEnd) {
            return null;
        }
        LocalDate date = fastDate(s, 0, dateEnd);
        if (date == null) {
            return null;
        }
        if (n == dateEnd) {
            return EventTime.on(date);
        }
        int i = dateEnd;
        char separator = s.charAt(i);
        if (separator == ';' || separator == 'T' || separator == ' ') {
            i++;
        } else if (separator == ',') {
            i++;
            if (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        int h;
        int min;
        int sec;
        if (i + 8 <= n && s.charAt(i + 2) == ':' && s.charAt(i + 5) == ':') {
            h = twoDigits(s, i);
            min = twoDigits(s, i + 3);
            sec = twoDigits(s, i + 6);
            i += 8;
        } else if (i + 6 <= n) {
            h = twoDigits(s, i);
            min = twoDigits(s, i + 2);
            sec = twoDigits(s, i + 4);
            i += 6;
        } else {
            return null;
        }
        if (h < 0 || min < 0 || sec < 0 || h > 23 || min > 59 || sec > 59) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(date, LocalTime.of(h, min, sec));
        if (i == n) {
            return EventTime.at(ZonedDateTime.of(local, statementZone).toInstant());
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int zoneLength = n - i;
        if (zoneLength < 1 || zoneLength > 5) {
            return null;
        }
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return null;
            }
        }
        NamedZone named = ZONES.get(s.substring(i).toUpperCase(Locale.ROOT));
        if (named == null) {
            return null;
        }
        return EventTime.at(named.offset() != null ? local.toInstant(named.offset())
                : ZonedDateTime.of(local, named.region()).toInstant());
    }

    /** {@code yyyyMMdd} (8 characters) or {@code yyyy-MM-dd} (10) in {@code s[from, to)}, or null. */
    static LocalDate fastDate(String s, int from, int to) {
        int month;
        int day;
        if (to - from == 8) {
            month = twoDigits(s, from + 4);
            day = twoDigits(s, from + 6);
        } else if (to - from == 10 && s.charAt(from + 4) == '-' && s.charAt(from + 7) == '-') {
            month = twoDigits(s, from + 5);
            day = twoDigits(s, from + 8);
        } else {
            return null;
        }
        int century = twoDigits(s, from);
        int yearOfCentury = twoDigits(s, from + 2);
        if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        int year = century * 100 + yearOfCentury;
        if (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number written by the two ASCII digits at {@code i}, or -1 when they are not both digits. */
    private static int twoDigits(String s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    /**
     * The region zone an abbreviation belongs to ({@code EDT} → America/New_York, {@code HKT} → Asia/Hong_Kong);
     * throws for an abbreviation this parser does not know.
     */
    public static ZoneId regionOf(String abbreviation) {
        return namedZone(abbreviation).region();
    }

    private Instant resolve(LocalDateTime local, String suffix) {
        if (suffix == null) {
            return ZonedDateTime.of(local, statementZone).toInstant();
        }
        if (suffix.startsWith("+") || suffix.startsWith("-")) {
            return local.toInstant(parseOffset(suffix));
        }
        NamedZone named = namedZone(suffix);
        if (named.offset() != null) {
            return local.toInstant(named.offset());
        }
        return ZonedDateTime.of(local, named.region()).toInstant();
    }

    private static NamedZone namedZone(String suffix) {
        NamedZone named = ZONES.get(suffix.toUpperCase(Locale.ROOT));
        if (named == null) {
            throw new DateTimeException("unknown time-zone abbreviation '" + suffix + "' (known: "
                    + String.join(", ", new TreeSet<>(ZONES.keySet())) + ", or a numeric offset)");
        }
        return named;
    }

    private static ZoneOffset parseOffset(String suffix) {
        String normalised = suffix.length() == 3 ? suffix + ":00"
                : suffix.length() == 5 ? suffix.substring(0, 3) + ":" + suffix.substring(3) : suffix;
        try {
            return ZoneOffset.of(normalised);
        } catch (DateTimeException e) {
            throw new DateTimeException("expected a zone offset such as -04:00, got '" + suffix + "'", e);
        }
    }

    private LocalDate parseSlashDate(String s, Matcher slash) {
        int first = Integer.parseInt(slash.group(1));
        int second = Integer.parseInt(slash.group(2));
        String year = slash.group(3);
        boolean us = dateOrder == DateOrder.US;
        int month = us ? first : second;
        int day = us ? second : first;
        String pattern = (us ? "MM/dd/" : "dd/MM/") + (year.length() == 4 ? "yyyy" : "yy");
        int y = year.length() == 4 ? Integer.parseInt(year) : 2000 + Integer.parseInt(year);
        try {
            return LocalDate.of(y, month, day);
        } catch (DateTimeException e) {
            String hint = "";
            if (isValid(y, day, month)) {
                hint = "; it would be valid as " + (us ? "dd/MM" : "MM/dd") + ", so configure DateOrder."
                        + (us ? DateOrder.EUROPEAN : DateOrder.US) + " if the query writes that order";
            }
            throw new DateTimeException("expected a date in " + pattern + " (DateOrder." + dateOrder + "), got '" + s
                    + "': " + e.getMessage() + hint, e);
        }
    }

    private static boolean isValid(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static LocalDate parseWith(String s, DateTimeFormatter formatter, String pattern) {
        try {
            return LocalDate.parse(s, formatter);
        } catch (DateTimeParseException e) {
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new DateTimeException("expected a date in " + pattern + ", got '" + s + "': " + detail, e);
        }
    }

    private static String requireText(String text, String expected) {
        if (text == null || text.isBlank()) {
            throw new DateTimeException("expected " + expected + ", got " + (text == null ? "nothing" : "'" + text + "'"));
        }
        return text.strip();
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }
}
