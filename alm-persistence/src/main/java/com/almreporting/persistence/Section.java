package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * One statement section stored into one table keyed by (account_id, key), set-based and fed by COPY. The
 * rows are made distinct by key (the last occurrence in the file wins) and split by a lookup of their keys.
 * Rows the account does not have yet are COPYed straight into the table, the fastest way in. Rows it has
 * are COPYed into a temporary staging table and judged against the stored ones inside the database, each
 * once, into a temporary table of verdicts: kept (a newer statement wrote the stored row), unchanged, or
 * updated; only the rows whose verdict asks for a write are then written, with {@code INSERT … SELECT … ON
 * CONFLICT (account_id, key) DO UPDATE … WHERE excluded.when_generated >= stored.when_generated}. A file
 * ingested again thus costs a comparison, not a rewrite, and the WHERE clause stays the database's own
 * guarantee that an older statement never overwrites a newer one. The temporary tables are dropped at
 * commit. The caller holds the account's advisory lock: no other ingest adds or changes the account's rows
 * meanwhile.
 *
 * <p>A row is compared on every column but its writer ({@code statement_id}, {@code when_generated}), with
 * {@code IS NOT DISTINCT FROM}, numbers by their text so that {@code 62.00} differs from {@code 62.0} as
 * the two {@link java.math.BigDecimal}s do: "unchanged" means what it means in the in-memory ledger, whose
 * records are equal exactly when their columns are.
 *
 * @param <T> the domain row
 * @param <K> the key within the account
 * @param <R> the jOOQ record
 */
