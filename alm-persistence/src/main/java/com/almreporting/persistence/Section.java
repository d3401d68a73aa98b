package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * rows are made distinct by key (the last occurrence in the file wins); one lookup then gives, for each key
 * the account already has, the stored row's {@code when_generated} and {@link RowFingerprint}. From these:
 * <ul>
 * <li>rows the account does not have are COPYed straight into the table, the fastest way in;
 * <li>rows a newer statement wrote are kept as they are;
 * <li>rows whose fingerprint matches are unchanged and not sent at all, except that a newer statement
 * becomes their writer (as in memory), which updates those two columns only;
 * <li>the rest are COPYed into a temporary staging table and judged against the stored ones inside the
 * database, each once, into a temporary table of verdicts (kept, unchanged, updated); only the rows whose
 * verdict asks for a write are written, with {@code INSERT … SELECT … ON CONFLICT (account_id, key) DO
 * UPDATE … WHERE excluded.when_generated >= stored.when_generated}, the database's own guarantee that an
 * older statement never overwrites a newer one.
 * </ul>
 * So a file ingested again costs a lookup, not a rewrite. The temporary tables are dropped at commit. The
 * caller holds the account's advisory lock: no other ingest adds or changes the account's rows meanwhile.
 *
 * <p>In the database a row is compared on every column but its writer ({@code statement_id},
 * {@code when_generated}), with {@code IS NOT DISTINCT FROM}, numbers by their text so that {@code 62.00}
 * differs from {@code 62.0} as the two {@link java.math.BigDecimal}s do: "unchanged" means what it means in
 * the in-memory ledger, whose records are equal exactly when their columns are.
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
        Function<R, T> toDomain,
        RowFingerprint fingerprint) {

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

    Section(Table<R> table, TableField<R, String> accountField, TableField<R, K> keyField,
            TableField<R, Instant> generatedField, Function<T, K> key, BiFunction<T, Stamp, R> toRecord,
            Function<R, T> toDomain) {
        this(table, accountField, keyField, generatedField, key, toRecord, toDomain,
                new RowFingerprint(table, f -> isWriter(f, generatedField)));
    }

    /** The columns that name a row's writer rather than say anything of the row. */
    private static boolean isWriter(Field<?> f, Field<Instant> generatedField) {
        return f.equals(generatedField) || f.getName().equals(WRITER_RUN_COLUMN);
    }

    /** What the lookup found of a key the account has. */
    private record Stored(Instant whenGenerated, byte[] fingerprint) {
    }

    void store(DSLContext ctx, List<T> rows, Stamp stamp, Tally tally) {
        Map<K, T> distinct = new LinkedHashMap<>();
        for (T row : rows) {
            distinct.put(key.apply(row), row);
        }
        if (distinct.isEmpty()) {
            return;
        }
        tally.offered += distinct.size();
        Map<K, Stored> stored = lookup(ctx, stamp.account(), distinct.keySet());
        List<T> fresh = new ArrayList<>(distinct.size() - stored.size());
        List<T> differing = new ArrayList<>();
        List<K> takenOver = new ArrayList<>();
        MessageDigest sha = RowFingerprint.sha256();
        distinct.forEach((k, row) -> {
            Stored s = stored.get(k);
            if (s == null) {
                fresh.add(row);
            } else if (stamp.whenGenerated().isBefore(s.whenGenerated())) {
                tally.keptNewer++;
            } else if (Arrays.equals(s.fingerprint(), fingerprint.of(toRecord.apply(row, stamp), sha))) {
                tally.unchanged++;
                if (stamp.whenGenerated().isAfter(s.whenGenerated())) {
                    takenOver.add(k);
                }
            } else {
                differing.add(row);
            }
        });

        copy(ctx, table, fresh, stamp);
        tally.inserted += fresh.size();
        takeOver(ctx, takenOver, stamp);
        if (!differing.isEmpty()) {
            judge(ctx, differing, stamp, tally);
        }
    }

    /**
     * The stored rows of these keys: one join of the keys, COPYed into a temporary table, with the primary
     * key, which the planner costs with real sizes on both sides (an {@code = ANY} of one array parameter is
     * not, and PostgreSQL 17 was seen searching such an array once per stored row). An account with no row
     * in the table at all, as at its first ingest, needs no lookup.
     */
    private Map<K, Stored> lookup(DSLContext ctx, AccountId account, Collection<K> keys) {
        if (!ctx.fetchExists(table, accountField.eq(account.value()))) {
            return Map.of();
        }
        Table<?> offered = keyTable(ctx, "_keys", keys).as(OFFERED);
        Map<K, Stored> stored = new HashMap<>();
        ctx.select(keyField, generatedField, fingerprint.of(table))
                .from(offered)
                .join(table).on(accountField.eq(account.value()).and(keyField.eq(column(OFFERED, keyField))))
                .forEach(r -> stored.put(r.value1(), new Stored(r.value2(), r.value3())));
        return stored;
    }

    /** A temporary table of one column, named and typed as the key, holding {@code keys}. */
    private Table<?> keyTable(DSLContext ctx, String suffix, Collection<K> keys) {
        Name name = DSL.name(table.getName() + suffix);
        Field<K> keyColumn = DSL.field(DSL.name(keyField.getName()), keyField.getDataType());
        ctx.createTemporaryTable(name).column(keyColumn).onCommitDrop().execute();
        Table<?> keyTable = DSL.table(DSL.name("pg_temp", name.last()));
        ctx.connection(c -> {
            Record1<K> record = ctx.newRecord(keyColumn);
            try (CopyRows copy = CopyRows.into(ctx, c, keyTable, new Field<?>[] {keyColumn})) {
                for (K k : keys) {
                    copy.add(record.values(k));
                }
                copy.finish();
            }
        });
        return keyTable;
    }

    /** The newer statement becomes the writer of stored rows that already say what it says. */
    private void takeOver(DSLContext ctx, List<K> keys, Stamp stamp) {
        if (keys.isEmpty()) {
            return;
        }
        Table<?> taken = keyTable(ctx, "_taken", keys).as(OFFERED);
        int updated = ctx.update(table)
                .set(table.field(WRITER_RUN_COLUMN, Long.class), stamp.statementId())
                .set(generatedField, stamp.whenGenerated())
                .from(taken)
                .where(accountField.eq(stamp.account().value()))
                .and(keyField.eq(column(OFFERED, keyField)))
                .and(generatedField.le(stamp.whenGenerated()))
                .execute();
        if (updated != keys.size()) {
            throw new IllegalStateException(table.getName() + ": " + keys.size() + " stored rows to take over, "
                    + updated + " found; were rows changed during the ingest?");
        }
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

    /**
     * Stages rows the account has but whose fingerprint differs, judges each once against the stored row,
     * counts the verdicts and writes what must be written.
     */
    private void judge(DSLContext ctx, List<T> differing, Stamp stamp, Tally tally) {
        Name staging = DSL.name(table.getName() + "_staged");
        ctx.execute("create temporary table {0} (like {1}) on commit drop", staging, table);
        Table<?> staged = DSL.table(DSL.name("pg_temp", staging.last()));
        copy(ctx, staged, differing, stamp);

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
        if (judgedRows != differing.size()) {
            throw new IllegalStateException(table.getName() + ": " + differing.size() + " stored rows expected, "
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
            if (!isWriter(f, generatedField)) {
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
