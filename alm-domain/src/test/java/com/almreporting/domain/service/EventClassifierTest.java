package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.fixtures.TradeRows;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.CashEvent;
import com.almreporting.domain.model.event.CashKind;
import com.almreporting.domain.model.event.ClassificationBasis;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.Exercise;
import com.almreporting.domain.model.event.Expiration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventClassifierTest {

    private final EventClassifier classifier = new EventClassifier(NyseCalendar.instance());

    private ClassifiedHistory classify(List<TradeRow> trades) {
        return classifier.classify(trades, List.of(), List.of());
    }

    @Test
    void groundTruthHasNineExecutionsOneAssignmentThreeExpirations() {
        ClassifiedHistory h = classify(GroundTruth.trades());
        assertThat(h.eventsOf(Execution.class)).hasSize(9);
        assertThat(h.eventsOf(Assignment.class)).hasSize(1);
        assertThat(h.eventsOf(Expiration.class)).hasSize(3);
        Assignment a = h.eventsOf(Assignment.class).get(0);
        assertThat(a.optionLeg().instrument()).isEqualTo(OptionContract.parseOcc("SPY   250717C00628000"));
        assertThat(a.stockLeg().quantity()).isEqualByComparingTo("-100");
        assertThat(a.basis()).isEqualTo(ClassificationBasis.NOTES);
        assertThat(h.events()).isSortedAccordingTo(java.util.Comparator.comparing(e -> e.at()));
    }

    @Test
    void optionLegAndStockLegOfAnAssignmentMergeIntoOneEvent() {
        TradeRow option = TradeRows.option("SPY   250717C00628000").book().at("2025-07-17T16:20:00").qty("1").notes("A").close().build();
        TradeRow stock = TradeRows.stock("SPY").book().at("2025-07-17T16:20:00").qty("-100").price("628").notes("A").open().build();
        ClassifiedHistory h = classify(List.of(option, stock));
        assertThat(h.events()).singleElement().isInstanceOf(Assignment.class);
    }

    @Test
    void loneStockBookTradeWithoutNotesIsAnAssignmentByTheHeuristic() {
        TradeRow stock = TradeRows.stock("SPY").book().at("2025-07-17T16:20:00").qty("-100").price("628").build();
        Assignment a = (Assignment) classify(List.of(stock)).events().get(0);
        assertThat(a.optionLeg()).isNull();
        assertThat(a.basis()).isEqualTo(ClassificationBasis.HEURISTIC);
    }

    @Test
    void optionBookTradeWithoutNotesIsAnExpirationByTheHeuristic() {
        TradeRow option = TradeRows.option("SPY   250717P00626000").book().at("2025-07-17T16:20:00").qty("1").build();
        Expiration e = (Expiration) classify(List.of(option)).events().get(0);
        assertThat(e.basis()).isEqualTo(ClassificationBasis.HEURISTIC);
    }

    @Test
    void optionEaeRowCorrectsTheHeuristicByTradeId() {
        TradeRow option = TradeRows.option("SPY   250717C00628000").book().tradeId("777").at("2025-07-17T16:20:00").qty("-1").build();
        TradeRow stock = TradeRows.stock("SPY").book().tradeId("778").at("2025-07-17T16:20:00").qty("100").price("628").build();
        OptionEaeRow eae = new OptionEaeRow(TradeRows.ACCOUNT, LocalDate.of(2025, 7, 17), OptionEaeType.EXERCISE,
                OptionContract.parseOcc("SPY   250717C00628000"), "USD", BigDecimal.ONE.negate(), BigDecimal.ZERO, "777", Map.of());
        ClassifiedHistory h = classifier.classify(List.of(option, stock), List.of(eae), List.of());
        assertThat(h.events()).singleElement().isInstanceOfSatisfying(Exercise.class, x -> {
            assertThat(x.basis()).isEqualTo(ClassificationBasis.OPTION_EAE);
            assertThat(x.stockLeg().quantity()).isEqualByComparingTo("100");
        });
    }

    @Test
    void tradeCancelRemovesItselfAndTheTradeItCancelsByTransactionId() {
        TradeRow original = TradeRows.stock("SPY").id("100").tradeId("T1").at("2025-07-17T10:00:00").qty("10").price("600").build();
        TradeRow cancel = TradeRows.stock("SPY").id("101").at("2025-07-17T10:00:00").qty("-10").price("600")
                .cancels("100", "T1").build();
        TradeRow other = TradeRows.stock("SPY").id("102").tradeId("T2").at("2025-07-17T11:00:00").qty("5").price("601").build();
        ClassifiedHistory h = classify(List.of(original, cancel, other));
        assertThat(h.cancelled()).extracting(r -> r.transactionId().value()).containsExactlyInAnyOrder("100", "101");
        assertThat(h.eventsOf(Execution.class)).extracting(Execution::key).containsExactly("102");
    }

    @Test
    void tradeCancelFindsItsTradeByOrigTradeIdWhenTheTransactionIdIsMissing() {
        TradeRow original = TradeRows.stock("SPY").id("100").tradeId("T1").at("2025-07-17T10:00:00").qty("10").price("600").build();
        TradeRow cancel = TradeRows.stock("SPY").id("101").at("2025-07-17T10:00:00").qty("-10").price("600").cancels("", "T1").build();
        assertThat(classify(List.of(original, cancel)).events()).isEmpty();
    }

    @Test
    void correctionReplacesTheOriginalWithTheSameTradeId() {
        TradeRow original = TradeRows.stock("SPY").id("100").tradeId("T1").at("2025-07-17T10:00:00").qty("10").price("600").build();
        TradeRow cancel = TradeRows.stock("SPY").id("101").at("2025-07-17T10:00:00").qty("-10").price("600").cancels("100", "T1").build();
        TradeRow corrected = TradeRows.stock("SPY").id("102").tradeId("T1").at("2025-07-17T10:00:00").qty("10").price("599.5").build();
        ClassifiedHistory h = classify(List.of(original, cancel, corrected));
        assertThat(h.eventsOf(Execution.class)).singleElement().satisfies(e -> assertThat(e.price()).isEqualByComparingTo("599.5"));
    }

    @Test
    void tradeCorrectRowSupersedesAnUncancelledOriginal() {
        TradeRow original = TradeRows.stock("SPY").id("100").tradeId("T1").at("2025-07-17T10:00:00").qty("10").price("600").build();
        TradeRow correction = TradeRows.stock("SPY").id("105").tradeId("T1").type(TradeType.TRADE_CORRECT)
                .at("2025-07-17T10:00:00").qty("10").price("600.1").build();
        ClassifiedHistory h = classify(List.of(original, correction));
        assertThat(h.superseded()).extracting(r -> r.transactionId().value()).containsExactly("100");
        assertThat(h.eventsOf(Execution.class)).extracting(Execution::key).containsExactly("105");
    }

    @Test
    void onlyDetailCashRowsBecomeEventsAndDateOnlyRowsSitAtTheClose() {
        AccountId account = TradeRows.ACCOUNT;
        CashTransactionRow detail = new CashTransactionRow(TransactionId.of("900"), account, "Dividends", "USD",
                new BigDecimal("7.8"), new BigDecimal("12.50"), EventTime.on(LocalDate.of(2025, 7, 17)),
                LocalDate.of(2025, 7, 17), "SPY dividend", "SPY", "DETAIL", Map.of());
        CashTransactionRow summary = new CashTransactionRow(null, account, "Dividends", "USD", new BigDecimal("7.8"),
                new BigDecimal("12.50"), EventTime.on(LocalDate.of(2025, 7, 17)), LocalDate.of(2025, 7, 17), "SPY dividend",
                "SPY", "SUMMARY", Map.of());
        CashTransactionRow onSaturday = new CashTransactionRow(TransactionId.of("901"), account, "Deposits/Withdrawals", "HKD",
                BigDecimal.ONE, new BigDecimal("7800"), EventTime.on(LocalDate.of(2025, 7, 19)), LocalDate.of(2025, 7, 19),
                "Deposit", null, "DETAIL", Map.of());
        ClassifiedHistory h = classifier.classify(List.of(), List.of(), List.of(detail, summary, onSaturday));
        assertThat(h.eventsOf(CashEvent.class)).hasSize(2);
        CashEvent dividend = h.eventsOf(CashEvent.class).get(0);
        assertThat(dividend.kind()).isEqualTo(CashKind.DIVIDEND);
        assertThat(dividend.at()).isEqualTo(Instant.parse("2025-07-17T20:00:00Z"));
        CashEvent deposit = h.eventsOf(CashEvent.class).get(1);
        assertThat(deposit.kind()).isEqualTo(CashKind.DEPOSIT_WITHDRAWAL);
        assertThat(NyseCalendar.instance().tradingDayOf(deposit.at())).isEqualTo(LocalDate.of(2025, 7, 21));
    }
}
