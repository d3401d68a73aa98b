package com.almreporting.persistence;

import static com.almreporting.persistence.jooq.Tables.CASH_TRANSACTIONS;
import static com.almreporting.persistence.jooq.Tables.CHECKPOINTS;
import static com.almreporting.persistence.jooq.Tables.CHECKPOINT_HOLDINGS;
import static com.almreporting.persistence.jooq.Tables.CHECKPOINT_LOTS;
import static com.almreporting.persistence.jooq.Tables.CHRONOLOGICAL_EVENTS;
import static com.almreporting.persistence.jooq.Tables.NAV_SNAPSHOTS;
import static com.almreporting.persistence.jooq.Tables.OPTION_EAE;
import static com.almreporting.persistence.jooq.Tables.STATEMENTS;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.checkpoint.CarriedHolding;
import com.almreporting.domain.model.checkpoint.CarriedLot;
import com.almreporting.domain.model.checkpoint.Checkpoint;
import com.almreporting.domain.port.out.BusinessDates;
import com.almreporting.persistence.jooq.tables.records.CheckpointHoldingsRecord;
import com.almreporting.persistence.jooq.tables.records.CheckpointLotsRecord;
import com.almreporting.persistence.jooq.tables.records.CheckpointsRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The checkpoint SQL of {@link JooqLedger}: reading and storing checkpoints (tables {@code checkpoints},
 * {@code checkpoint_holdings}, {@code checkpoint_lots}), the ledger version that guards their storing, and the
 * reads a report resuming from one needs besides its window. Dropping stale checkpoints is not here: triggers on
 * the row tables do it in the storing transaction (migration V2), whatever writes the rows.
 */
final class LedgerCheckpoints {

    /** Rows per multi-row insert: well below PostgreSQL's bind-variable limit for these narrow tables. */
    private static final int ROWS_PER_INSERT = 2_000;

    private LedgerCheckpoints() {
    }

