package com.almreporting.persistence;

import static com.almreporting.persistence.jooq.Tables.OPEN_POSITIONS;
import static com.almreporting.persistence.jooq.Tables.STOCK_POSITIONS;

import com.almreporting.domain.model.AccountId;
import com.almreporting.persistence.jooq.tables.records.StockPositionsRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record5;

/**
 * Rebuilds an account's {@code stock_positions} (holding periods) from its {@code open_positions} snapshots.
 * The snapshot dates are the report dates the ledger holds any position for: a symbol's holding period
 * starts at the first snapshot that holds it (non-zero quantity) and ends at the next snapshot date that does
 * not. Being a function of the stored snapshots alone, the result does not depend on the order statements
 * arrived in. A day on which the account held nothing at all leaves no snapshot, so a period that ends on
 * such a day ends at the next day with any snapshot.
 */
final class StockPositionProjection {

    private static final int ROWS_PER_INSERT = 2_000;

    private StockPositionProjection() {
    }

    static void rebuild(DSLContext ctx, AccountId account) {
        var snapshots = ctx.select(OPEN_POSITIONS.REPORT_DATE, OPEN_POSITIONS.SYMBOL, OPEN_POSITIONS.INSTRUMENT_KIND,
                        OPEN_POSITIONS.CURRENCY, OPEN_POSITIONS.QUANTITY)
                .from(OPEN_POSITIONS)
                .where(OPEN_POSITIONS.ACCOUNT_ID.eq(account.value()))
                .and(OPEN_POSITIONS.REPORT_DATE.isNotNull())
                .fetch();
        NavigableSet<LocalDate> dates = new TreeSet<>();
        Map<String, TreeMap<LocalDate, Record5<LocalDate, String, String, String, BigDecimal>>> bySymbol = new TreeMap<>();
        for (var s : snapshots) {
            dates.add(s.value1());
            bySymbol.computeIfAbsent(s.value2(), k -> new TreeMap<>()).put(s.value1(), s);
        }
        List<StockPositionsRecord> periods = new ArrayList<>();
        bySymbol.forEach((symbol, held) -> {
            StockPositionsRecord open = null;
            for (LocalDate date : dates) {
                var s = held.get(date);
                if (s != null && s.value5().signum() != 0) {
                    if (open == null) {
                        open = new StockPositionsRecord();
                        open.setAccountId(account.value());
                        open.setSymbol(symbol);
                        open.setEntryDate(date);
                    }
                    open.setInstrumentKind(s.value3());
                    open.setCurrency(s.value4());
                    open.setLastReportDate(date);
                    open.setLastQuantity(s.value5());
                } else if (open != null) {
                    open.setExitDate(date);
                    periods.add(open);
                    open = null;
                }
            }
            if (open != null) {
                periods.add(open);
            }
        });
        ctx.deleteFrom(STOCK_POSITIONS).where(STOCK_POSITIONS.ACCOUNT_ID.eq(account.value())).execute();
        for (int from = 0; from < periods.size(); from += ROWS_PER_INSERT) {
            ctx.insertInto(STOCK_POSITIONS)
                    .columns(STOCK_POSITIONS.fields())
                    .valuesOfRecords(periods.subList(from, Math.min(periods.size(), from + ROWS_PER_INSERT)))
                    .execute();
        }
    }
}
