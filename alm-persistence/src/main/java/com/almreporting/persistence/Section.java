package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * One statement section stored into one table keyed by (account_id, key): the rows are made distinct by key
 * (the last occurrence in the file wins), compared with what is stored, counted, and the rows that must be
 * written go out as multi-row {@code INSERT … ON CONFLICT (account_id, key) DO UPDATE … WHERE
 * excluded.when_generated >= stored.when_generated}. The comparison is made on domain records (the stored
 * row mapped back), so "unchanged" means exactly what it means in the in-memory ledger; the WHERE clause is
 * the database's own guarantee that an older statement never overwrites a newer one.
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

    /** Keys per lookup query: a bind variable each, well below PostgreSQL's 32,767 per statement. */
    private static final int KEYS_PER_LOOKUP = 1_000;
    /** Bind variables per multi-row insert (rows × columns). */
    private static final int BINDS_PER_INSERT = 30_000;

    void store(DSLContext ctx, List<T> rows, Stamp stamp, Tally tally) {
        Map<K, T> distinct = new LinkedHashMap<>();
        for (T row : rows) {
            distinct.put(key.apply(row), row);
        }
        if (distinct.isEmpty()) {
            return;
        }
        tally.offered += distinct.size();
        int rowsPerInsert = Math.max(1, BINDS_PER_INSERT / table.fields().length);
        List<K> keys = new ArrayList<>(distinct.keySet());
        List<R> writes = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
            List<K> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
            Map<K, R> stored = ctx.selectFrom(table)
                    .where(accountField.eq(stamp.account().value()))
                    .and(keyField.in(chunk))
                    .fetchMap(keyField);
            for (K k : chunk) {
                T row = distinct.get(k);
                R old = stored.get(k);
                if (old == null) {
                    tally.inserted++;
                    writes.add(toRecord.apply(row, stamp));
                } else {
                    Instant writtenBy = old.get(generatedField);
                    if (stamp.whenGenerated().isBefore(writtenBy)) {
                        tally.keptNewer++;
                    } else if (toDomain.apply(old).equals(row)) {
                        tally.unchanged++;
                        if (stamp.whenGenerated().isAfter(writtenBy)) {
                            // Same content, newer statement: it becomes the row's writer, as in memory.
                            writes.add(toRecord.apply(row, stamp));
                        }
                    } else {
                        tally.updated++;
                        writes.add(toRecord.apply(row, stamp));
                    }
                }
                if (writes.size() >= rowsPerInsert) {
                    upsert(ctx, writes);
                    writes.clear();
                }
            }
        }
        if (!writes.isEmpty()) {
            upsert(ctx, writes);
        }
    }

    private void upsert(DSLContext ctx, List<R> records) {
        ctx.insertInto(table)
                .columns(table.fields())
                .valuesOfRecords(records)
                .onConflict(accountField, keyField)
                .doUpdate()
                .setAllToExcluded()
                .where(DSL.excluded(generatedField).ge(generatedField))
                .execute();
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
