package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database and this side compute the same fingerprint for the same row, and different ones otherwise. */
class RowFingerprintIT {

    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> TEXT = DSL.field(DSL.name("text"), SQLDataType.CLOB);
    private static final Field<BigDecimal> AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.DECIMAL);
    private static final Field<LocalDate> DAY = DSL.field(DSL.name("day"), SQLDataType.LOCALDATE);
    private static final Field<Instant> AT = DSL.field(DSL.name("at"), SQLDataType.INSTANT);
    private static final Field<JSONB> RAW = DSL.field(DSL.name("raw"), SQLDataType.JSONB);
    private static final Field<Long> WRITER = DSL.field(DSL.name("writer"), SQLDataType.BIGINT);
    private static final Field<?>[] COLUMNS = {ID, TEXT, AMOUNT, DAY, AT, RAW, WRITER};
    /** The temporary table as a derived table, so that jOOQ knows its fields. */
    private static final Table<Record> ROWS = DSL.select(COLUMNS).from(DSL.table(DSL.name("pg_temp", "fingerprinted")))
            .asTable("rows");
    private static final RowFingerprint FINGERPRINT = new RowFingerprint(ROWS, f -> f.getName().equals("writer"));

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void bothSidesAgreeOnEveryKindOfValue() {
        Map<String, String> awkward = new LinkedHashMap<>();
        awkward.put("description", "quote \" backslash \\ tab \t newline \n bell \u0007 ü € 😀");
        awkward.put("", "empty key");
        awkward.put("é", "");
        awkward.put("\uFFFFA", "after é, before 😀");
        awkward.put("😀", "last");
        List<Object[]> rows = List.of(
                new Object[] {1L, "SPY   250717P00626000", new BigDecimal("62.00"), LocalDate.of(2025, 7, 16),
                    Instant.parse("2025-07-16T18:10:00Z"), JSONB.valueOf(RawJson.encode(awkward)), 1L},
                new Object[] {2L, "ü € 😀 中文 \t\n\\", new BigDecimal("-0.0000001"), LocalDate.of(0, 6, 1),
                    Instant.parse("1969-12-31T23:59:59.5Z"), JSONB.valueOf(RawJson.encode(Map.of())), 2L},
                new Object[] {3L, "", new BigDecimal("1E+3"), LocalDate.of(10_000, 1, 1),
                    Instant.parse("2025-07-16T18:10:00.123456Z"), JSONB.valueOf(RawJson.encode(Map.of("a", "1"))), 3L},
                new Object[] {4L, null, null, null, null, null, 4L});

        Map<Long, String> computedHere = new LinkedHashMap<>();
        Map<Long, String> computedThere = db.dsl().transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            ctx.createTemporaryTable(DSL.name("fingerprinted")).columns(COLUMNS).onCommitDrop().execute();
            ctx.connection(c -> {
                try (CopyRows copy = CopyRows.into(ctx, c, DSL.table(DSL.name("pg_temp", "fingerprinted")), COLUMNS)) {
                    for (Object[] row : rows) {
                        Record r = ctx.newRecord(COLUMNS);
                        r.fromArray(row);
                        copy.add(r);
                        computedHere.put((Long) row[0], hex(FINGERPRINT.of(r, RowFingerprint.sha256())));
                    }
                    copy.finish();
                }
            });
            Map<Long, String> there = new LinkedHashMap<>();
            ctx.select(ROWS.field(ID), FINGERPRINT.of(ROWS)).from(ROWS).orderBy(ROWS.field(ID))
                    .forEach(r -> there.put(r.value1(), hex(r.value2())));
            return there;
        });

        assertThat(computedHere).isEqualTo(computedThere);
        assertThat(computedHere.values()).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void anyDifferenceChangesTheFingerprintButTheWriterDoesNot() {
        Object[] base = {1L, "x", new BigDecimal("0.62"), LocalDate.of(2025, 7, 16), Instant.parse("2025-07-16T18:10:00Z"),
            JSONB.valueOf(RawJson.encode(Map.of("a", "1"))), 1L};
        String fingerprint = fingerprint(base);

        assertThat(fingerprint(with(base, 6, 99L))).isEqualTo(fingerprint);
        for (Object[] other : List.of(with(base, 2, new BigDecimal("0.620")), with(base, 1, ""), with(base, 1, null),
                with(base, 3, LocalDate.of(2025, 7, 17)), with(base, 4, Instant.parse("2025-07-16T18:10:00.000001Z")),
                with(base, 5, JSONB.valueOf(RawJson.encode(Map.of("a", "1", "b", "")))), with(base, 0, 2L))) {
            assertThat(fingerprint(other)).isNotEqualTo(fingerprint);
        }
        // Two columns whose texts run together differently must not collide.
        assertThat(fingerprint(with(with(base, 1, "1"), 0, 11L))).isNotEqualTo(fingerprint(with(with(base, 1, "11"), 0, 1L)));
    }

    @Test
    void anInstantFinerThanTheMicrosecondHasNoFingerprint() {
        Record r = DSL.using(org.jooq.SQLDialect.POSTGRES).newRecord(COLUMNS);
        r.fromArray(1L, null, null, null, Instant.parse("2025-07-16T18:10:00.0000005Z"), null, 1L);

        assertThat(FINGERPRINT.of(r, RowFingerprint.sha256())).isNull();
    }

    private static Object[] with(Object[] row, int index, Object value) {
        Object[] copy = row.clone();
        copy[index] = value;
        return copy;
    }

    private static String fingerprint(Object[] row) {
        Record r = DSL.using(org.jooq.SQLDialect.POSTGRES).newRecord(COLUMNS);
        r.fromArray(row);
        return hex(FINGERPRINT.of(r, RowFingerprint.sha256()));
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
