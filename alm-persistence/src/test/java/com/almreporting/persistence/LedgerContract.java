package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static com.almreporting.persistence.TestStatements.JUL_16;
import static com.almreporting.persistence.TestStatements.JUL_17;
import static com.almreporting.persistence.TestStatements.JUL_18;
import static com.almreporting.persistence.TestStatements.cash;
import static com.almreporting.persistence.TestStatements.day16;
import static com.almreporting.persistence.TestStatements.day17;
import static com.almreporting.persistence.TestStatements.day18;
import static com.almreporting.persistence.TestStatements.everything;
import static com.almreporting.persistence.TestStatements.nav;
import static com.almreporting.persistence.TestStatements.position;
import static com.almreporting.persistence.TestStatements.statement;
import static com.almreporting.persistence.TestStatements.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.StatementOrigin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@link Ledger} port's contract, run against every implementation: the in-memory ledger of the domain and
 * the PostgreSQL one. (It would live in alm-domain's test-jar as {@code LedgerContractTest}; it lives here until
 * it moves.) Where an implementation can show its storage, whole-storage dumps are compared as well as
 * histories.
 */
abstract class LedgerContract {

    static final LocalDate FOREVER = LocalDate.of(2999, 12, 31);

    /** A ledger with nothing stored. Each call starts afresh; an earlier ledger need not survive it. */
    protected abstract Ledger emptyLedger();

    /** Everything the ledger stores, comparable with {@code equals}, or empty when it cannot show it. */
    protected Optional<Object> dump() {
        return Optional.empty();
    }

    static IngestCounts store(Ledger ledger, Statement statement) {
        return ledger.store(statement, new StatementOrigin("U1234567_MTD_" + statement.toDate() + ".xml", null));
    }

    static void assertSameHistory(AccountHistory actual, AccountHistory expected) {
        assertThat(actual.account()).isEqualTo(expected.account());
        assertThat(actual.baseCurrency()).isEqualTo(expected.baseCurrency());
        assertThat(actual.trades()).containsExactlyInAnyOrderElementsOf(expected.trades());
        assertThat(actual.optionEae()).containsExactlyInAnyOrderElementsOf(expected.optionEae());
        assertThat(actual.cashTransactions()).containsExactlyInAnyOrderElementsOf(expected.cashTransactions());
        assertThat(actual.officialNavs()).containsExactlyInAnyOrderElementsOf(expected.officialNavs());
        assertThat(actual.changesInNav()).containsExactlyInAnyOrderElementsOf(expected.changesInNav());
        assertThat(actual.openPositions()).containsExactlyInAnyOrderElementsOf(expected.openPositions());
    }

    @Test
    void storedRowsReadBackEqualToWhatWasStored() {
        Ledger ledger = emptyLedger();
        Statement s = everything();

        IngestCounts counts = store(ledger, s);

        AccountHistory h = ledger.history(ACCOUNT, FOREVER);
        assertThat(h.trades()).containsExactlyInAnyOrderElementsOf(s.trades());
        assertThat(h.optionEae()).containsExactlyInAnyOrderElementsOf(s.optionEae());
        assertThat(h.cashTransactions()).containsExactlyInAnyOrderElementsOf(s.cashTransactions());
        assertThat(h.officialNavs()).containsExactlyInAnyOrderElementsOf(s.officialNavs());
        assertThat(h.changesInNav()).containsExactly(s.changeInNav());
        assertThat(h.openPositions()).containsExactlyInAnyOrderElementsOf(s.openPositions());
        assertThat(h.baseCurrency()).isEqualTo("HKD");
        int rows = s.trades().size() + s.optionEae().size() + s.cashTransactions().size() + s.officialNavs().size() + 1
                + s.openPositions().size();
        assertThat(counts).isEqualTo(new IngestCounts(ACCOUNT, rows, 0, 0, 0));
    }

    @Test
    void storingTheSameStatementTwiceChangesNothing() {
        Ledger ledger = emptyLedger();
        IngestCounts first = store(ledger, day18());
        AccountHistory before = ledger.history(ACCOUNT, FOREVER);
        Optional<Object> dumpBefore = dump();

        IngestCounts second = store(ledger, day18());

        assertThat(second).isEqualTo(new IngestCounts(ACCOUNT, 0, 0, first.inserted(), 0));
        assertSameHistory(ledger.history(ACCOUNT, FOREVER), before);
        assertThat(dump()).isEqualTo(dumpBefore);
    }

