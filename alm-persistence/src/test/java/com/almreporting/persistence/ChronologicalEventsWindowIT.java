package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static com.almreporting.persistence.jooq.Tables.CHRONOLOGICAL_EVENTS;
import static com.almreporting.persistence.jooq.Tables.STATEMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.port.out.StatementOrigin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report reads one trading-day window per day; with 100,000 events (two accounts, one every five minutes
 * for about a year) the planner must answer it from an index on {@code event_timestamp}, not a table scan
 * (specification §6: the mandatory index).
 */
class ChronologicalEventsWindowIT {

    private static final int EVENTS = 100_000;
    private static final Instant FIRST = Instant.parse("2024-07-01T00:00:00Z");
    private static final AccountId OTHER = AccountId.of("U7654321");
    private static TestDatabase db;

    @BeforeAll
    static void fillTheTable() {
        db = TestDatabase.create();
        JooqLedger ledger = new JooqLedger(db.dataSource());
        ledger.store(TestStatements.statement().build(), StatementOrigin.of("accounts.xml"));
        ledger.store(TestStatements.statement().account(OTHER).build(), StatementOrigin.of("accounts.xml"));
        DSLContext ctx = db.dsl();
        long run = ctx.select(DSL.max(STATEMENTS.STATEMENT_ID)).from(STATEMENTS).fetchSingle().value1();

        var series = DSL.generateSeries(1, EVENTS).as("g", "i");
        Field<Integer> i = series.field("i", Integer.class);
        Field<Instant> time = DSL.function("to_timestamp", SQLDataType.INSTANT,
                DSL.val(FIRST.getEpochSecond()).plus(i.mul(300)));
        ctx.insertInto(CHRONOLOGICAL_EVENTS,
                        CHRONOLOGICAL_EVENTS.ACCOUNT_ID, CHRONOLOGICAL_EVENTS.TRANSACTION_ID,
                        CHRONOLOGICAL_EVENTS.ROW_ACCOUNT_ID, CHRONOLOGICAL_EVENTS.EVENT_TIMESTAMP,
                        CHRONOLOGICAL_EVENTS.BUSINESS_DATE, CHRONOLOGICAL_EVENTS.TRANSACTION_TYPE,
                        CHRONOLOGICAL_EVENTS.INSTRUMENT_KIND, CHRONOLOGICAL_EVENTS.SYMBOL, CHRONOLOGICAL_EVENTS.CURRENCY,
                        CHRONOLOGICAL_EVENTS.FX_RATE_TO_BASE, CHRONOLOGICAL_EVENTS.OPEN_CLOSE, CHRONOLOGICAL_EVENTS.QUANTITY,
                        CHRONOLOGICAL_EVENTS.TRADE_PRICE, CHRONOLOGICAL_EVENTS.PROCEEDS, CHRONOLOGICAL_EVENTS.IB_COMMISSION,
                        CHRONOLOGICAL_EVENTS.TAXES, CHRONOLOGICAL_EVENTS.RAW, CHRONOLOGICAL_EVENTS.STATEMENT_ID,
                        CHRONOLOGICAL_EVENTS.WHEN_GENERATED)
                .select(DSL.select(
                                DSL.when(i.mod(2).eq(0), DSL.inline(ACCOUNT.value())).otherwise(DSL.inline(OTHER.value())),
                                DSL.concat(DSL.inline("T"), i.cast(String.class)),
                                DSL.when(i.mod(2).eq(0), DSL.inline(ACCOUNT.value())).otherwise(DSL.inline(OTHER.value())),
                                time,
                                DSL.inline(LocalDate.of(2024, 7, 1)),
                                DSL.inline("EXCH_TRADE"), DSL.inline("STOCK"), DSL.inline("SPY"), DSL.inline("USD"),
                                DSL.inline(new BigDecimal("7.8")), DSL.inline("OPEN"), DSL.inline(BigDecimal.ONE),
                                DSL.inline(new BigDecimal("600.00")), DSL.inline(new BigDecimal("-600.00")),
                                DSL.inline(new BigDecimal("-1.00")), DSL.inline(BigDecimal.ZERO),
                                DSL.inline(JSONB.valueOf("{}")), DSL.inline(run),
                                DSL.inline(Instant.parse("2025-07-19T06:00:00Z")))
                        .from(series))
                .execute();
        // The statistics a freshly filled table lacks until autovacuum gets round to it; jOOQ has no ANALYZE.
        ctx.execute("ANALYZE alm_reporting.chronological_events");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void theAccountsWindowQueryIsAnIndexRangeScanOnEventTimestamp() {
        Instant from = Instant.parse("2025-03-13T20:00:00Z");
        String plan = db.dsl().explain(JooqLedger.windowQuery(db.dsl(), ACCOUNT, from, from.plusSeconds(86_400))).plan();

        assertThat(plan).doesNotContain("Seq Scan")
                .containsPattern("(Index Scan|Index Only Scan|Bitmap Index Scan) (Backward )?using "
                        + "(idx_events_timestamp|chronological_events_account_timestamp_idx)")
                .containsPattern("Index Cond: .*event_timestamp >");
    }

    @Test
    void aWindowOverAllAccountsUsesTheMandatoryIndex() {
        Instant from = Instant.parse("2025-03-13T20:00:00Z");
        DSLContext ctx = db.dsl();
        String plan = ctx.explain(ctx.selectFrom(CHRONOLOGICAL_EVENTS)
                .where(CHRONOLOGICAL_EVENTS.EVENT_TIMESTAMP.gt(from))
                .and(CHRONOLOGICAL_EVENTS.EVENT_TIMESTAMP.le(from.plusSeconds(86_400)))).plan();

        assertThat(plan).doesNotContain("Seq Scan").contains("idx_events_timestamp");
    }

    @Test
    void theWindowHoldsTheDaysEventsOfThatAccountOnly() {
        Instant from = Instant.parse("2025-03-13T20:00:00Z");
        JooqLedger ledger = new JooqLedger(db.dataSource());

        assertThat(ledger.tradesBetween(ACCOUNT, from, from.plusSeconds(86_400)))
                .hasSize(144)
                .allSatisfy(t -> assertThat(t.account()).isEqualTo(ACCOUNT))
                .isSortedAccordingTo(java.util.Comparator.comparing(t -> ((com.almreporting.domain.model.EventTime.Exact) t.time()).instant()));
    }
}