record Section<T, K, R extends TableRecord<R>>(
        Table<R> table,
        TableField<R, String> accountField,
        TableField<R, K> keyField,
        TableField<R, Instant> generatedField,
        Function<T, K> key,
        BiFunction<T, Stamp, R> toRecord,
        Function<R, T> toDomain) {

    /** Every row table names the run that last wrote it (the V1 convention); not part of what a row says. */
    private static final String WRITER_RUN_COLUMN = "statement_id";
    private static final String OFFERED = "offered";
    private static final String STAGED = "staged";
    private static final String STORED = "stored";
    private static final String JUDGED = "judged";
    private static final String VERDICT = "verdict";
    private static final String KEPT_NEWER = "kept";
    private static final String UNCHANGED = "unchanged";
    /** Unchanged, but from a newer statement, which becomes the row's writer (as in memory): written. */
    private static final String UNCHANGED_NEWER = "unchanged-newer";
    private static final String UPDATED = "updated";

    void store(DSLContext ctx, List<T> rows, Stamp stamp, Tally tally) {
        Map<K, T> distinct = new LinkedHashMap<>();
        for (T row : rows) {
            distinct.put(key.apply(row), row);
        }
        if (distinct.isEmpty()) {
            return;
        }
        tally.offered += distinct.size();
        Set<K> storedKeys = storedKeys(ctx, stamp.account(), distinct.keySet());
        List<T> fresh = new ArrayList<>(distinct.size() - storedKeys.size());
        List<T> known = new ArrayList<>(storedKeys.size());
        distinct.forEach((k, row) -> (storedKeys.contains(k) ? known : fresh).add(row));

        copy(ctx, table, fresh, stamp);
        tally.inserted += fresh.size();
        if (!known.isEmpty()) {
            storeKnown(ctx, known, stamp, tally);
        }
    }

    /**
     * Which of these keys the account already has. The keys are COPYed into a temporary table and joined with
     * the primary key, a join the planner costs with real sizes on both sides; an {@code = ANY} of one array
     * parameter is not, and PostgreSQL 17 was seen searching such an array once per stored row. An account
     * with no row in the table at all (its first ingest) needs no lookup.
     */
    private Set<K> storedKeys(DSLContext ctx, AccountId account, Collection<K> keys) {
        if (!ctx.fetchExists(table, accountField.eq(account.value()))) {
            return Set.of();
        }
        Name keyTable = DSL.name(table.getName() + "_keys");
        Field<K> keyColumn = DSL.field(DSL.name(keyField.getName()), keyField.getDataType());
        ctx.createTemporaryTable(keyTable).column(keyColumn).onCommitDrop().execute();
        Table<?> offered = DSL.table(DSL.name("pg_temp", keyTable.last()));
        ctx.connection(c -> {
            Record1<K> record = ctx.newRecord(keyColumn);
            try (CopyRows copy = CopyRows.into(ctx, c, offered, new Field<?>[] {keyColumn})) {
                for (K k : keys) {
                    copy.add(record.values(k));
                }
                copy.finish();
            }
        });
        return new HashSet<>(ctx.select(keyField)
                .from(offered.as(OFFERED))
                .join(table).on(accountField.eq(account.value())
                        .and(keyField.eq(column(OFFERED, keyField))))
                .fetch(keyField));
    }

    /** COPYs the rows, as the table's records, into {@code into}, which has the table's columns. */
    private void copy(DSLContext ctx, Table<?> into, List<T> rows, Stamp stamp) {
        if (rows.isEmpty()) {
            return;
        }
        ctx.connection(c -> {
            try (CopyRows copy = CopyRows.into(ctx, c, into, table.fields())) {
                for (T row : rows) {
                    copy.add(toRecord.apply(row, stamp));
                }
                copy.finish();
            }
        });
    }

    /** Stages the rows the account has, judges each once, counts the verdicts and writes what must be written. */
    private void storeKnown(DSLContext ctx, List<T> known, Stamp stamp, Tally tally) {
        Name staging = DSL.name(table.getName() + "_staged");
        ctx.execute("create temporary table {0} (like {1}) on commit drop", staging, table);
        Table<?> staged = DSL.table(DSL.name("pg_temp", staging.last()));
        copy(ctx, staged, known, stamp);

        Table<R> stored = table.as(STORED);
        Field<String> verdict = DSL.when(column(STAGED, generatedField).lt(stored.field(generatedField)), DSL.inline(KEPT_NEWER))
                .when(sameContent(stored).not(), DSL.inline(UPDATED))
                .when(column(STAGED, generatedField).gt(stored.field(generatedField)), DSL.inline(UNCHANGED_NEWER))
                .otherwise(DSL.inline(UNCHANGED));
        Name verdictTable = DSL.name(table.getName() + "_verdicts");
        ctx.createTemporaryTable(verdictTable)
                .as(DSL.select(column(STAGED, keyField), verdict.as(VERDICT))
                        .from(staged.as(STAGED))
                        .join(stored).on(stored.field(accountField).eq(column(STAGED, accountField))
                                .and(stored.field(keyField).eq(column(STAGED, keyField)))))
                .withData()
                .onCommitDrop()
                .execute();

        Table<?> judged = DSL.table(DSL.name("pg_temp", verdictTable.last())).as(JUDGED);
        Field<String> judgedVerdict = DSL.field(DSL.name(JUDGED, VERDICT), String.class);
        Map<String, Integer> counts = ctx.select(judgedVerdict, DSL.count())
                .from(judged)
                .groupBy(judgedVerdict)
                .fetchMap(judgedVerdict, DSL.count());
        int judgedRows = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (judgedRows != known.size()) {
            throw new IllegalStateException(table.getName() + ": " + known.size() + " stored rows expected, "
                    + judgedRows + " found; were rows deleted during the ingest?");
        }
        int updated = counts.getOrDefault(UPDATED, 0);
        int unchangedNewer = counts.getOrDefault(UNCHANGED_NEWER, 0);
        tally.keptNewer += counts.getOrDefault(KEPT_NEWER, 0);
        tally.unchanged += counts.getOrDefault(UNCHANGED, 0) + unchangedNewer;
        tally.updated += updated;
        if (updated + unchangedNewer == 0) {
            return;
        }
        ctx.insertInto(table)
                .columns(table.fields())
                .select(DSL.select(Arrays.stream(table.fields()).map(f -> column(STAGED, f)).toList())
                        .from(staged.as(STAGED))
                        .join(judged).on(column(JUDGED, keyField).eq(column(STAGED, keyField)))
                        .where(judgedVerdict.in(UPDATED, UNCHANGED_NEWER)))
                .onConflict(accountField, keyField)
                .doUpdate()
                .setAllToExcluded()
                .where(DSL.excluded(generatedField).ge(generatedField))
                .execute();
    }

    /** Every column but the writer's equal in the staged and the stored row; numbers with their scale. */
    private Condition sameContent(Table<R> stored) {
        List<Condition> equal = new ArrayList<>();
        for (Field<?> f : table.fields()) {
            if (!f.equals(generatedField) && !f.getName().equals(WRITER_RUN_COLUMN)) {
                equal.add(same(f, stored));
            }
        }
        return DSL.and(equal);
    }

    private static <X> Condition same(Field<X> f, Table<?> stored) {
        Field<X> staged = column(STAGED, f);
        Field<X> before = stored.field(f);
        if (f.getType() == BigDecimal.class) {
            return staged.cast(SQLDataType.VARCHAR).isNotDistinctFrom(before.cast(SQLDataType.VARCHAR));
        }
        return staged.isNotDistinctFrom(before);
    }

    /** The column of {@code f}'s name in the table aliased {@code alias} (a temporary table jOOQ has no class for). */
    private static <X> Field<X> column(String alias, Field<X> f) {
        return DSL.field(DSL.name(alias, f.getName()), f.getDataType());
    }

    /** The account's rows whose business date is on or before the bound given by {@code through}. */
    List<T> read(DSLContext ctx, AccountId account, org.jooq.Condition through) {
        return ctx.selectFrom(table)
                .where(accountField.eq(account.value()))
                .and(through)
                .orderBy(keyField)
                .fetch(toDomain::apply);
    }
}