    @Test
    void everyKindOfRowStoredAgainIsUnchanged() {
        Ledger ledger = emptyLedger();
        IngestCounts first = store(ledger, everything());
        Optional<Object> dumpBefore = dump();

        IngestCounts again = store(ledger, everything());

        assertThat(again).isEqualTo(new IngestCounts(ACCOUNT, 0, 0, first.inserted(), 0));
        assertThat(dump()).isEqualTo(dumpBefore);
    }

    @Test
    void aRowThatDiffersInAnySingleValueIsUpdated() {
        List<TradeBuilder> variants = List.of(
                trade("1001").price("0.620"),
                trade("1001").raw("extraAttribute", ""),
                trade("1001").amounts("-1", "0.62", "62.00", "-0.73", null, "0"),
                trade("1001").notes("P"),
                trade("1001").at("2025-07-16T14:10:00.000001"),
                trade("1001").time(EventTime.on(JUL_16)));
        for (TradeBuilder variant : variants) {
            Ledger ledger = emptyLedger();
            store(ledger, statement().trades(trade("1001")).build());

            IngestCounts counts = store(ledger, statement().trades(variant).build());

            TradeRow expected = variant.build();
            assertThat(counts).as("%s", expected).isEqualTo(new IngestCounts(ACCOUNT, 0, 1, 0, 0));
            assertThat(ledger.history(ACCOUNT, FOREVER).trades()).containsExactly(expected);
        }
    }

    @Test
    void anOlderStatementNeverOverwritesANewerOne() {
        Ledger ledger = emptyLedger();
        store(ledger, statement().generated("2025-07-19T06:00:00Z").baseCurrency("HKD")
                .trades(trade("1002").price("0.945")).navs(nav(JUL_16, "79498.68")).build());

        IngestCounts older = store(ledger, statement().generated("2025-07-17T06:00:00Z").baseCurrency("USD")
                .trades(trade("1002").price("0.94"), trade("1099")).navs(nav(JUL_16, "1.00")).build());

        assertThat(older).isEqualTo(new IngestCounts(ACCOUNT, 1, 0, 0, 2));
        AccountHistory h = ledger.history(ACCOUNT, FOREVER);
        assertThat(h.trades()).extracting(TradeRow::tradePrice)
                .containsExactlyInAnyOrder(new BigDecimal("0.945"), new BigDecimal("0.62"));
        assertThat(h.officialNavs()).containsExactly(nav(JUL_16, "79498.68"));
        assertThat(ledger.baseCurrency(ACCOUNT)).contains("HKD");
    }

    @Test
    void aStatementAsOldAsTheStoredOneOverwritesWhatChanged() {
        Ledger ledger = emptyLedger();
        store(ledger, statement().trades(trade("1002").price("0.94")).build());

        IngestCounts same = store(ledger, statement().trades(trade("1002").price("0.945")).build());

        assertThat(same).isEqualTo(new IngestCounts(ACCOUNT, 0, 1, 0, 0));
        assertThat(ledger.history(ACCOUNT, FOREVER).trades()).extracting(TradeRow::tradePrice)
                .containsExactly(new BigDecimal("0.945"));
    }

    @Test
    void aRowRepeatedInOneFileCountsOnceAndItsLastOccurrenceWins() {
        Ledger ledger = emptyLedger();

        IngestCounts counts = store(ledger, statement()
                .trades(trade("1001").price("0.61"), trade("1001").price("0.62"))
                .navs(nav(JUL_16, "1.00"), nav(JUL_16, "79498.68"))
                .build());

        assertThat(counts).isEqualTo(new IngestCounts(ACCOUNT, 2, 0, 0, 0));
        AccountHistory h = ledger.history(ACCOUNT, FOREVER);
        assertThat(h.trades()).extracting(TradeRow::tradePrice).containsExactly(new BigDecimal("0.62"));
        assertThat(h.officialNavs()).containsExactly(nav(JUL_16, "79498.68"));
    }