    /** The newest committed statement's run id for the account: it changes with every committed store. */
    static long version(DSLContext ctx, AccountId account) {
        Long max = ctx.select(DSL.max(STATEMENTS.STATEMENT_ID)).from(STATEMENTS)
                .where(STATEMENTS.ACCOUNT_ID.eq(account.value()))
                .and(STATEMENTS.STATUS.eq(StatementRun.COMMITTED))
                .fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    static Optional<Checkpoint> latestBefore(DSLContext ctx, AccountId account, LocalDate day) {
        CheckpointsRecord head = ctx.selectFrom(CHECKPOINTS)
                .where(CHECKPOINTS.ACCOUNT_ID.eq(account.value()))
                .and(CHECKPOINTS.AS_OF.lt(day))
                .orderBy(CHECKPOINTS.AS_OF.desc())
                .limit(1)
                .fetchOne();
        if (head == null) {
            return Optional.empty();
        }
        Map<Integer, List<CarriedLot>> lots = new LinkedHashMap<>();
        for (CheckpointLotsRecord l : ctx.selectFrom(CHECKPOINT_LOTS)
                .where(CHECKPOINT_LOTS.ACCOUNT_ID.eq(account.value()))
                .and(CHECKPOINT_LOTS.AS_OF.eq(head.getAsOf()))
                .orderBy(CHECKPOINT_LOTS.POSITION, CHECKPOINT_LOTS.LOT)
                .fetch()) {
            lots.computeIfAbsent(l.getPosition(), p -> new ArrayList<>()).add(new CarriedLot(l.getQuantity(),
                    l.getOpeningCost(), l.getPrice(), l.getBlock(), l.getPremiumRecognised()));
        }
        List<CarriedHolding> holdings = new ArrayList<>();
        for (CheckpointHoldingsRecord h : ctx.selectFrom(CHECKPOINT_HOLDINGS)
                .where(CHECKPOINT_HOLDINGS.ACCOUNT_ID.eq(account.value()))
                .and(CHECKPOINT_HOLDINGS.AS_OF.eq(head.getAsOf()))
                .orderBy(CHECKPOINT_HOLDINGS.POSITION)
                .fetch()) {
            InstrumentColumns instrument = new InstrumentColumns(h.getInstrumentKind(), h.getInstrumentCategory(),
                    h.getSymbol(), h.getUnderlying(), h.getExpiry(), h.getPutCall(), h.getStrike(), h.getMultiplier());
            holdings.add(new CarriedHolding(instrument.toInstrument(), h.getQuantity(), lots.get(h.getPosition())));
        }
        return Optional.of(new Checkpoint(account, head.getAsOf(), head.getSinceDate(), head.getHorizon(),
                head.getSettings(), head.getBaseCurrency(), head.getCalculatedClose(), head.getBlockSequence(), holdings));
    }

    /**
     * Stores the checkpoints, replacing those of the same days, under the account's ingest lock and only if no
     * statement was committed since {@code version} was read: a store waits for the lock, so none can slip in
     * between the check and the commit.
     */
    static boolean store(DSLContext dsl, AccountId account, long version, List<Checkpoint> checkpoints) {
        return dsl.transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            ctx.select(DSL.function("pg_advisory_xact_lock", SQLDataType.OTHER, DSL.val(JooqLedger.lockKey(account)))).fetch();
            if (version(ctx, account) != version) {
                return false;
            }
            if (checkpoints.isEmpty()) {
                return true;
            }
            List<LocalDate> days = checkpoints.stream().map(Checkpoint::day).toList();
            ctx.deleteFrom(CHECKPOINTS)
                    .where(CHECKPOINTS.ACCOUNT_ID.eq(account.value()))
                    .and(CHECKPOINTS.AS_OF.in(days))
                    .execute();
            List<CheckpointsRecord> heads = new ArrayList<>();
            List<CheckpointHoldingsRecord> holdings = new ArrayList<>();
            List<CheckpointLotsRecord> lots = new ArrayList<>();
            for (Checkpoint c : checkpoints) {
                if (!c.account().equals(account)) {
                    throw new IllegalArgumentException("checkpoint of account " + c.account().masked() + " stored for "
                            + account.masked());
                }
                heads.add(new CheckpointsRecord(account.value(), c.day(), c.since(), c.horizon(), c.settings(),
                        c.baseCurrency(), c.calculatedClose(), c.blockSequence()));
                for (int p = 0; p < c.holdings().size(); p++) {
                    CarriedHolding h = c.holdings().get(p);
                    InstrumentColumns i = InstrumentColumns.of(h.instrument());
                    holdings.add(new CheckpointHoldingsRecord(account.value(), c.day(), p, i.kind(), i.category(),
                            i.symbol(), i.underlying(), i.expiry(), i.putCall(), i.strike(), i.multiplier(), h.quantity()));
                    for (int l = 0; l < h.lots().size(); l++) {
                        CarriedLot lot = h.lots().get(l);
                        lots.add(new CheckpointLotsRecord(account.value(), c.day(), p, l, lot.quantity(), lot.openingCost(),
                                lot.price(), lot.block(), lot.premiumRecognised()));
                    }
                }
            }
            insert(ctx, CHECKPOINTS, heads);
            insert(ctx, CHECKPOINT_HOLDINGS, holdings);
            insert(ctx, CHECKPOINT_LOTS, lots);
            return true;
        });
    }

    private static <R extends TableRecord<R>> void insert(DSLContext ctx, Table<R> table, List<R> records) {
        for (int from = 0; from < records.size(); from += ROWS_PER_INSERT) {
            ctx.insertInto(table).columns(table.fields())
                    .valuesOfRecords(records.subList(from, Math.min(records.size(), from + ROWS_PER_INSERT)))
                    .execute();
        }
    }

    static Optional<BusinessDates> businessDates(DSLContext ctx, AccountId account) {
        String id = account.value();
        var dates = bounds(ctx, CHRONOLOGICAL_EVENTS, CHRONOLOGICAL_EVENTS.ACCOUNT_ID, CHRONOLOGICAL_EVENTS.BUSINESS_DATE, id)
                .unionAll(bounds(ctx, CASH_TRANSACTIONS, CASH_TRANSACTIONS.ACCOUNT_ID, CASH_TRANSACTIONS.BUSINESS_DATE, id))
                .unionAll(bounds(ctx, OPTION_EAE, OPTION_EAE.ACCOUNT_ID, OPTION_EAE.EAE_DATE, id))
                .unionAll(bounds(ctx, NAV_SNAPSHOTS, NAV_SNAPSHOTS.ACCOUNT_ID, NAV_SNAPSHOTS.REPORT_DATE, id))
                .fetch();
        LocalDate first = null;
        LocalDate last = null;
        for (Record2<LocalDate, LocalDate> r : dates) {
            if (r.value1() != null) {
                first = first == null || r.value1().isBefore(first) ? r.value1() : first;
                last = last == null || r.value2().isAfter(last) ? r.value2() : last;
            }
        }
        return first == null ? Optional.empty() : Optional.of(new BusinessDates(first, last));
    }

    /** Min and max of an indexed (account_id, date) pair: two index probes. */
    private static org.jooq.Select<Record2<LocalDate, LocalDate>> bounds(DSLContext ctx, Table<?> table,
                                                                       Field<String> account, Field<LocalDate> date,
                                                                       String id) {
        return ctx.select(DSL.min(date), DSL.max(date)).from(table).where(account.eq(id));
    }

    /**
     * See {@link com.almreporting.domain.port.out.Ledger#linkedBefore}. Each id is looked up in an index (the ids
     * drive a nested loop over {@code unnest}): a year's window names some hundred thousand ids, and a filter over
     * the rows before the window would cost what the whole history costs.
     */
    static boolean linkedBefore(DSLContext ctx, AccountId account, LocalDate before, Set<String> transactionIds,
                                Set<String> tradeIds) {
        var ev = CHRONOLOGICAL_EVENTS;
        String[] transactions = array(transactionIds);
        String[] trades = array(tradeIds);
        return anyBefore(ctx, account, before, ev, ev.ACCOUNT_ID, ev.BUSINESS_DATE, ev.TRANSACTION_ID, transactions)
                || anyBefore(ctx, account, before, ev, ev.ACCOUNT_ID, ev.BUSINESS_DATE, ev.ORIG_TRANSACTION_ID, transactions)
                || anyBefore(ctx, account, before, ev, ev.ACCOUNT_ID, ev.BUSINESS_DATE, ev.TRADE_ID, trades)
                || anyBefore(ctx, account, before, ev, ev.ACCOUNT_ID, ev.BUSINESS_DATE, ev.ORIG_TRADE_ID, trades)
                || anyBefore(ctx, account, before, OPTION_EAE, OPTION_EAE.ACCOUNT_ID, OPTION_EAE.EAE_DATE, OPTION_EAE.TRADE_ID,
                        trades);
    }

    /** Whether a row of the account dated before {@code before} has one of {@code ids} in {@code key}. */
    private static boolean anyBefore(DSLContext ctx, AccountId account, LocalDate before, Table<?> table,
                                     Field<String> accountField, Field<LocalDate> date, Field<String> key, String[] ids) {
        if (ids.length == 0) {
            return false;
        }
        Table<?> wanted = DSL.unnest(DSL.val(ids)).as("wanted", "id");
        return ctx.fetchExists(ctx.selectOne().from(wanted).join(table)
                .on(accountField.eq(account.value()).and(key.eq(wanted.field("id", String.class))))
                .where(date.lt(before)));
    }

    private static String[] array(Collection<String> ids) {
        return ids.toArray(String[]::new);
    }
}
