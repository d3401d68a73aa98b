package com.almreporting.flex.parser;

import static com.almreporting.flex.parser.SampleFiles.ALEXPUNG_ASSIGNMENT;
import static com.almreporting.flex.parser.SampleFiles.ALEXPUNG_TAX;
import static com.almreporting.flex.parser.SampleFiles.CORPORATE_ACTION;
import static com.almreporting.flex.parser.SampleFiles.ETAX;
import static com.almreporting.flex.parser.SampleFiles.GABBERSEPP_CODING;
import static com.almreporting.flex.parser.SampleFiles.GABBERSEPP_FUNDS;
import static com.almreporting.flex.parser.SampleFiles.MINIMAL_SHORT_OPTIONS;
import static com.almreporting.flex.parser.SampleFiles.OPTIONS_FUTURE;
import static com.almreporting.flex.parser.SampleFiles.TFIALA;
import static com.almreporting.flex.parser.SampleFiles.VTANDCHILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.port.out.StatementRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real sample parses, with exactly the rows it holds. The expected numbers were counted independently of
 * this parser (Python's ElementTree over each file: Trade children of Trades, CashTransaction children of
 * CashTransactions by levelOfDetail, and so on) and are written here as literals.
 */
class SampleFilesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final FlexStatementParser PARSER = new FlexStatementParser();
    private static final FlexStatementParser DERIVING =
            new FlexStatementParser(NEW_YORK, DateOrder.US, MissingColumnPolicy.DERIVE);

    /** The counts of one single-statement sample file. */
    record Expected(String file, boolean needsDerive, String account, String baseCurrency,
                    int trades, int bookTrades, int bookEp, int bookA, int bookEx, int bookNoNotes,
                    int options, int stocks, int others,
                    int cashDetail, int cashSummary, int cashNoLevel,
                    int navRows,
                    int positionsSummary, int positionsLot, int positionsNoLevel,
                    Map<OptionEaeType, Integer> optionEae,
                    int conversionRates) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> samples() {
        return Stream.of(
                new Expected(ALEXPUNG_ASSIGNMENT, false, "TestAccount", null,
                        0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, 0, 0, Map.of(), 1),
                new Expected(ALEXPUNG_TAX, false, "TestAccount", null,
                        0, 0, 0, 0, 0, 0, 0, 0, 0,
                        3, 0, 0, 0, 0, 0, 0, Map.of(), 1),
                new Expected(GABBERSEPP_FUNDS, false, "DU231262", null,
                        0, 0, 0, 0, 0, 0, 0, 0, 0,
                        0, 0, 0, 0, 0, 0, 0, Map.of(), 0),
                new Expected(GABBERSEPP_CODING, false, "U1234567", null,
                        15, 0, 0, 0, 0, 0, 2, 1, 12,
                        0, 0, 0, 0, 0, 0, 0, Map.of(), 0),
                new Expected(TFIALA, false, "U1234567", null,
                        2, 0, 0, 0, 0, 0, 0, 2, 0,
                        0, 0, 0, 2, 0, 0, 7, Map.of(), 0),
                new Expected(CORPORATE_ACTION, false, "U1234567", null,
                        1, 0, 0, 0, 0, 0, 0, 1, 0,
                        4, 4, 0, 0, 1, 1, 0, Map.of(), 0),
                new Expected(ETAX, false, "U9999999", "CHF",
                        671, 9, 7, 2, 0, 0, 340, 155, 176,
                        60, 59, 0, 0, 2, 72, 0, Map.of(), 0),
                new Expected(MINIMAL_SHORT_OPTIONS, false, "U9999999", "CHF",
                        4, 0, 0, 0, 0, 0, 2, 2, 0,
                        0, 3, 0, 0, 3, 0, 0, Map.of(), 0),
                new Expected(OPTIONS_FUTURE, true, "U0000000", null,
                        39, 12, 0, 0, 0, 12, 13, 18, 8,
                        0, 0, 52, 0, 0, 0, 11,
                        Map.of(OptionEaeType.ASSIGNMENT, 1, OptionEaeType.SELL, 4, OptionEaeType.EXERCISE, 2,
                                OptionEaeType.CASH_SETTLEMENT, 1, OptionEaeType.BUY, 2, OptionEaeType.EXPIRATION, 3),
                        0),
                new Expected(VTANDCHILL, false, "U12349876", "CHF",
                        7, 0, 0, 0, 0, 0, 0, 5, 2,
                        10, 0, 0, 0, 1, 0, 0, Map.of(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleParsesWithExactlyTheRowsItHolds(Expected e) throws Exception {
        StatementFile file = (e.needsDerive() ? DERIVING : PARSER).parse(SampleFiles.path(e.file()));

        assertThat(file.source()).isEqualTo(e.file());
        assertThat(file.statements()).extracting(Statement::account).containsExactly(AccountId.of(e.account()));
        Statement s = file.statements().get(0);
        assertThat(s.baseCurrency()).isEqualTo(e.baseCurrency());

        List<TradeRow> trades = s.trades();
        List<TradeRow> books = trades.stream().filter(t -> t.transactionType() == TradeType.BOOK_TRADE).toList();
        assertThat(trades).hasSize(e.trades());
        assertThat(books).hasSize(e.bookTrades());
        assertThat(count(books, t -> t.notes().has("Ep"))).as("BookTrades with Ep").isEqualTo(e.bookEp());
        assertThat(count(books, t -> t.notes().has("A"))).as("BookTrades with A").isEqualTo(e.bookA());
        assertThat(count(books, t -> t.notes().has("Ex"))).as("BookTrades with Ex").isEqualTo(e.bookEx());
        assertThat(count(books, t -> t.notes().isEmpty())).as("BookTrades without notes").isEqualTo(e.bookNoNotes());
        assertThat(count(trades, t -> t.instrument() instanceof OptionContract)).as("options").isEqualTo(e.options());
        assertThat(count(trades, t -> t.instrument() instanceof Stock)).as("stocks").isEqualTo(e.stocks());
        assertThat(count(trades, t -> t.instrument() instanceof OtherInstrument)).as("others").isEqualTo(e.others());

        List<CashTransactionRow> cash = s.cashTransactions();
        assertThat(count(cash, c -> "DETAIL".equals(c.levelOfDetail()))).as("DETAIL cash").isEqualTo(e.cashDetail());
        assertThat(count(cash, c -> "SUMMARY".equals(c.levelOfDetail()))).as("SUMMARY cash").isEqualTo(e.cashSummary());
        assertThat(count(cash, c -> c.levelOfDetail() == null)).as("cash without level").isEqualTo(e.cashNoLevel());
        assertThat(cash).hasSize(e.cashDetail() + e.cashSummary() + e.cashNoLevel());

        assertThat(s.officialNavs()).hasSize(e.navRows());

        List<OpenPositionRow> positions = s.openPositions();
        assertThat(count(positions, p -> "SUMMARY".equals(p.levelOfDetail()))).isEqualTo(e.positionsSummary());
        assertThat(count(positions, p -> "LOT".equals(p.levelOfDetail()))).isEqualTo(e.positionsLot());
        assertThat(count(positions, p -> p.levelOfDetail() == null)).isEqualTo(e.positionsNoLevel());
        assertThat(positions).hasSize(e.positionsSummary() + e.positionsLot() + e.positionsNoLevel());

        Map<OptionEaeType, Integer> eaeByType = new EnumMap<>(OptionEaeType.class);
        s.optionEae().forEach(r -> eaeByType.merge(r.type(), 1, Integer::sum));
        assertThat(eaeByType).isEqualTo(e.optionEae());

        assertThat(s.conversionRates()).hasSize(e.conversionRates());
        assertThat(s.changeInNav()).isNull();
    }

    private static <T> int count(List<T> rows, Predicate<T> p) {
        return (int) rows.stream().filter(p).count();
    }

    private static Statement only(String file) throws StatementRejectedException {
        StatementFile parsed = PARSER.parse(SampleFiles.path(file));
        assertThat(parsed.statements()).hasSize(1);
        return parsed.statements().get(0);
    }

    private static Instant instant(EventTime time) {
        assertThat(time).isInstanceOf(EventTime.Exact.class);
        return ((EventTime.Exact) time).instant();
    }

    @Nested
    class ETax {

        @Test
        void theAssignmentHasAnOptionLegAndA3400ShareStockLeg() throws Exception {
            List<TradeRow> assignment = only(ETAX).trades().stream().filter(t -> t.notes().has("A")).toList();
            assertThat(assignment).hasSize(2);

            TradeRow option = assignment.stream().filter(TradeRow::isOption).findFirst().orElseThrow();
            assertThat(option.instrument()).isEqualTo(new OptionContract("MSTR", LocalDate.of(2025, 10, 17),
                    OptionRight.CALL, new BigDecimal("290"), new BigDecimal("100")));
            assertThat(option.transactionId()).isEqualTo(TransactionId.of("35691010785"));
            assertThat(option.transactionType()).isEqualTo(TradeType.BOOK_TRADE);
            assertThat(option.quantity()).isEqualByComparingTo("34");
            assertThat(option.openClose()).isEqualTo(OpenClose.CLOSE);
            assertThat(option.cost()).isEqualByComparingTo("8504.59454");
            assertThat(option.fifoPnlRealized()).isEqualByComparingTo("0");
            // 2025-10-17;16:20:00 in New York (EDT)
            assertThat(instant(option.time())).isEqualTo(Instant.parse("2025-10-17T20:20:00Z"));

            TradeRow stock = assignment.stream().filter(TradeRow::isStock).findFirst().orElseThrow();
            assertThat(stock.instrument()).isEqualTo(Stock.of("MSTR"));
            assertThat(stock.transactionId()).isEqualTo(TransactionId.of("35691010795"));
            assertThat(stock.quantity()).isEqualByComparingTo("-3400");
            assertThat(stock.tradePrice()).isEqualByComparingTo("290");
            assertThat(stock.proceeds()).isEqualByComparingTo("986000");
            assertThat(stock.ibCommission()).isEqualByComparingTo("-0.5644");
            assertThat(stock.cost()).isEqualByComparingTo("-1059012.940313");
            assertThat(stock.fifoPnlRealized()).isEqualByComparingTo("-64508.910176");
            assertThat(stock.fxRateToBase()).isEqualByComparingTo("0.79344");
            assertThat(stock.buySell()).isEqualTo("SELL");
            assertThat(stock.time()).isEqualTo(option.time());
            // attributes the domain does not model are kept
            assertThat(stock.raw()).containsEntry("positionActionID", "101240858").containsEntry("exchange", "--");
        }

        @Test
        void expiriesAreOptionBookTradesClosingAtTheCloseOfTheirExpiryDate() throws Exception {
            List<TradeRow> expiries = only(ETAX).trades().stream().filter(t -> t.notes().has("Ep")).toList();
            assertThat(expiries).hasSize(7).allSatisfy(t -> {
                assertThat(t.transactionType()).isEqualTo(TradeType.BOOK_TRADE);
                assertThat(t.instrument()).isInstanceOf(OptionContract.class);
                OptionContract contract = (OptionContract) t.instrument();
                assertThat(t.time().dateIn(NEW_YORK)).isEqualTo(contract.expiry());
                assertThat(instant(t.time()).atZone(NEW_YORK).toLocalTime()).hasToString("16:20");
                assertThat(t.proceeds()).isEqualByComparingTo("0");
                assertThat(t.fifoPnlRealized()).isEqualByComparingTo(t.cost());
                assertThat(t.openClose()).isEqualTo(OpenClose.CLOSE);
            });
            assertThat(expiries).extracting(t -> ((OptionContract) t.instrument()).expiry()).containsExactly(
                    LocalDate.of(2025, 2, 14), LocalDate.of(2025, 2, 14), LocalDate.of(2025, 4, 17),
                    LocalDate.of(2025, 5, 23), LocalDate.of(2025, 5, 30), LocalDate.of(2025, 7, 3),
                    LocalDate.of(2025, 8, 8));
            assertThat(expiries).extracting(t -> ((OptionContract) t.instrument()).strike())
                    .containsExactly(new BigDecimal("500"), new BigDecimal("590"), new BigDecimal("340"),
                            new BigDecimal("500"), new BigDecimal("397.5"), new BigDecimal("500"),
                            new BigDecimal("420"));
            // winter expiry: 16:20 EST
            assertThat(instant(expiries.get(0).time())).isEqualTo(Instant.parse("2025-02-14T21:20:00Z"));
        }

        @Test
        void summaryCashRowsHaveNoTransactionIdAndADateOnlyTime() throws Exception {
            Statement s = only(ETAX);
            List<CashTransactionRow> summary = s.cashTransactions().stream().filter(c -> !c.isDetail()).toList();
            assertThat(summary).hasSize(59).allSatisfy(c -> {
                assertThat(c.transactionId()).isNull();
                assertThat(c.account()).isEqualTo(AccountId.of("U9999999"));
                assertThat(c.time()).isInstanceOf(EventTime.DateOnly.class);
                assertThat(c.key()).startsWith("h:");
            });
            List<CashTransactionRow> detail = s.cashTransactions().stream().filter(CashTransactionRow::isDetail).toList();
            assertThat(detail).hasSize(60).allSatisfy(c -> assertThat(c.transactionId()).isNotNull());
            // DETAIL rows are not always timed: interest, fees and most deposits carry a date only
            assertThat(detail).filteredOn(c -> c.time() instanceof EventTime.Exact).hasSize(33);
            assertThat(detail).filteredOn(c -> c.time() instanceof EventTime.DateOnly).hasSize(27)
                    .extracting(CashTransactionRow::type).containsOnly("Broker Interest Paid",
                            "Broker Interest Received", "Deposits/Withdrawals", "Other Fees");
            CashTransactionRow first = detail.get(0);
            assertThat(first.transactionId()).isEqualTo(TransactionId.of("33276082932"));
            assertThat(first.type()).isEqualTo("Withholding Tax");
            assertThat(first.amount()).isEqualByComparingTo("-245.53");
            // 20:20 ET, IBKR's statement cutoff
            assertThat(instant(first.time())).isEqualTo(Instant.parse("2025-06-07T00:20:00Z"));
        }

        @Test
        void openPositionsKeepSummaryAndLotRowsApart() throws Exception {
            List<OpenPositionRow> positions = only(ETAX).openPositions();
            OpenPositionRow calls = positions.stream()
                    .filter(p -> p.isSummary() && p.instrument() instanceof OptionContract).findFirst().orElseThrow();
            assertThat(calls.instrument().symbol()).isEqualTo("MSTR  260206C00220000");
            assertThat(calls.position()).isEqualByComparingTo("-52");
            assertThat(calls.costBasisMoney()).isEqualByComparingTo("-9935.19172");
            assertThat(calls.reportDate()).isEqualTo(LocalDate.of(2025, 12, 31));
            BigDecimal lots = positions.stream()
                    .filter(p -> !p.isSummary() && p.instrument().equals(calls.instrument()))
                    .map(OpenPositionRow::position).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(lots).isEqualByComparingTo("-52");
        }

        @Test
        void statementFrame() throws Exception {
            StatementFile file = PARSER.parse(SampleFiles.path(ETAX));
            assertThat(file.queryName()).isEqualTo("Annual Tax Report");
            assertThat(file.type()).isEqualTo("AF");
            Statement s = file.statements().get(0);
            assertThat(s.fromDate()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(s.toDate()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(s.period()).isNull();
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2026-02-21T18:31:36Z"));
        }
    }

    @Nested
    class Tfiala {

        @Test
        void aZoneSuffixedTimeIsThatInstant() throws Exception {
            Statement s = only(TFIALA);
            TradeRow argx = s.trades().get(0);
            assertThat(argx.instrument()).isEqualTo(Stock.of("ARGX"));
            assertThat(instant(argx.time())).isEqualTo(Instant.parse("2025-04-25T14:19:55Z"));
            assertThat(argx.fxRateToBase()).as("fxRateToBase absent: 1").isEqualByComparingTo("1");
            assertThat(argx.cost()).isEqualByComparingTo("607.570035");
            assertThat(argx.origTransactionId()).as("origTransactionID=\"0\" means none").isNull();
            assertThat(argx.origTradeId()).isNull();
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2025-04-26T17:34:28Z"));
        }

        @Test
        void navRowsAreTheDayBeforeFromDateAndFromDate() throws Exception {
            Statement s = only(TFIALA);
            assertThat(s.fromDate()).isEqualTo(LocalDate.of(2025, 4, 25));
            assertThat(s.officialNavs()).containsExactly(
                    new OfficialNav(AccountId.of("U1234567"), LocalDate.of(2025, 4, 24), "USD",
                            new BigDecimal("1686874.426314991")),
                    new OfficialNav(AccountId.of("U1234567"), LocalDate.of(2025, 4, 25), "USD",
                            new BigDecimal("1809367.421749379")));
        }

        @Test
        void accountInformationWithoutCurrencyLeavesTheBaseCurrencyUnknown() throws Exception {
            assertThat(only(TFIALA).baseCurrency()).isNull();
        }
    }

    @Nested
    class Gabbersepp {

        @Test
        void aFileStartingWithAByteOrderMarkParses() throws Exception {
            byte[] head;
            try (InputStream in = Files.newInputStream(SampleFiles.path(GABBERSEPP_FUNDS))) {
                head = in.readNBytes(3);
            }
            assertThat(head).containsExactly(0xEF, 0xBB, 0xBF);
            Statement s = only(GABBERSEPP_FUNDS);
            assertThat(s.account()).isEqualTo(AccountId.of("DU231262"));
            assertThat(s.period()).isEqualTo("Last365CalendarDays");
            assertThat(s.fromDate()).isEqualTo(LocalDate.of(2018, 3, 12));
            // 20190312;165812 in New York, already EDT (DST began 2019-03-10)
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2019-03-12T20:58:12Z"));
        }

        @Test
        void optionsWithoutAnOccSymbolAreBuiltFromTheirFields() throws Exception {
            List<TradeRow> trades = only(GABBERSEPP_CODING).trades();
            TradeRow odax = trades.stream().filter(t -> "C ODAX DEC 18 12000".equals(t.raw().get("symbol")))
                    .findFirst().orElseThrow();
            assertThat(odax.instrument()).isEqualTo(new OptionContract("DAX", LocalDate.of(2018, 12, 21),
                    OptionRight.CALL, new BigDecimal("12000"), new BigDecimal("5")));
            assertThat(odax.currency()).isEqualTo("EUR");
            assertThat(odax.proceeds()).isEqualByComparingTo("-550");
            // 20181109;111821 in New York, EST
            assertThat(instant(odax.time())).isEqualTo(Instant.parse("2018-11-09T16:18:21Z"));

            assertThat(trades).filteredOn(t -> "FOP".equals(t.assetCategory())).hasSize(4)
                    .allSatisfy(t -> assertThat(t.instrument()).isInstanceOf(OtherInstrument.class));
            OtherInstrument future = (OtherInstrument) trades.stream().filter(t -> "FUT".equals(t.assetCategory()))
                    .findFirst().orElseThrow().instrument();
            assertThat(future.assetCategory()).isEqualTo("FUT");
        }
    }

    @Nested
    class OptionsFuture {

        @Test
        void byDefaultTheTrimmedExportIsRejectedForItsMissingTransactionIds() {
            assertThatThrownBy(() -> PARSER.parse(SampleFiles.path(OPTIONS_FUTURE)))
                    .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                        assertThat(e.source()).isEqualTo(OPTIONS_FUTURE);
                        assertThat(e.line()).isEqualTo(21);
                        assertThat(e.element()).contains("Trade");
                        assertThat(e.attribute()).contains("transactionID");
                        assertThat(e.reason()).contains("required attribute is missing");
                    });
        }

        @Test
        void spaceSeparatedDateTimesGiveTheRightInstants() throws Exception {
            Statement s = DERIVING.parse(SampleFiles.path(OPTIONS_FUTURE)).statements().get(0);
            // whenGenerated="20260419 144528": EDT
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2026-04-19T18:45:28Z"));
            CashTransactionRow withholding = s.cashTransactions().get(0);
            assertThat(withholding.raw()).containsEntry("dateTime", "20250422 202000");
            assertThat(instant(withholding.time())).isEqualTo(Instant.parse("2025-04-23T00:20:00Z"));
            assertThat(withholding.amount()).isEqualByComparingTo("-15.05");
            assertThat(withholding.transactionId()).isNull();
            // winter: 20:20 EST is 01:20 UTC the next day
            assertThat(s.cashTransactions()).filteredOn(c -> "20251219 202000".equals(c.raw().get("dateTime")))
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(instant(c.time())).isEqualTo(Instant.parse("2025-12-20T01:20:00Z")));
        }

        @Test
        void derivedTradeKeysAreUniqueAndStableAndProceedsComeFromTradeMoney() throws Exception {
            List<TradeRow> trades = DERIVING.parse(SampleFiles.path(OPTIONS_FUTURE)).statements().get(0).trades();
            assertThat(trades).extracting(TradeRow::transactionId).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id.value()).startsWith("h:"));
            List<TransactionId> again = DERIVING.parse(SampleFiles.path(OPTIONS_FUTURE)).statements().get(0)
                    .trades().stream().map(TradeRow::transactionId).toList();
            assertThat(trades).extracting(TradeRow::transactionId).containsExactlyElementsOf(again);

            TradeRow first = trades.get(0);
            assertThat(first.instrument()).isEqualTo(Stock.of("FHZN"));
            assertThat(first.proceeds()).isEqualByComparingTo("-2150");
            assertThat(first.time()).isEqualTo(EventTime.on(LocalDate.of(2025, 1, 10)));
            assertThat(first.account()).isEqualTo(AccountId.of("U0000000"));
            assertThat(first.openClose()).isEqualTo(OpenClose.UNKNOWN);
            assertThat(first.cost()).isNull();
            assertThat(first.fifoPnlRealized()).isNull();
        }

        @Test
        void optionEaeRowsMapTheirInstrumentsAndDates() throws Exception {
            List<OptionEaeRow> eae = DERIVING.parse(SampleFiles.path(OPTIONS_FUTURE)).statements().get(0).optionEae();
            OptionEaeRow assignment = eae.stream().filter(r -> r.type() == OptionEaeType.ASSIGNMENT)
                    .findFirst().orElseThrow();
            assertThat(assignment.date()).isEqualTo(LocalDate.of(2025, 9, 19));
            assertThat(assignment.instrument()).isEqualTo(new OptionContract("SA", LocalDate.of(2025, 9, 19),
                    OptionRight.CALL, new BigDecimal("17"), new BigDecimal("100")));
            assertThat(assignment.quantity()).isEqualByComparingTo("1");
            assertThat(assignment.currency()).isEqualTo("USD");
            assertThat(eae).filteredOn(r -> "FOP".equals(r.raw().get("assetCategory")))
                    .hasSize(2).allSatisfy(r -> assertThat(r.instrument()).isInstanceOf(OtherInstrument.class));
            assertThat(eae).filteredOn(r -> r.type() == OptionEaeType.SELL && r.instrument() instanceof Stock)
                    .hasSize(3);
        }
    }

    @Nested
    class Alexpung {

        @Test
        void monthNameDatesAndOrderRowsSkipped() throws Exception {
            Statement s = only(ALEXPUNG_TAX);
            assertThat(s.fromDate()).isEqualTo(LocalDate.of(2021, 1, 4));
            assertThat(s.toDate()).isEqualTo(LocalDate.of(2021, 12, 31));
            // "01-Jan-22 00:00:00" in New York, EST
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2022-01-01T05:00:00Z"));
            assertThat(s.trades()).isEmpty();
            assertThat(s.conversionRates()).containsExactly(
                    new ConversionRate(LocalDate.of(2021, 2, 3), "DKK", "GBP", new BigDecimal("0.11857")));
            // cash rows without dateTime/reportDate fall back to their settleDate
            assertThat(s.cashTransactions()).extracting(CashTransactionRow::time)
                    .containsOnly(EventTime.on(LocalDate.of(2021, 2, 2)));
            assertThat(s.cashTransactions()).extracting(CashTransactionRow::currency).containsOnly("JPY");
        }

        @Test
        void assignmentExampleHasOnlyOrderRows() throws Exception {
            Statement s = only(ALEXPUNG_ASSIGNMENT);
            assertThat(s.trades()).isEmpty();
            assertThat(s.conversionRates()).containsExactly(
                    new ConversionRate(LocalDate.of(2021, 3, 20), "USD", "GBP", new BigDecimal("0.75")));
        }
    }

    @Test
    void summaryAndAssetSummaryRowsInsideTradesAreSkipped() throws Exception {
        assertThat(only(VTANDCHILL).trades()).hasSize(7)
                .allSatisfy(t -> assertThat(t.raw()).containsEntry("levelOfDetail", "EXECUTION"));
        assertThat(only(CORPORATE_ACTION).trades()).hasSize(1)
                .allSatisfy(t -> assertThat(t.raw()).containsEntry("levelOfDetail", "EXECUTION"));
    }

    @Test
    void allSamplesTogetherHoldTheTradesCountedBySection() throws Exception {
        int total = 0;
        for (Expected e : samples().toList()) {
            total += (e.needsDerive() ? DERIVING : PARSER).parse(SampleFiles.path(e.file())).statements().stream()
                    .mapToInt(st -> st.trades().size()).sum();
        }
        assertThat(total).isEqualTo(739);
        assertThat(samples().map(Expected::file).collect(Collectors.toSet())).hasSize(10)
                .allSatisfy(f -> assertThat(Objects.requireNonNull(SampleFiles.path(f))).exists());
    }

    @Test
    void provenanceTravelsWithTheSamples() throws IOException {
        String provenance = Files.readString(SampleFiles.path("PROVENANCE.md"));
        assertThat(provenance).contains("MIT").contains("vroonhof/opensteuerauszug").contains("tfiala/ibkr-flex-statement-rs");
    }
}
