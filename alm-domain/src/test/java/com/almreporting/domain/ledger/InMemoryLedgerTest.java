package com.almreporting.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.fixtures.TradeRows;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryLedgerTest {

    private static final StatementOrigin ORIGIN = StatementOrigin.of("test.xml");

    private static Statement statement(Instant generated, List<TradeRow> trades) {
        Statement gt = GroundTruth.statement();
        return new Statement(gt.account(), "HKD", gt.fromDate(), gt.toDate(), gt.period(), generated, trades, List.of(),
                List.of(), List.of(), null, List.of(), List.of());
    }

    @Test
    void storingTheSameStatementTwiceChangesNothing() {
        InMemoryLedger ledger = new InMemoryLedger();
        IngestCounts first = ledger.store(GroundTruth.statement(), ORIGIN);
        AccountHistory before = ledger.history(GroundTruth.ACCOUNT, LocalDate.MAX);
        IngestCounts second = ledger.store(GroundTruth.statement(), ORIGIN);
        assertThat(first.inserted()).isEqualTo(14 + 3);
        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(17);
        assertThat(ledger.history(GroundTruth.ACCOUNT, LocalDate.MAX)).isEqualTo(before);
    }

    @Test
    void aNewerStatementUpdatesARowAndAnOlderOneNeverOverwritesIt() {
        TradeRow original = TradeRows.stock("SPY").id("1").at("2025-07-17T10:00:00").qty("10").price("600").build();
        TradeRow corrected = TradeRows.stock("SPY").id("1").at("2025-07-17T10:00:00").qty("10").price("600.5").build();
        Instant older = Instant.parse("2025-07-18T09:00:00Z");
        Instant newer = Instant.parse("2025-07-19T09:00:00Z");

        InMemoryLedger inOrder = new InMemoryLedger();
        inOrder.store(statement(older, List.of(original)), ORIGIN);
        IngestCounts update = inOrder.store(statement(newer, List.of(corrected)), ORIGIN);
        assertThat(update.updated()).isEqualTo(1);

        InMemoryLedger reversed = new InMemoryLedger();
        reversed.store(statement(newer, List.of(corrected)), ORIGIN);
        IngestCounts late = reversed.store(statement(older, List.of(original)), ORIGIN);
        assertThat(late.keptNewer()).isEqualTo(1);

        assertThat(reversed.history(TradeRows.ACCOUNT, LocalDate.MAX)).isEqualTo(inOrder.history(TradeRows.ACCOUNT, LocalDate.MAX));
        assertThat(inOrder.history(TradeRows.ACCOUNT, LocalDate.MAX).trades()).singleElement()
                .satisfies(t -> assertThat(t.tradePrice()).isEqualByComparingTo("600.5"));
    }

    @Test
    void historyStopsAtTheBusinessDate() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.store(GroundTruth.statement(), ORIGIN);
        AccountHistory upTo17 = ledger.history(GroundTruth.ACCOUNT, LocalDate.of(2025, 7, 17));
        assertThat(upTo17.trades()).hasSize(9);
        assertThat(upTo17.officialNavs()).hasSize(2);
        assertThat(ledger.baseCurrency(GroundTruth.ACCOUNT)).contains("HKD");
        assertThat(ledger.accounts()).containsExactly(GroundTruth.ACCOUNT);
    }
}
