package com.almreporting.domain.port.out;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archive's name for a month-to-date statement file: {@code <queryName>_MTD_<yyyyMMdd>.xml} in the folder
 * {@code <yyyy>/<MM>/} of its date, the statement's last day ({@code toDate}). A query keeps one file per month:
 * the newest, which replaces the older ones of that month once it is stored; the last of a month stays as that
 * month's record. Immutable and thread-safe.
 */
public record ArchiveName(String queryName, LocalDate date) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]{0,99})_MTD_(\\d{8})\\.xml");
    private static final String FAILED_SUFFIX = ".failed.xml";

    public ArchiveName {
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(date, "date");
        if (!SAFE.matcher(queryName).matches()) {
            throw new IllegalArgumentException("an archive query name is letters, digits, '.', '_' or '-' (up to 100),"
                    + " was '" + queryName + "'");
        }
    }

    /**
     * The name for a statement of the query named {@code rawQueryName} (as the broker wrote it; characters a file
     * name should not hold become {@code _}) ending on {@code date}.
     */
    public static ArchiveName of(String rawQueryName, LocalDate date) {
        String name = rawQueryName == null ? "" : rawQueryName.strip().replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceFirst("^[._-]+", "");
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return new ArchiveName(name.isEmpty() ? "query" : name, date);
    }

    /** The archive name a file name stands for, if it is an archived statement's (not a failed one's). */
    public static Optional<ArchiveName> parse(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArchiveName(m.group(1), LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code <queryName>_MTD_<yyyyMMdd>.xml} */
    public String fileName() {
        return stem() + ".xml";
    }

    /** {@code <queryName>_MTD_<yyyyMMdd>.failed.xml}: a file that was fetched but not stored, kept for the operator. */
    public String failedFileName() {
        return stem() + FAILED_SUFFIX;
    }

    public YearMonth month() {
        return YearMonth.from(date);
    }

    /** {@code <yyyy>/<MM>/<fileName>}, with {@code /} separators. */
    public String relativePath() {
        return String.format("%04d/%02d/%s", date.getYear(), date.getMonthValue(), fileName());
    }

    private String stem() {
        return queryName + "_MTD_" + date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Override
    public String toString() {
        return relativePath();
    }
}