    @Test
    void overlappingMonthToDateFilesEndTheSameInAnyOrder() {
        Ledger inOrder = emptyLedger();
        IngestCounts c16 = store(inOrder, day16());
        IngestCounts c17 = store(inOrder, day17());
        IngestCounts c18 = store(inOrder, day18());
        AccountHistory expected = inOrder.history(ACCOUNT, FOREVER);
        Optional<Object> expectedDump = dump();

        Ledger shuffled = emptyLedger();
        IngestCounts s18 = store(shuffled, day18());
        IngestCounts s16 = store(shuffled, day16());
        IngestCounts s17 = store(shuffled, day17());

        assertSameHistory(shuffled.history(ACCOUNT, FOREVER), expected);
        assertThat(dump()).isEqualTo(expectedDump);

        // 16: 2 trades, 1 DETAIL cash row, 1 NAV, 1 ChangeInNAV, 3 SUMMARY positions.
        assertThat(c16).isEqualTo(new IngestCounts(ACCOUNT, 8, 0, 0, 0));
        // 17: 7 new trades, 2 EAE, 1 NAV, 1 ChangeInNAV, 2 positions; 1002's price corrected; 1001, cash, NAV 16 as they were.
        assertThat(c17).isEqualTo(new IngestCounts(ACCOUNT, 13, 1, 3, 0));
        assertThat(c18.updated()).isZero();
        assertThat(s18.inserted()).isEqualTo(expected.trades().size() + expected.optionEae().size()
                + expected.cashTransactions().size() + 3 + 1 + 1);
        // 16 after 18: its 2 trades, cash row and NAV are older than 18's; its ChangeInNAV and 3 positions are its own.
        assertThat(s16).isEqualTo(new IngestCounts(ACCOUNT, 4, 0, 0, 4));
        assertThat(s17).isEqualTo(new IngestCounts(ACCOUNT, 3, 0, 0, 14));

        // The later files' corrections win whatever the order: 1002 repriced, 1003 cancelled by 1012, corrected by 1013.
        assertThat(expected.trades()).filteredOn(t -> t.transactionId().value().equals("1002"))
                .extracting(TradeRow::tradePrice).containsExactly(new BigDecimal("0.945"));
        assertThat(expected.trades()).filteredOn(t -> t.transactionType() == TradeType.TRADE_CANCEL)
                .extracting(TradeRow::origTransactionId).containsExactly("1003");
        assertThat(expected.trades()).filteredOn(t -> "T1003".equals(t.tradeId())).hasSize(3);
        assertThat(expected.officialNavs()).hasSize(3);
        assertThat(expected.changesInNav()).hasSize(3);
    }

    @Test
    void summaryCashRowsAndLotPositionsAreNotStored() {
        Ledger ledger = emptyLedger();

        IngestCounts counts = store(ledger, statement()
                .cash(cash("2001", "Dividends", "5.00", EventTime.on(JUL_17), JUL_17, "DETAIL"),
                        cash(null, "Dividends", "5.00", EventTime.on(JUL_17), JUL_17, "SUMMARY"),
                        cash("2003", "Dividends", "7.00", EventTime.on(JUL_17), JUL_17, "summary"))
                .positions(position(JUL_17, Stock.of("SPY"), "-100", "SUMMARY"),
                        position(JUL_17, Stock.of("SPY"), "-60", "LOT"),
                        position(JUL_17, Stock.of("SPY"), "-40", "LOT"))
                .build());

        assertThat(counts).isEqualTo(new IngestCounts(ACCOUNT, 2, 0, 0, 0));
        AccountHistory h = ledger.history(ACCOUNT, FOREVER);
        assertThat(h.cashTransactions()).extracting(c -> c.transactionId().value()).containsExactly("2001");
        assertThat(h.openPositions()).extracting(p -> p.position()).containsExactly(new BigDecimal("-100"));
    }

    @Test
    void historyThroughTheEndOfTimeHasEverything() {
        Ledger ledger = emptyLedger();
        ledger.store(com.almreporting.domain.fixtures.GroundTruth.statement(), StatementOrigin.of("gt.xml"));
        assertThat(ledger.history(com.almreporting.domain.fixtures.GroundTruth.ACCOUNT, java.time.LocalDate.MAX).trades())
                .hasSize(14);
    }

    @Test
    void historyThroughADateHasOnlyRowsOfThatDateOrBefore() {
        Ledger ledger = emptyLedger();
        store(ledger, day18());
        store(ledger, statement().generated("2025-07-19T07:00:00Z")
                .trades(trade("5001").time(EventTime.at(TestStatements.et("2025-07-17T21:00:00"))).dates(null, null),
                        trade("5002").time(EventTime.on(JUL_18)).dates(null, null))
                .positions(position(null, Stock.of("IBM"), "1", "SUMMARY"))
                .build());

        AccountHistory h = ledger.history(ACCOUNT, JUL_17);

        // Without a trade date, a trade's date is the UTC date of its time: 21:00 EDT on the 17th is the 18th in UTC.
        assertThat(h.trades()).extracting(t -> t.transactionId().value())
                .containsExactlyInAnyOrder("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1013");
        assertThat(h.optionEae()).extracting(OptionEaeRow::date).containsOnly(JUL_17).hasSize(2);
        assertThat(h.cashTransactions()).extracting(c -> c.transactionId().value()).containsExactly("2001");
        assertThat(h.officialNavs()).extracting(n -> n.reportDate()).containsExactlyInAnyOrder(JUL_16, JUL_17);
        assertThat(h.changesInNav()).isEmpty();
        assertThat(h.openPositions()).extracting(p -> p.instrument().symbol()).containsExactly("IBM");
        assertThat(ledger.history(ACCOUNT, JUL_18).trades()).hasSize(18);
        assertThat(ledger.history(ACCOUNT, LocalDate.of(2025, 7, 15)).trades()).isEmpty();
    }

