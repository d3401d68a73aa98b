package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What CopyRows writes, PostgreSQL reads back as the same values, whatever characters they hold. */
class CopyRowsIT {

    private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    private static final Field<String> TEXT = DSL.field(DSL.name("text"), SQLDataType.CLOB);
    private static final Field<String> SHORT = DSL.field(DSL.name("short"), SQLDataType.VARCHAR(4));
    private static final Field<BigDecimal> AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.DECIMAL);
    private static final Field<LocalDate> DAY = DSL.field(DSL.name("day"), SQLDataType.LOCALDATE);
    private static final Field<Instant> AT = DSL.field(DSL.name("at"), SQLDataType.INSTANT);
    private static final Field<JSONB> RAW = DSL.field(DSL.name("raw"), SQLDataType.JSONB);
    private static final Field<?>[] COLUMNS = {ID, TEXT, SHORT, AMOUNT, DAY, AT, RAW};
    private static final Table<Record> ROWS = DSL.table(DSL.name("pg_temp", "copy_rows"));

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
    void valuesComeBackAsTheyWereWritten() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("description", "tab \t newline \n cr \r backslash \\ quote \" \\N ü € 😀");
        raw.put("", "");
        List<Object[]> rows = List.of(
                new Object[] {1L, "tab\there", "a\tb", new BigDecimal("62.00"), LocalDate.of(2025, 7, 16),
                    Instant.parse("2025-07-16T18:10:00Z"), JSONB.valueOf(RawJson.encode(raw))},
                new Object[] {2L, "line\nbreak\r\nand cr", "\\N", new BigDecimal("-0.0000001"), LocalDate.of(1, 1, 1),
                    Instant.parse("2025-07-16T18:10:00.123456Z"), JSONB.valueOf("{}")},
                new Object[] {3L, "back\\slash\\", "\\", new BigDecimal("0.620"), LocalDate.of(9999, 12, 31),
                    Instant.EPOCH, JSONB.valueOf(RawJson.encode(Map.of("a", "\\\\")))},
                new Object[] {4L, "", "", new BigDecimal("123456789012345678901234567890.123456789"),
                    LocalDate.of(2024, 2, 29), Instant.parse("9999-12-31T23:59:59.999999Z"), JSONB.valueOf("{}")},
                new Object[] {5L, null, null, null, LocalDate.of(1, 6, 1), null, null},
                new Object[] {6L, null, null, null, null, null, null},
                new Object[] {7L, "ü € 😀 中文 \u0001", "😀", BigDecimal.ZERO, LocalDate.of(10_000, 1, 1),
                    Instant.parse("1900-01-01T00:00:00Z"), JSONB.valueOf("{}")});

        List<List<Object>> read = db.dsl().transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            create(ctx);
            ctx.connection(c -> {
                try (CopyRows copy = CopyRows.into(ctx, c, ROWS, COLUMNS)) {
                    for (Object[] row : rows) {
                        copy.add(record(ctx, row));
                    }
                    assertThat(copy.finish()).isEqualTo(rows.size());
                }
            });
            List<List<Object>> back = new ArrayList<>();
            for (Record r : ctx.select(COLUMNS).from(ROWS).orderBy(ID).fetch()) {
                List<Object> values = new ArrayList<>();
                for (Object v : r.intoArray()) {
                    values.add(v instanceof JSONB j ? RawJson.decode(j.data()) : v);
                }
                back.add(values);
            }
            return back;
        });

        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] written = rows.get(i);
            for (int c = 0; c < written.length; c++) {
                Object expected = written[c] instanceof JSONB j ? RawJson.decode(j.data()) : written[c];
                assertThat(read.get(i).get(c)).as("row %d, %s", i + 1, COLUMNS[c].getName()).isEqualTo(expected);
            }
        }
    }

    @Test
    void dayBeforeYearOneIsWrittenAsPostgresqlsBcYear() {
        // ISO year 0 is 1 BC (PostgreSQL has no year 0). PgJDBC reads BC dates back without the era, so ask the server.
        String stored = db.dsl().transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            create(ctx);
            ctx.connection(c -> {
                try (CopyRows copy = CopyRows.into(ctx, c, ROWS, COLUMNS)) {
                    copy.add(record(ctx, new Object[] {1L, null, null, null, LocalDate.of(0, 6, 1),
                        LocalDate.of(-1, 6, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), null}));
                    copy.finish();
                }
            });
            return (String) ctx.fetchValue(
                    "select day::text || ' / ' || extract(year from \"at\" at time zone 'UTC') from copy_rows");
        });

        assertThat(stored).isEqualTo("0001-06-01 BC / -2");
    }

    @Test
    void aValueTheColumnRefusesFailsNamingTheColumn() {
        assertThatThrownBy(() -> db.dsl().transaction(tx -> {
            DSLContext ctx = tx.dsl();
            create(ctx);
            ctx.connection(c -> {
                try (CopyRows copy = CopyRows.into(ctx, c, ROWS, COLUMNS)) {
                    copy.add(record(ctx, new Object[] {1L, "x", "too long", null, null, null, null}));
                    copy.finish();
                }
            });
        })).isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("value too long")
                .hasMessageContaining("column short");
    }

    @Test
    void aTypeWithoutCopyTextIsRefusedBeforeAnythingIsSent() {
        Field<Object> other = DSL.field(DSL.name("other"), SQLDataType.OTHER);
        Record record = DSL.using(org.jooq.SQLDialect.POSTGRES).newRecord(other);
        record.set(other, new Object());

        assertThatThrownBy(() -> CopyRows.appendLine(new StringBuilder(), record))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no COPY text form for java.lang.Object");
    }

    private static void create(DSLContext ctx) {
        ctx.createTemporaryTable(DSL.name("copy_rows")).columns(COLUMNS).onCommitDrop().execute();
    }

    private static Record record(DSLContext ctx, Object[] values) {
        Record r = ctx.newRecord(COLUMNS);
        r.fromArray(values);
        return r;
    }
}
