package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.StatementHeader;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.StatementHandler;
import com.almreporting.domain.port.out.StatementRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FlexStatementParser#stream}: each statement's header, then its rows one at a time in document order, then
 * its end; on every sample file exactly the rows {@link FlexStatementParser#parse} returns.
 */
class StreamingParseTest {

    private static final FlexStatementParser PARSER =
            new FlexStatementParser(ZoneId.of("America/New_York"), DateOrder.US, MissingColumnPolicy.DERIVE);

    /** Every Flex file the tests hold that parses: public samples, our own samples, the accepted hostile files. */
    static Stream<Path> samples() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> public_ = Files.list(SampleFiles.resource("/flex-samples"));
             Stream<Path> ours = Files.list(Path.of("..", "samples"))) {
            Stream.concat(public_, ours).filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
        }
        files.add(SampleFiles.resource("/valid-small.xml"));
        for (String hostile : List.of("utf8-bom.xml", "utf16le-bom.xml", "nested-50-unknown.xml",
                "duplicate-transaction-ids.xml", "another-account.xml", "two-accounts.xml",
                "negative-and-exponent-numbers.xml", "unknown-sections.xml")) {
            files.add(SampleFiles.resource("/hostile/" + hostile));
        }
        return files.stream();
    }

    @Test
    void theSamplesAreThere() throws IOException {
        assertThat(samples().map(p -> p.getFileName().toString()))
                .contains("ground-truth-2025-07.xml", "winter-2025-12.xml", SampleFiles.ETAX, "valid-small.xml")
                .hasSizeGreaterThanOrEqualTo(22);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void streamingYieldsExactlyTheRowsOfTheCollectingParse(Path file) throws Exception {
        StatementFile collected = PARSER.parse(file);
        Recorder streamed = new Recorder();
        PARSER.stream(file, streamed);

        assertThat(streamed.files).containsExactly(
                List.of(collected.source(), String.valueOf(collected.queryName()), String.valueOf(collected.type())));
        assertThat(streamed.statements).hasSameSizeAs(collected.statements());
        for (int i = 0; i < collected.statements().size(); i++) {
            Statement expected = collected.statements().get(i);
            Recorded actual = streamed.statements.get(i);
            assertThat(actual.header).isEqualTo(new StatementHeader(expected.account(), expected.fromDate(),
                    expected.toDate(), expected.period(), expected.whenGenerated()));
            assertThat(actual.trades).containsExactlyElementsOf(expected.trades());
            assertThat(actual.optionEae).containsExactlyElementsOf(expected.optionEae());
            assertThat(actual.cash).containsExactlyElementsOf(expected.cashTransactions());
            assertThat(actual.openPositions).containsExactlyElementsOf(expected.openPositions());
            assertThat(actual.conversionRates).containsExactlyElementsOf(expected.conversionRates());
            assertThat(actual.end).isEqualTo(new StatementEnd(expected.account(), expected.baseCurrency(),
                    expected.officialNavs(), expected.changeInNav()));
        }
    }

    @Test
    void eachStatementIsHeaderRowsEndInDocumentOrder() throws Exception {
        List<String> events = new ArrayList<>();
        PARSER.stream(SampleFiles.resource("/hostile/two-accounts.xml"), new StatementHandler() {
            @Override
            public void file(String source, String queryName, String type) {
                events.add("file " + source);
            }

            @Override
            public void startStatement(StatementHeader header) {
                events.add("start " + header.account());
            }

            @Override
            public void trade(TradeRow row) {
                events.add("trade " + row.transactionId() + " of " + row.account());
            }

            @Override
            public void endStatement(StatementEnd end) {
                events.add("end " + end.account());
            }
        });
        assertThat(events).containsExactly("file two-accounts.xml", "start U1234567", "trade 1001 of U1234567",
                "end U1234567", "start U7654321", "trade 2001 of U7654321", "end U7654321");
    }

    @Test
    void navRowsWaitForTheBaseCurrencyThatFollowsThem() throws Exception {
        String xml = """
                <FlexQueryResponse queryName="q" type="AF"><FlexStatements count="1">
                <FlexStatement accountId="U7654321" fromDate="20250717" toDate="20250717">
                <EquitySummaryInBase>
                <EquitySummaryByReportDateInBase reportDate="20250716" total="79,498.68"/>
                </EquitySummaryInBase>
                <Trades><Trade currency="USD" assetCategory="STK" symbol="SPY" transactionID="1"
                  dateTime="20250717;100000" quantity="1" proceeds="-628" ibCommission="-1"/></Trades>
                <AccountInformation accountId="U7654321" currency="HKD"/>
                </FlexStatement></FlexStatements></FlexQueryResponse>""";
        Recorder recorder = new Recorder();
        PARSER.stream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "nav.xml", recorder);
        Recorded statement = recorder.statements.get(0);
        assertThat(statement.trades).hasSize(1);
        assertThat(statement.end.baseCurrency()).isEqualTo("HKD");
        assertThat(statement.end.officialNavs()).containsExactly(new OfficialNav(AccountId.of("U7654321"),
                LocalDate.of(2025, 7, 16), "HKD", new BigDecimal("79498.68")));
    }

    @Test
    void whatTheHandlerThrowsReachesTheCallerAsItIs() {
        IllegalStateException failure = new IllegalStateException("the ledger is gone");
        Throwable thrown = catchThrowable(() -> PARSER.stream(SampleFiles.resource("/valid-small.xml"),
                new StatementHandler() {
                    @Override
                    public void trade(TradeRow row) {
                        throw failure;
                    }
                }));
        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void aFileFoundTruncatedAfterSomeRowsIsRejectedAfterThoseRowsWereDelivered() throws Exception {
        byte[] valid = Files.readAllBytes(SampleFiles.resource("/valid-small.xml"));
        String text = new String(valid, StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.indexOf("</Trades>")).getBytes(StandardCharsets.UTF_8);
        Recorder recorder = new Recorder();

        Throwable thrown = catchThrowable(() -> PARSER.stream(new ByteArrayInputStream(cut), "cut.xml", recorder));

        assertThat(thrown).isInstanceOf(StatementRejectedException.class);
        assertThat(((StatementRejectedException) thrown).reason()).contains("truncated");
        assertThat(recorder.statements).hasSize(1);
        assertThat(recorder.statements.get(0).trades).hasSize(2);
        assertThat(recorder.statements.get(0).end).as("the statement never ended").isNull();
    }

    /** One statement as the handler saw it. */
    private static final class Recorded {
        final StatementHeader header;
        final List<TradeRow> trades = new ArrayList<>();
        final List<OptionEaeRow> optionEae = new ArrayList<>();
        final List<CashTransactionRow> cash = new ArrayList<>();
        final List<OpenPositionRow> openPositions = new ArrayList<>();
        final List<ConversionRate> conversionRates = new ArrayList<>();
        StatementEnd end;

        Recorded(StatementHeader header) {
            this.header = header;
        }
    }

    /** Records every call, and fails on a row or an end outside a started statement. */
    private static final class Recorder implements StatementHandler {
        final List<List<String>> files = new ArrayList<>();
        final List<Recorded> statements = new ArrayList<>();
        private Recorded open;

        @Override
        public void file(String source, String queryName, String type) {
            files.add(List.of(source, String.valueOf(queryName), String.valueOf(type)));
        }

        @Override
        public void startStatement(StatementHeader header) {
            assertThat(open).as("a statement inside a statement").isNull();
            open = new Recorded(header);
            statements.add(open);
        }

        @Override
        public void trade(TradeRow row) {
            open().trades.add(row);
        }

        @Override
        public void optionEae(OptionEaeRow row) {
            open().optionEae.add(row);
        }

        @Override
        public void cashTransaction(CashTransactionRow row) {
            open().cash.add(row);
        }

        @Override
        public void openPosition(OpenPositionRow row) {
            open().openPositions.add(row);
        }

        @Override
        public void conversionRate(ConversionRate rate) {
            open().conversionRates.add(rate);
        }

        @Override
        public void endStatement(StatementEnd end) {
            assertThat(end.account()).isEqualTo(open().header.account());
            open.end = end;
            open = null;
        }

        private Recorded open() {
            assertThat(open).as("a row outside a statement").isNotNull();
            return open;
        }
    }

    @Test
    void theCallersStreamStaysOpenAfterTheParse(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty-statements.xml");
        Files.writeString(file, "<FlexQueryResponse queryName=\"q\" type=\"AF\"><FlexStatements count=\"0\">"
                + "</FlexStatements></FlexQueryResponse>\n<!-- trailing -->\n", StandardCharsets.UTF_8);
        // A file channel's stream throws once closed: the JDK's StAX reader closes its input at the document's end.
        try (java.io.InputStream in = Files.newInputStream(file)) {
            new FlexStatementParser().parse(in, "empty-statements.xml");
            assertThat(catchThrowable(() -> in.transferTo(java.io.OutputStream.nullOutputStream()))).isNull();
        }
    }
}
