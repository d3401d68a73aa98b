package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.NoteCodes;
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
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How each Flex row maps onto its domain record, on small inline statements. */
class FlexStatementParserTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final FlexStatementParser parser = new FlexStatementParser();

    private static StatementFile parse(FlexStatementParser parser, String xml) throws StatementRejectedException {
        return parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "inline.xml");
    }

    private Statement statement(String body) throws StatementRejectedException {
        return statement(parser, body);
    }

    private static Statement statement(FlexStatementParser parser, String body) throws StatementRejectedException {
        StatementFile file = parse(parser, wrap(body));
        assertThat(file.statements()).hasSize(1);
        return file.statements().get(0);
    }

    private static String wrap(String body) {
        return "<FlexQueryResponse queryName=\"daily\" type=\"AF\"><FlexStatements count=\"1\">\n"
                + "<FlexStatement accountId=\"U7654321\" fromDate=\"20250717\" toDate=\"20250717\" "
                + "period=\"LastBusinessDay\" whenGenerated=\"20250718;051500\">\n"
                + body + "\n</FlexStatement></FlexStatements></FlexQueryResponse>";
    }

    private StatementRejectedException rejection(String body) {
        return rejected(() -> statement(body));
    }

    private static StatementRejectedException rejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(StatementRejectedException.class);
        return (StatementRejectedException) thrown;
    }

    @Nested
    class Trades {

        @Test
        void everyFieldOfAnExecutionIsMapped() throws Exception {
            TradeRow t = statement("""
                    <Trades>
                    <Trade accountId="U7654321" currency="USD" fxRateToBase="7.8487" assetCategory="OPT" subCategory="C"
                      symbol="SPY   250717C00628000" description="SPY 17JUL25 628 C" conid="794000001"
                      underlyingSymbol="SPY" multiplier="100" strike="628" expiry="20250717" putCall="C"
                      tradeID="7000000002" reportDate="20250717" dateTime="20250717;125002" tradeDate="20250717"
                      transactionType="ExchTrade" exchange="CBOE" quantity="1" tradePrice="0.96" tradeMoney="96"
                      proceeds="-96" taxes="0" ibCommission="-1.70" ibCommissionCurrency="USD" netCash="-97.7"
                      openCloseIndicator="C" notes="IA;P" cost="93.27" fifoPnlRealized="-4.43" buySell="BUY"
                      ibOrderID="4100000001" transactionID="33800000004" ibExecID="0000f8aa.67d42bed.03.01"
                      origTransactionID="33700000001" origTradeID="6900000001" levelOfDetail="EXECUTION"
                      brandNewAttribute="kept" />
                    </Trades>""").trades().get(0);

            assertThat(t.transactionId()).isEqualTo(TransactionId.of("33800000004"));
            assertThat(t.account()).isEqualTo(AccountId.of("U7654321"));
            assertThat(t.tradeId()).isEqualTo("7000000002");
            assertThat(t.transactionType()).isEqualTo(TradeType.EXCH_TRADE);
            assertThat(t.assetCategory()).isEqualTo("OPT");
            assertThat(t.instrument()).isEqualTo(new OptionContract("SPY", LocalDate.of(2025, 7, 17), OptionRight.CALL,
                    new BigDecimal("628"), new BigDecimal("100")));
            assertThat(t.description()).isEqualTo("SPY 17JUL25 628 C");
            assertThat(t.conid()).isEqualTo("794000001");
            assertThat(t.currency()).isEqualTo("USD");
            assertThat(t.fxRateToBase()).isEqualByComparingTo("7.8487");
            // 12:50:02 EDT
            assertThat(t.time()).isEqualTo(EventTime.at(Instant.parse("2025-07-17T16:50:02Z")));
            assertThat(t.tradeDate()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(t.reportDate()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(t.buySell()).isEqualTo("BUY");
            assertThat(t.openClose()).isEqualTo(OpenClose.CLOSE);
            assertThat(t.quantity()).isEqualByComparingTo("1");
            assertThat(t.tradePrice()).isEqualByComparingTo("0.96");
            assertThat(t.proceeds()).isEqualByComparingTo("-96");
            assertThat(t.ibCommission()).isEqualByComparingTo("-1.70");
            assertThat(t.taxes()).isEqualByComparingTo("0");
            assertThat(t.cost()).isEqualByComparingTo("93.27");
            assertThat(t.fifoPnlRealized()).isEqualByComparingTo("-4.43");
            assertThat(t.notes()).isEqualTo(NoteCodes.parse("IA;P"));
            assertThat(t.notes().has("A")).isFalse();
            assertThat(t.ibExecId()).isEqualTo("0000f8aa.67d42bed.03.01");
            assertThat(t.ibOrderId()).isEqualTo("4100000001");
            assertThat(t.origTransactionId()).isEqualTo("33700000001");
            assertThat(t.origTradeId()).isEqualTo("6900000001");
            assertThat(t.raw()).containsEntry("brandNewAttribute", "kept").containsEntry("netCash", "-97.7")
                    .hasSize(39);
        }

        @Test
        void placeholdersAndAbsentOptionalsBecomeNullOrTheRecordsDefaults() throws Exception {
            TradeRow t = statement("""
                    <Trades>
                    <Trade accountId="-" currency="USD" assetCategory="STK" symbol="SPY" transactionID="1"
                      dateTime="20250717;010000" quantity="-100" proceeds="62,800.00" ibCommission="0"
                      tradePrice="" taxes="--" cost="" fifoPnlRealized="N/A" openCloseIndicator="-" notes=""
                      ibExecID="" exchOrderId="N/A" origTransactionID="0" origTradeID="" transactionType="BookTrade"/>
                    </Trades>""").trades().get(0);
            assertThat(t.account()).as("'-' falls back to the statement's account").isEqualTo(AccountId.of("U7654321"));
            assertThat(t.instrument()).isEqualTo(Stock.of("SPY"));
            assertThat(t.proceeds()).isEqualByComparingTo("62800.00");
            assertThat(t.fxRateToBase()).as("absent: the row is in base currency").isEqualByComparingTo("1");
            assertThat(t.tradePrice()).isEqualByComparingTo("0");
            assertThat(t.taxes()).isEqualByComparingTo("0");
            assertThat(t.cost()).isNull();
            assertThat(t.fifoPnlRealized()).isNull();
            assertThat(t.openClose()).isEqualTo(OpenClose.UNKNOWN);
            assertThat(t.notes().isEmpty()).isTrue();
            assertThat(t.ibExecId()).isNull();
            assertThat(t.origTransactionId()).isNull();
            assertThat(t.origTradeId()).isNull();
            assertThat(t.tradeDate()).isNull();
            assertThat(t.raw()).containsEntry("taxes", "--").containsEntry("exchOrderId", "N/A");
        }

        @Test
        void rowsOfOneSectionMayEachHaveTheirOwnAttributesInTheirOwnOrder() throws Exception {
            var trades = statement("""
                    <Trades>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1" dateTime="20250717;100000"
                      quantity="1" proceeds="-628" ibCommission="-1"/>
                    <Trade symbol="QQQ" currency="EUR" assetCategory="STK" transactionID="2" dateTime="20250717;100100"
                      quantity="2" proceeds="-900" ibCommission="-2"/>
                    <Trade currency="USD" assetCategory="STK" symbol="IWM" transactionID="3" dateTime="20250717;100200"
                      quantity="3" proceeds="-600" ibCommission="-3" description="extra"/>
                    <Trade currency="USD" assetCategory="STK" symbol="DIA" transactionID="4" dateTime="20250717;100300"
                      quantity="4" proceeds="-400" ibCommission="-4"/>
                    </Trades>""").trades();
            assertThat(trades).extracting(t -> t.instrument().symbol()).containsExactly("SPY", "QQQ", "IWM", "DIA");
            assertThat(trades).extracting(TradeRow::currency).containsExactly("USD", "EUR", "USD", "USD");
            assertThat(trades).extracting(TradeRow::quantity).extracting(BigDecimal::intValue).containsExactly(1, 2, 3, 4);
            assertThat(trades).extracting(TradeRow::description).containsExactly(null, null, "extra", null);
            assertThat(trades.get(1).raw().keySet()).as("document order").startsWith("symbol", "currency");
            assertThat(trades.get(2).raw()).hasSize(9).containsEntry("description", "extra");
            assertThat(trades.get(3).raw()).hasSize(8).doesNotContainKey("description").containsEntry("symbol", "DIA");
        }

        @Test
        void anAttributeNameRepeatedInAnotherNamespaceKeepsTheLastValueAtTheFirstPosition() throws Exception {
            TradeRow t = statement("""
                    <Trades xmlns:x="urn:x">
                    <Trade x:symbol="QQQ" currency="USD" assetCategory="STK" symbol="SPY" transactionID="1"
                      dateTime="20250717;100000" quantity="1" proceeds="-628" ibCommission="-1"/>
                    </Trades>""").trades().get(0);
            assertThat(t.instrument()).isEqualTo(Stock.of("SPY"));
            assertThat(t.raw()).hasSize(8).containsEntry("symbol", "SPY");
            assertThat(t.raw().keySet()).first().isEqualTo("symbol");
        }

        @Test
        void closingAndOpeningInOneFillAndCancellations() throws Exception {
            var trades = statement("""
                    <Trades>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1" dateTime="20250717;100000"
                      quantity="200" proceeds="-125600" ibCommission="-1" openCloseIndicator="C;O" transactionType="ExchTrade"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="2" dateTime="20250717;100500"
                      quantity="-200" proceeds="125600" ibCommission="1" openCloseIndicator="" buySell="SELL (Ca.)"
                      notes="Ca" transactionType="TradeCancel" origTransactionID="1" tradeID=""/>
                    </Trades>""").trades();
            assertThat(trades.get(0).openClose()).isEqualTo(OpenClose.CLOSE_AND_OPEN);
            assertThat(trades.get(1).transactionType()).isEqualTo(TradeType.TRADE_CANCEL);
            assertThat(trades.get(1).origTransactionId()).isEqualTo("1");
            assertThat(trades.get(1).tradeId()).isNull();
            assertThat(trades.get(1).buySell()).isEqualTo("SELL (Ca.)");
        }

        @Test
        void theLegacyTradeDateAndTradeTimeStandInForDateTime() throws Exception {
            var trades = statement("""
                    <Trades>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1" tradeDate="20250717"
                      tradeTime="094500" quantity="1" proceeds="-628" ibCommission="-1"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="2" tradeDate="20250717"
                      quantity="1" proceeds="-628" ibCommission="-1"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="3" dateTime="20250717"
                      quantity="1" proceeds="-628" ibCommission="-1"/>
                    </Trades>""").trades();
            assertThat(trades.get(0).time()).isEqualTo(EventTime.at(Instant.parse("2025-07-17T13:45:00Z")));
            assertThat(trades.get(1).time()).isEqualTo(EventTime.on(LocalDate.of(2025, 7, 17)));
            assertThat(trades.get(2).time()).isEqualTo(EventTime.on(LocalDate.of(2025, 7, 17)));
        }

        @Test
        void otherAggregationLevelsInsideTradesAreSkipped() throws Exception {
            Statement s = statement("""
                    <Trades>
                    <Order currency="USD" assetCategory="STK" symbol="SPY" quantity="oops" levelOfDetail="ORDER"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1" dateTime="20250717;100000"
                      quantity="1" proceeds="-628" ibCommission="-1" levelOfDetail="EXECUTION"/>
                    <Lot currency="USD" assetCategory="STK" symbol="SPY" levelOfDetail="CLOSED_LOT"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" levelOfDetail="CLOSED_LOT"/>
                    <SymbolSummary currency="USD" symbol="SPY" dateTime="MULTI" levelOfDetail="SYMBOL_SUMMARY"/>
                    <AssetSummary currency="USD" assetCategory="STK" levelOfDetail="ASSET_SUMMARY"/>
                    <WashSale symbol="SPY"/>
                    </Trades>""");
            assertThat(s.trades()).extracting(TradeRow::transactionId).containsExactly(TransactionId.of("1"));
        }

        @Test
        void instrumentsFollowTheAssetCategory() throws Exception {
            var trades = statement("""
                    <Trades>
                    <Trade currency="USD" assetCategory="OPT" symbol="SPY250718P00626000" multiplier="100"
                      transactionID="1" dateTime="20250718;103200" quantity="-1" proceeds="40" ibCommission="-0.87"/>
                    <Trade currency="EUR" assetCategory="OPT" symbol="P OESX 20250718 5000 M" underlyingSymbol="ESTX50"
                      expiry="20250718" putCall="P" strike="5,000" multiplier="10"
                      transactionID="2" dateTime="20250718;103200" quantity="-1" proceeds="40" ibCommission="-0.87"/>
                    <Trade currency="USD" assetCategory="FOP" symbol="ESU5 C6300" underlyingSymbol="ESU5" multiplier="50"
                      transactionID="3" dateTime="20250718;103200" quantity="1" proceeds="-40" ibCommission="-2"/>
                    <Trade currency="USD" assetCategory="CASH" symbol="USD.HKD"
                      transactionID="4" dateTime="20250718;103200" quantity="1000" proceeds="-7847" ibCommission="-2"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY"
                      transactionID="5" dateTime="20250718;103200" quantity="1" proceeds="-628" ibCommission="-1"/>
                    </Trades>""").trades();
            assertThat(trades.get(0).instrument()).isEqualTo(new OptionContract("SPY", LocalDate.of(2025, 7, 18),
                    OptionRight.PUT, new BigDecimal("626"), new BigDecimal("100")));
            assertThat(trades.get(1).instrument()).isEqualTo(new OptionContract("ESTX50", LocalDate.of(2025, 7, 18),
                    OptionRight.PUT, new BigDecimal("5000"), new BigDecimal("10")));
            assertThat(trades.get(2).instrument())
                    .isEqualTo(new OtherInstrument("FOP", "ESU5 C6300", "ESU5", new BigDecimal("50")));
            assertThat(trades.get(3).instrument())
                    .isEqualTo(new OtherInstrument("CASH", "USD.HKD", null, BigDecimal.ONE));
            assertThat(trades.get(4).instrument()).isEqualTo(Stock.of("SPY"));
        }

        @Test
        void anOptionThatCannotBeIdentifiedIsRejected() {
            StatementRejectedException e = rejection("""
                    <Trades>
                    <Trade currency="EUR" assetCategory="OPT" symbol="ODAX DEC 18" underlyingSymbol="DAX" putCall="C"
                      strike="12000" transactionID="2" dateTime="20181109;111821" quantity="1" proceeds="-5" ibCommission="-1"/>
                    </Trades>""");
            assertThat(e.element()).contains("Trade");
            assertThat(e.attribute()).contains("expiry");
            assertThat(e.line()).isEqualTo(5);
        }

        @Test
        void anOccShapedSymbolWithAnImpossibleExpiryIsNotAnOccSymbol() {
            StatementRejectedException e = rejection("""
                    <Trades><Trade currency="USD" assetCategory="OPT" symbol="SPY   251399C00628000" transactionID="2"
                      dateTime="20250717;100000" quantity="1" proceeds="-5" ibCommission="-1"/></Trades>""");
            assertThat(e.attribute()).contains("underlyingSymbol");
            assertThat(e.reason()).contains("without an OCC symbol");
        }

        @Test
        void aMissingCommissionIsRejected() {
            StatementRejectedException e = rejection("""
                    <Trades><Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="2"
                      dateTime="20250717;100000" quantity="1" proceeds="-5"/></Trades>""");
            assertThat(e.attribute()).contains("ibCommission");
        }

        @Test
        void missingProceedsAreRejectedByDefaultAndDerivedOnRequest() throws Exception {
            String body = """
                    <Trades>
                    <Trade currency="USD" assetCategory="OPT" symbol="SPY   250717C00628000" multiplier="100"
                      tradeDate="20250717" quantity="-2" tradePrice="0.95" ibCommission="-1.7" buySell="SELL"/>
                    <Trade currency="USD" assetCategory="OPT" symbol="SPY   250717C00628000" multiplier="100"
                      tradeDate="20250717" quantity="-2" tradePrice="0.95" ibCommission="-1.7" buySell="SELL"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" tradeMoney="62800"
                      tradeDate="20250717" quantity="100" tradePrice="628" ibCommission="-1" buySell="BUY"/>
                    </Trades>""";
            StatementRejectedException e = rejection(body);
            assertThat(e.attribute()).contains("transactionID");

            FlexStatementParser deriving = new FlexStatementParser(NEW_YORK, DateOrder.US, MissingColumnPolicy.DERIVE);
            var trades = statement(deriving, body).trades();
            assertThat(trades.get(0).proceeds()).isEqualByComparingTo("190");
            assertThat(trades.get(2).proceeds()).isEqualByComparingTo("-62800");
            // two identical fills: the same hash, told apart by their order in the statement
            assertThat(trades.get(1).transactionId().value()).isEqualTo(trades.get(0).transactionId().value() + "#2");
            assertThat(trades.get(0).transactionId().value()).startsWith("h:").doesNotContain("#");
        }
    }

    @Nested
    class CashTransactions {

        @Test
        void detailAndSummaryRowsAreBothKeptWithTheirLevel() throws Exception {
            var cash = statement("""
                    <CashTransactions>
                    <CashTransaction accountId="-" currency="USD" fxRateToBase="7.85" symbol="SPY" description="SPY DIV"
                      dateTime="20250731" settleDate="20250731" amount="12.34" type="Dividends" transactionID=""
                      reportDate="20250731" levelOfDetail="SUMMARY"/>
                    <CashTransaction accountId="U7654321" currency="USD" fxRateToBase="7.85" symbol="SPY" description="SPY DIV"
                      dateTime="20250731;202000" settleDate="20250731" amount="12.34" type="Dividends" transactionID="555"
                      reportDate="20250731" levelOfDetail="DETAIL" actionID="9"/>
                    </CashTransactions>""").cashTransactions();
            CashTransactionRow summary = cash.get(0);
            assertThat(summary.transactionId()).isNull();
            assertThat(summary.account()).isEqualTo(AccountId.of("U7654321"));
            assertThat(summary.isDetail()).isFalse();
            assertThat(summary.levelOfDetail()).isEqualTo("SUMMARY");
            assertThat(summary.time()).isEqualTo(EventTime.on(LocalDate.of(2025, 7, 31)));

            CashTransactionRow detail = cash.get(1);
            assertThat(detail.transactionId()).isEqualTo(TransactionId.of("555"));
            assertThat(detail.isDetail()).isTrue();
            assertThat(detail.type()).isEqualTo("Dividends");
            assertThat(detail.currency()).isEqualTo("USD");
            assertThat(detail.fxRateToBase()).isEqualByComparingTo("7.85");
            assertThat(detail.amount()).isEqualByComparingTo("12.34");
            assertThat(detail.time()).isEqualTo(EventTime.at(Instant.parse("2025-08-01T00:20:00Z")));
            assertThat(detail.reportDate()).isEqualTo(LocalDate.of(2025, 7, 31));
            assertThat(detail.description()).isEqualTo("SPY DIV");
            assertThat(detail.symbol()).isEqualTo("SPY");
            assertThat(detail.raw()).containsEntry("actionID", "9");
        }

        @Test
        void aCashRowWithoutAmountIsRejected() {
            StatementRejectedException e = rejection("""
                    <CashTransactions><CashTransaction currency="USD" type="Dividends" dateTime="20250731"/>
                    </CashTransactions>""");
            assertThat(e.element()).contains("CashTransaction");
            assertThat(e.attribute()).contains("amount");
        }
    }

    @Nested
    class NavSections {

        @Test
        void officialNavsTakeTheBaseCurrencyWhenTheirOwnIsAbsent() throws Exception {
            Statement s = statement("""
                    <EquitySummaryInBase>
                    <EquitySummaryByReportDateInBase accountId="U7654321" reportDate="20250716" cash="1" total="79,498.68"/>
                    <EquitySummaryByReportDateInBase accountId="U7654321" reportDate="20250717" total="79754.81" currency="HKD"/>
                    </EquitySummaryInBase>
                    <AccountInformation accountId="U7654321" currency="HKD" accountType="Individual"/>""");
            assertThat(s.baseCurrency()).isEqualTo("HKD");
            assertThat(s.officialNavs()).containsExactly(
                    new OfficialNav(AccountId.of("U7654321"), LocalDate.of(2025, 7, 16), "HKD", new BigDecimal("79498.68")),
                    new OfficialNav(AccountId.of("U7654321"), LocalDate.of(2025, 7, 17), "HKD", new BigDecimal("79754.81")));
        }

        @Test
        void aNavRowWithoutReportDateIsRejected() {
            StatementRejectedException e = rejection("""
                    <EquitySummaryInBase><EquitySummaryByReportDateInBase total="1"/></EquitySummaryInBase>""");
            assertThat(e.element()).contains("EquitySummaryByReportDateInBase");
            assertThat(e.attribute()).contains("reportDate");
        }

        @Test
        void changeInNavKeepsEveryNumericComponent() throws Exception {
            ChangeInNav c = statement("""
                    <ChangeInNAV accountId="U7654321" acctAlias="" model="" currency="HKD" fromDate="20250717"
                      toDate="20250717" startingValue="79498.68" mtm="352.59" realized="0" changeInUnrealized="0"
                      commissions="-45.76" depositsWithdrawals="" otherFees="-1,000.00" brandNewComponent="1.5"
                      brandNewText="hello" endingValue="79754.81" twr="0.32"/>""").changeInNav();
            assertThat(c.account()).isEqualTo(AccountId.of("U7654321"));
            assertThat(c.fromDate()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(c.toDate()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(c.currency()).isEqualTo("HKD");
            assertThat(c.startingValue()).isEqualByComparingTo("79498.68");
            assertThat(c.endingValue()).isEqualByComparingTo("79754.81");
            assertThat(c.twr()).isEqualByComparingTo("0.32");
            assertThat(c.components()).containsOnlyKeys("mtm", "realized", "changeInUnrealized", "commissions",
                    "otherFees", "brandNewComponent");
            assertThat(c.components().get("otherFees")).isEqualByComparingTo("-1000.00");
            assertThat(c.components().get("mtm")).isEqualByComparingTo("352.59");
        }

        @Test
        void aMalformedDocumentedComponentIsRejected() {
            StatementRejectedException e = rejection("<ChangeInNAV fromDate=\"20250717\" mtm=\"x\"/>");
            assertThat(e.element()).contains("ChangeInNAV");
            assertThat(e.attribute()).contains("mtm");
        }

        @Test
        void aChangeInNavContainerOfRowsIsReadToo() throws Exception {
            ChangeInNav c = statement("""
                    <ChangeInNAV><ChangeInNAV fromDate="20250717" toDate="20250717" startingValue="1" endingValue="2"
                      mtm="1"/></ChangeInNAV>""").changeInNav();
            assertThat(c.components()).containsOnlyKeys("mtm");
        }
    }

    @Nested
    class Positions {

        @Test
        void summaryAndLotRowsAreMappedWithTheirLevel() throws Exception {
            var positions = statement("""
                    <OpenPositions>
                    <OpenPosition accountId="U7654321" currency="USD" fxRateToBase="7.847" assetCategory="OPT"
                      symbol="SPY   250718C00629000" multiplier="100" reportDate="20250718" position="-1" markPrice="0.01"
                      positionValue="-1" costBasisMoney="-36.14" fifoPnlUnrealized="35.14" side="Short" levelOfDetail="SUMMARY"/>
                    <OpenPosition accountId="U7654321" currency="USD" fxRateToBase="7.847" assetCategory="OPT"
                      symbol="SPY   250718C00629000" multiplier="100" reportDate="20250718" position="-1" markPrice="0.01"
                      positionValue="-1" costBasisMoney="-36.14" fifoPnlUnrealized="35.14" side="Short" levelOfDetail="LOT"
                      openDateTime="20250718;103200"/>
                    </OpenPositions>""").openPositions();
            OpenPositionRow summary = positions.get(0);
            assertThat(summary.isSummary()).isTrue();
            assertThat(summary.instrument()).isInstanceOf(OptionContract.class);
            assertThat(summary.reportDate()).isEqualTo(LocalDate.of(2025, 7, 18));
            assertThat(summary.currency()).isEqualTo("USD");
            assertThat(summary.fxRateToBase()).isEqualByComparingTo("7.847");
            assertThat(summary.position()).isEqualByComparingTo("-1");
            assertThat(summary.markPrice()).isEqualByComparingTo("0.01");
            assertThat(summary.positionValue()).isEqualByComparingTo("-1");
            assertThat(summary.costBasisMoney()).isEqualByComparingTo("-36.14");
            assertThat(summary.fifoPnlUnrealized()).isEqualByComparingTo("35.14");
            assertThat(positions.get(1).isSummary()).isFalse();
            assertThat(positions.get(1).levelOfDetail()).isEqualTo("LOT");
            assertThat(positions.get(1).raw()).containsEntry("openDateTime", "20250718;103200");
        }

        @Test
        void optionEaeRowsAreMappedWithThousandsSeparators() throws Exception {
            OptionEaeRow r = statement("""
                    <OptionEAE>
                    <OptionEAE accountId="U7654321" currency="USD" assetCategory="STK" symbol="SPY" multiplier="1"
                      date="20250717" transactionType="Sell" quantity="-100" tradePrice="628" proceeds="62,800.00"
                      commisionsAndTax="0" costBasis="-62,800.00" tradeID="8000000001"/>
                    </OptionEAE>""").optionEae().get(0);
            assertThat(r.type()).isEqualTo(OptionEaeType.SELL);
            assertThat(r.date()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(r.instrument()).isEqualTo(Stock.of("SPY"));
            assertThat(r.quantity()).isEqualByComparingTo("-100");
            assertThat(r.tradePrice()).isEqualByComparingTo("628");
            assertThat(r.tradeId()).isEqualTo("8000000001");
            assertThat(r.raw()).containsEntry("proceeds", "62,800.00").containsEntry("commisionsAndTax", "0");
        }

        @Test
        void conversionRatesWithoutARateHaveANullRate() throws Exception {
            var rates = statement("""
                    <ConversionRates>
                    <ConversionRate reportDate="20250717" fromCurrency="USD" toCurrency="HKD" rate="7.8487"/>
                    <ConversionRate reportDate="20250717" fromCurrency="RUB" toCurrency="HKD" rate="-1"/>
                    <ConversionRate reportDate="20250717" fromCurrency="XYZ" toCurrency="HKD" rate=""/>
                    </ConversionRates>""").conversionRates();
            assertThat(rates).containsExactly(
                    new ConversionRate(LocalDate.of(2025, 7, 17), "USD", "HKD", new BigDecimal("7.8487")),
                    new ConversionRate(LocalDate.of(2025, 7, 17), "RUB", "HKD", null),
                    new ConversionRate(LocalDate.of(2025, 7, 17), "XYZ", "HKD", null));
        }
    }

    @Nested
    class Envelope {

        @Test
        void severalStatementsGiveSeveralStatements() throws Exception {
            StatementFile file = parse(parser, """
                    <FlexQueryResponse queryName="multi" type="AF">
                    <Message>informational</Message>
                    <FlexStatements count="2">
                    <FlexStatement accountId="U1111111" fromDate="20250717" toDate="20250717" period="LastBusinessDay"
                      whenGenerated="20250718;051500">
                      <AccountInformation accountId="U1111111" currency="HKD"/>
                      <Trades><Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1"
                        dateTime="20250717;100000" quantity="1" proceeds="-628" ibCommission="-1"/></Trades>
                    </FlexStatement>
                    <FlexStatement accountId="U2222222" fromDate="20250717" toDate="20250717" period="LastBusinessDay"
                      whenGenerated="20250718;051501">
                      <AccountInformation accountId="U2222222" currency="CHF"/>
                      <Trades/>
                      <CashTransactions></CashTransactions>
                    </FlexStatement>
                    </FlexStatements>
                    </FlexQueryResponse>""");
            assertThat(file.queryName()).isEqualTo("multi");
            assertThat(file.type()).isEqualTo("AF");
            assertThat(file.source()).isEqualTo("inline.xml");
            assertThat(file.statements()).extracting(Statement::account)
                    .containsExactly(AccountId.of("U1111111"), AccountId.of("U2222222"));
            assertThat(file.statements()).extracting(Statement::baseCurrency).containsExactly("HKD", "CHF");
            assertThat(file.statements().get(0).trades()).hasSize(1);
            assertThat(file.statements().get(1).trades()).isEmpty();
            assertThat(file.statements().get(1).whenGenerated()).isEqualTo(Instant.parse("2025-07-18T09:15:01Z"));
        }

        @Test
        void unknownSectionsElementsAndAttributesAreTolerated() throws Exception {
            Statement s = statement("""
                    <HKIPOSubscriptionActivity><HKIPOSubscription foo="bar"/></HKIPOSubscriptionActivity>
                    <MutualFundDividendDetails/>
                    <!-- a comment -->
                    <?processing instruction?>
                    <SLBCollaterals><SLBCollateral quantity="not-a-number"/></SLBCollaterals>
                    <UnbookedTrades><Trade quantity="not-a-number"/></UnbookedTrades>
                    <Trades><Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1"
                      dateTime="20250717;100000" quantity="1" proceeds="-628" ibCommission="-1" script="new"/></Trades>""");
            assertThat(s.trades()).hasSize(1);
            assertThat(s.trades().get(0).raw()).containsEntry("script", "new");
        }

        @Test
        void theStatementFrameIsRead() throws Exception {
            Statement s = statement("");
            assertThat(s.account()).isEqualTo(AccountId.of("U7654321"));
            assertThat(s.fromDate()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(s.toDate()).isEqualTo(LocalDate.of(2025, 7, 17));
            assertThat(s.period()).isEqualTo("LastBusinessDay");
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2025-07-18T09:15:00Z"));
            assertThat(s.baseCurrency()).isNull();
            assertThat(s.changeInNav()).isNull();
        }

        @Test
        void theConfiguredZoneAndDateOrderApply() throws Exception {
            FlexStatementParser hongKong = new FlexStatementParser(ZoneId.of("Asia/Hong_Kong"), DateOrder.EUROPEAN);
            StatementFile file = parse(hongKong, """
                    <FlexQueryResponse><FlexStatements count="1">
                    <FlexStatement accountId="U1" fromDate="01/07/2025" toDate="31/07/2025" whenGenerated="01/08/2025;05:00:00">
                    <Trades><Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1"
                      dateTime="18/07/2025;01:15:00" quantity="100" proceeds="-62945" ibCommission="-1"/>
                    <Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="2"
                      dateTime="17/07/2025;16:20:00 EDT" quantity="100" proceeds="-62945" ibCommission="-1"/></Trades>
                    </FlexStatement></FlexStatements></FlexQueryResponse>""");
            Statement s = file.statements().get(0);
            assertThat(s.fromDate()).isEqualTo(LocalDate.of(2025, 7, 1));
            assertThat(s.toDate()).isEqualTo(LocalDate.of(2025, 7, 31));
            assertThat(s.whenGenerated()).isEqualTo(Instant.parse("2025-07-31T21:00:00Z"));
            assertThat(s.trades().get(0).time()).isEqualTo(EventTime.at(Instant.parse("2025-07-17T17:15:00Z")));
            assertThat(s.trades().get(1).time()).isEqualTo(EventTime.at(Instant.parse("2025-07-17T20:20:00Z")));
        }

        @Test
        void aSlashDateInTheWrongOrderIsRejectedWithAHint() {
            StatementRejectedException e = rejected(() -> parse(parser, """
                    <FlexQueryResponse><FlexStatements count="1">
                    <FlexStatement accountId="U1" fromDate="31/07/2025"/></FlexStatements></FlexQueryResponse>"""));
            assertThat(e.element()).contains("FlexStatement");
            assertThat(e.attribute()).contains("fromDate");
            assertThat(e.reason()).contains("DateOrder.EUROPEAN");
        }

        @Test
        void rowsOutsideAStatementAreIgnored() throws Exception {
            StatementFile file = parse(parser, """
                    <FlexQueryResponse><Trades><Trade quantity="x"/></Trades>
                    <FlexStatements count="0"/></FlexQueryResponse>""");
            assertThat(file.statements()).isEmpty();
        }
    }
}
