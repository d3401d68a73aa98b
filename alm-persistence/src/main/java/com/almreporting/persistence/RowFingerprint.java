package com.almreporting.persistence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A SHA-256 of what a row says (every column but those naming its writer), computed alike by the database
 * over a stored row and here over a record about to be stored. Equal fingerprints mean the stored row already
 * says what the new one says, so the new one need not be sent to the database to be compared: this is what
 * makes a file ingested again cheaper than its first ingest.
 *
 * <p>Each value becomes a text both sides print alike: strings as they are, numbers as PostgreSQL prints a
 * {@code numeric} (plain, every digit of the scale: {@link BigDecimal#toPlainString}), dates as days since
 * 2000-01-01, instants as microseconds since the epoch, JSONB as PostgreSQL prints it (which {@link RawJson}
 * writes). The texts are joined so that they can be split again (null or value, strings length-prefixed,
 * numbers {@code ;}-terminated, the one JSONB column last), so equal joined texts are equal values. A
 * mismatch between the two sides' printing (a future PostgreSQL printing JSONB differently) can therefore
 * only make equal rows look different, which sends them to the full comparison in the database, never the
 * reverse. For an instant finer than the microsecond this side cannot know how the database rounded it and
 * gives no fingerprint, with the same effect. Each value is printed once: the database's cost is one
 * {@code jsonb} output and one hash per row.
 */
final class RowFingerprint {

    private static final long DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();

    private final List<Field<?>> content = new ArrayList<>();
    private final int[] positions;

    /** Over the columns of {@code table} that {@code isWriter} does not name, in the table's order, JSONB last. */
    RowFingerprint(Table<?> table, Predicate<Field<?>> isWriter) {
        List<Integer> at = new ArrayList<>();
        Integer json = null;
        Field<?>[] fields = table.fields();
        for (int i = 0; i < fields.length; i++) {
            if (isWriter.test(fields[i])) {
                continue;
            }
            Class<?> type = fields[i].getType();
            if (type == JSONB.class) {
                if (json != null) {
                    throw new IllegalArgumentException("one JSONB column at most: " + table.getName());
                }
                json = i;
            } else if (type == String.class || type == BigDecimal.class || type == LocalDate.class || type == Instant.class
                    || type == Long.class || type == Integer.class) {
                at.add(i);
            } else {
                throw new IllegalArgumentException("no fingerprint text for column " + fields[i].getName() + " of type "
                        + type.getName());
            }
        }
        if (json != null) {
            at.add(json);
        }
        positions = at.stream().mapToInt(Integer::intValue).toArray();
        for (int position : positions) {
            content.add(fields[position]);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** The fingerprint of the stored row, as SQL over {@code stored} (the table or an alias of it). */
    Field<byte[]> of(Table<?> stored) {
        List<Field<?>> parts = new ArrayList<>();
        for (Field<?> f : content) {
            parts.add(DSL.field("coalesce({0}, 'N')", String.class, part(stored.field(f))));
        }
        return DSL.field("sha256(convert_to({0}, 'UTF8'))", byte[].class,
                DSL.concat(parts.toArray(new Field<?>[0])));
    }

    /** One value's part of the joined text, null when the value is (the caller prints that as {@code N}). */
    private static Field<String> part(Field<?> column) {
        Class<?> type = column.getType();
        if (type == String.class) {
            return DSL.field("'V' || length({0}) || ':' || {0}", String.class, column);
        }
        if (type == JSONB.class) {
            return DSL.field("'V' || {0}::text", String.class, column);
        }
        if (type == LocalDate.class) {
            return DSL.field("'V' || ({0} - date '2000-01-01') || ';'", String.class, column);
        }
        if (type == Instant.class) {
            return DSL.field("'V' || (extract(epoch from {0}) * 1000000)::bigint || ';'", String.class, column);
        }
        return DSL.field("'V' || {0}::text || ';'", String.class, column);
    }

    /**
     * The fingerprint of a record with the table's fields in the table's order; {@code null} when the record
     * holds a value whose stored form cannot be known here.
     */
    byte[] of(Record record, MessageDigest sha) {
        StringBuilder sb = new StringBuilder(4096);
        for (int position : positions) {
            Object value = record.get(position);
            if (value == null) {
                sb.append('N');
            } else if (value instanceof String s) {
                sb.append('V').append(s.codePointCount(0, s.length())).append(':').append(s);
            } else if (value instanceof JSONB j) {
                sb.append('V').append(j.data());
            } else if (value instanceof Instant t) {
                if (t.getNano() % 1_000 != 0) {
                    return null;
                }
                sb.append('V').append(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000))
                        .append(';');
            } else if (value instanceof LocalDate d) {
                sb.append('V').append(d.toEpochDay() - DAY_2000).append(';');
            } else if (value instanceof BigDecimal d) {
                sb.append('V').append(d.toPlainString()).append(';');
            } else {
                sb.append('V').append(value).append(';');
            }
        }
        return sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
