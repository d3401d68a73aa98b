package com.almreporting.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes records into a table with {@code COPY … FROM STDIN} (text format) on the connection of the current
 * transaction, the fastest way into PostgreSQL (no SQL text, no bind variables to parse). Rows are encoded
 * and sent as they come, in chunks, so that memory does not grow with their number. A failure (a value too
 * long, a NOT NULL column left empty) is the server's, as for any other statement, and aborts the
 * transaction.
 *
 * <p>Values are written so that PostgreSQL reads them as the same value: a {@link BigDecimal} as its
 * {@code toString} (the scale survives), an {@link Instant} in ISO 8601 UTC (PostgreSQL rounds it to the
 * microsecond, as it does a bound value), a {@link LocalDate} in ISO form.
 */
final class CopyRows implements AutoCloseable {

    private static final int CHUNK = 1 << 16;

    private final CopyIn copy;
    private final byte[] buffer = new byte[CHUNK];
    private final StringBuilder text = new StringBuilder(4096);
    private int used;
    private long rows;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /**
     * Starts a COPY into {@code columns} of {@code table} on {@code connection}; the records given to
     * {@link #add} must have those columns' values in that order.
     */
    static CopyRows into(DSLContext ctx, Connection connection, Table<?> table, Field<?>[] columns) throws SQLException {
        return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(ctx, table, columns)));
    }

    /** {@code COPY table (columns) FROM STDIN}, the names quoted as jOOQ quotes them. */
    static String sql(DSLContext ctx, Table<?> table, Field<?>[] columns) {
        return Arrays.stream(columns)
                .map(f -> ctx.render(f.getUnqualifiedName()))
                .collect(Collectors.joining(", ", "COPY " + ctx.render(table) + " (", ") FROM STDIN"));
    }

    /** Encodes one record and sends it once a chunk is full. */
    void add(Record record) throws SQLException {
        text.setLength(0);
        appendLine(text, record);
        byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
        if (used + line.length > buffer.length) {
            flush();
        }
        if (line.length > buffer.length) {
            copy.writeToCopy(line, 0, line.length);
        } else {
            System.arraycopy(line, 0, buffer, used, line.length);
            used += line.length;
        }
        rows++;
    }

    /** One record as one line of COPY text, its values in field order, tab-separated, newline-terminated. */
    static void appendLine(StringBuilder text, Record record) {
        for (int i = 0, n = record.size(); i < n; i++) {
            if (i > 0) {
                text.append('\t');
            }
            appendValue(text, record.get(i));
        }
        text.append('\n');
    }

    /** Sends what is left and ends the COPY; returns the number of rows the server took. */
    long finish() throws SQLException {
        flush();
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new IllegalStateException("COPY took " + copied + " rows of " + rows);
        }
        return copied;
    }

    /** Abandons a COPY that did not finish (the transaction is failing anyway); a no-op after {@link #finish}. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (used > 0) {
            copy.writeToCopy(buffer, 0, used);
            used = 0;
        }
    }

    private static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            appendEscaped(text, s);
        } else if (value instanceof JSONB j) {
            appendEscaped(text, j.data());
        } else if (value instanceof BigDecimal d) {
            text.append(d);
        } else if (value instanceof Instant t) {
            LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            appendDate(text, utc.toLocalDate(), "T" + utc.toLocalTime() + "Z");
        } else if (value instanceof LocalDate d) {
            appendDate(text, d, "");
        } else if (value instanceof Long || value instanceof Integer) {
            text.append(value);
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
        }
    }

    /**
     * ISO 8601 as PostgreSQL reads it, which is not {@code LocalDate.toString} beyond four-digit years: no
     * {@code +} sign after 9999, and a positive year with {@code BC} before year 1.
     */
    private static void appendDate(StringBuilder text, LocalDate date, String time) {
        int year = date.getYear();
        String digits = Integer.toString(year >= 1 ? year : 1 - year);
        String iso = date.toString();
        text.append("0".repeat(Math.max(0, 4 - digits.length()))).append(digits)
                .append(iso, iso.length() - 6, iso.length())
                .append(time);
        if (year < 1) {
            text.append(" BC");
        }
    }

    /** COPY text escapes: backslash, and the three characters that separate columns and rows. */
    private static void appendEscaped(StringBuilder text, String s) {
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) {
            plain++;
        }
        text.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> text.append(c);
            }
        }
    }

    private static boolean needsEscape(char c) {
        return c == '\\' || c == '\n' || c == '\r' || c == '\t';
    }
}