    @Test
    void aStatementThatFailsMidwayLeavesTheLedgerAsBefore() {
        Ledger ledger = emptyLedger();
        store(ledger, day16());
        AccountHistory before = ledger.history(ACCOUNT, FOREVER);
        Optional<Object> dumpBefore = dump();
        // Its OCC symbol cannot be written (the strike has more than eight digits): the EAE section cannot be keyed,
        // after the trades, which come first, were already accepted.
        OptionContract unwritable = new OptionContract("SPY", JUL_18, OptionRight.CALL, new BigDecimal("1E+16"),
                new BigDecimal("100"));
        Statement broken = statement().generated("2025-07-20T06:00:00Z").baseCurrency("USD")
                .trades(trade("1001").price("9.99"), trade("7001"))
                .optionEae(new OptionEaeRow(ACCOUNT, JUL_18, OptionEaeType.EXPIRATION, unwritable, "USD",
                        BigDecimal.ONE, BigDecimal.ZERO, "T9", Map.of()))
                .navs(nav(JUL_18, "1.00"))
                .build();

        assertThatThrownBy(() -> store(ledger, broken)).isInstanceOf(RuntimeException.class);

        assertSameHistory(ledger.history(ACCOUNT, FOREVER), before);
        assertThat(ledger.baseCurrency(ACCOUNT)).contains("HKD");
        assertThat(dump()).isEqualTo(dumpBefore);
    }

    @Test
    void theBaseCurrencyIsTheNewestStatementsThatNamesOne() {
        Ledger ledger = emptyLedger();
        assertThat(ledger.baseCurrency(ACCOUNT)).isEmpty();

        store(ledger, statement().generated("2025-07-18T06:00:00Z").baseCurrency("HKD").build());
        store(ledger, statement().generated("2025-07-19T06:00:00Z").baseCurrency(null).build());
        assertThat(ledger.baseCurrency(ACCOUNT)).contains("HKD");

        store(ledger, statement().generated("2025-07-17T06:00:00Z").baseCurrency("USD").build());
        assertThat(ledger.baseCurrency(ACCOUNT)).contains("HKD");

        store(ledger, statement().generated("2025-07-19T06:00:00Z").baseCurrency("SGD").build());
        assertThat(ledger.baseCurrency(ACCOUNT)).contains("SGD");
        assertThat(ledger.history(ACCOUNT, FOREVER).baseCurrency()).isEqualTo("SGD");
    }

    @Test
    void aStatementWithoutGenerationTimeIsOlderThanAnyOther() {
        Ledger ledger = emptyLedger();
        store(ledger, statement().generated("2025-07-19T06:00:00Z").trades(trade("1001").price("0.62")).build());

        IngestCounts undated = store(ledger, statement().generated(null).trades(trade("1001").price("0.99")).build());

        assertThat(undated).isEqualTo(new IngestCounts(ACCOUNT, 0, 0, 0, 1));
    }

    @Test
    void accountsAreListedInIdOrderAndKeptApart() {
        Ledger ledger = emptyLedger();
        AccountId other = AccountId.of("DU999");
        store(ledger, statement().account(ACCOUNT).trades(trade("1001")).build());
        store(ledger, statement().account(other).trades(trade("1001").account(other).price("1.11")).build());
        store(ledger, statement().account(AccountId.of("U0000001")).build());

        assertThat(ledger.accounts()).containsExactly(other, AccountId.of("U0000001"), ACCOUNT);
        assertThat(ledger.history(other, FOREVER).trades()).extracting(TradeRow::tradePrice)
                .containsExactly(new BigDecimal("1.11"));
        assertThat(ledger.history(ACCOUNT, FOREVER).trades()).extracting(TradeRow::tradePrice)
                .containsExactly(new BigDecimal("0.62"));
        assertThat(ledger.history(AccountId.of("U0000001"), FOREVER).trades()).isEmpty();
    }

    @Test
    void anUnknownAccountHasAnEmptyHistory() {
        Ledger ledger = emptyLedger();

        AccountHistory h = ledger.history(AccountId.of("U404"), FOREVER);

        assertThat(h).isEqualTo(new AccountHistory(AccountId.of("U404"), null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of()));
        assertThat(ledger.accounts()).isEmpty();
    }
}
