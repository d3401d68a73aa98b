package com.almreporting.domain.port.out;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to ask the broker for: a saved statement query by its id, over the query's own period (the daily job's
 * month-to-date query) or over an explicit period that overrides it ({@code from}..{@code to}, both inclusive;
 * used to refresh a closed month once more for late corrections). Immutable and thread-safe.
 */
public record StatementRequest(String queryId, LocalDate from, LocalDate to) {

    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public StatementRequest {
        Objects.requireNonNull(queryId, "queryId");
        queryId = queryId.strip();
        if (!QUERY_ID.matcher(queryId).matches()) {
            throw new IllegalArgumentException("a Flex query id is letters, digits, '_' or '-' (IBKR shows it in Client Portal"
                    + " under Flex Queries), was '" + queryId + "'");
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a period override needs both dates, was " + from + ".." + to);
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("period override ends before it starts: " + from + ".." + to);
        }
    }

    /** The query over its own period: for the daily job's query, the month to date. */
    public static StatementRequest monthToDate(String queryId) {
        return new StatementRequest(queryId, null, null);
    }

    /** The query over the whole of {@code month}, overriding the query's own period. */
    public static StatementRequest month(String queryId, YearMonth month) {
        return new StatementRequest(queryId, month.atDay(1), month.atEndOfMonth());
    }

    public boolean overridesPeriod() {
        return from != null;
    }

    /** The month an override covers, when it covers exactly one calendar month. */
    public Optional<YearMonth> month() {
        if (from == null || from.getDayOfMonth() != 1 || !to.equals(YearMonth.from(from).atEndOfMonth())) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.from(from));
    }

    /** For messages and logs: {@code query 123456 (its own period)} or {@code query 123456 for 2025-06-01..2025-06-30}. */
    @Override
    public String toString() {
        return "query " + queryId + (from == null ? " (its own period)" : " for " + from + ".." + to);
    }
}
