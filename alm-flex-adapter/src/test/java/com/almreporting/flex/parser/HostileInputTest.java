package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.port.out.StatementRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken Flex files, each with its expected outcome: accepted (and what is read), or rejected with a
 * {@link StatementRejectedException} naming the file, the line and, where there is one, the element and the
 * attribute. Small inputs live under {@code src/test/resources/hostile/}; truncations and the 10 MB attribute are
 * built here from {@code valid-small.xml}.
 */
class HostileInputTest {

    private final FlexStatementParser parser = new FlexStatementParser();

    /** What a rejection must say: the line, the element and attribute (null: none), and part of the reason. */
    record Rejected(int line, String element, String attribute, String reason) {
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                file("xxe-local-file.xml", new Rejected(4, null, null, "DTDs/entities are not allowed")),
                file("billion-laughs.xml", new Rejected(13, null, null, "DTDs/entities are not allowed")),
                file("latin1-declared-utf8.xml", new Rejected(6, null, null,
                        "Invalid byte 2 of 3-byte UTF-8 sequence")),
                file("utf16le-undeclared.xml", new Rejected(1, null, null, "not an XML document")),
                file("utf16be-undeclared.xml", new Rejected(1, null, null, "not an XML document")),
                file("nan-quantity.xml", new Rejected(6, "Trade", "quantity",
                        "expected a decimal number, got 'NaN'")),
                file("infinity-price.xml", new Rejected(6, "Trade", "tradePrice",
                        "expected a decimal number, got 'Infinity'")),
                file("negative-infinity-proceeds.xml", new Rejected(6, "Trade", "proceeds",
                        "expected a decimal number, got '-Infinity'")),
                file("date-february-30.xml", new Rejected(6, "Trade", "dateTime", "got '2025-02-30'")),
                file("date-month-13.xml", new Rejected(6, "Trade", "dateTime", "got '2025-13-01'")),
                Arguments.of("huge-trade-attribute.xml", (Supplier<byte[]>) () -> withHugeValue("Trade"),
                        new Rejected(6, "Trade", "description", "exceeds the limit of 65536 characters")),
                Arguments.of("huge-statement-attribute.xml", (Supplier<byte[]>) () -> withHugeValue("FlexStatement"),
                        new Rejected(4, "FlexStatement", "description", "exceeds the limit of 65536 characters")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void isRejectedNamingFileLineAndAttribute(String name, Supplier<byte[]> bytes, Rejected expected) {
        StatementRejectedException e = rejection(name, bytes.get());
        assertThat(e.source()).isEqualTo(name);
        assertThat(e.line()).isEqualTo(expected.line());
        assertThat(e.element().orElse(null)).isEqualTo(expected.element());
        assertThat(e.attribute().orElse(null)).isEqualTo(expected.attribute());
        assertThat(e.reason()).contains(expected.reason());
        String where = name + ":" + expected.line() + ": "
                + (expected.element() == null ? "" : "<" + expected.element() + "> attribute '"
                + expected.attribute() + "': ");
        assertThat(e.getMessage()).startsWith(where).hasSizeLessThan(2_000);
    }

    /** Cut points across valid-small.xml: empty, inside the declaration, inside tags, values and the end tags. */
    static Stream<Arguments> truncations() {
        byte[] valid = validSmall();
        return IntStream.of(0, 1, 20, 39, 60, 150, 300, valid.length / 2, valid.length - 120, valid.length - 40,
                        valid.length - 2)
                .mapToObj(at -> Arguments.of(at, Arrays.copyOf(valid, at)));
    }

    @ParameterizedTest(name = "cut at byte {0}")
    @MethodSource("truncations")
    void aTruncatedFileIsRejectedAtALine(int at, byte[] bytes) {
        StatementRejectedException e = rejection("cut.xml", bytes);
        assertThat(e.source()).isEqualTo("cut.xml");
        assertThat(e.reason()).containsAnyOf("malformed or truncated XML", "not an XML document");
        long lines = 1 + new String(bytes, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        assertThat(e.line()).as("the line where the input ends").isBetween(1, (int) lines);
        assertThat(e.getMessage()).startsWith("cut.xml:" + e.line() + ": ");
    }

    @Test
    void theLatin1RejectionSaysTheEncodingIsWrong() {
        assertThat(rejection("l.xml", resource("latin1-declared-utf8.xml")).reason())
                .contains("not valid in the declared encoding");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        TradeRow trade = onlyStatement("utf8-bom.xml").trades().get(0);
        assertThat(trade.description()).isEqualTo("Société Générale");
    }

    @Test
    void utf16WithAByteOrderMarkIsAccepted() throws Exception {
        TradeRow trade = onlyStatement("utf16le-bom.xml").trades().get(0);
        assertThat(trade.description()).isEqualTo("Société Générale");
    }

    @Test
    void fiftyLevelsOfUnknownElementsAreSkipped() throws Exception {
        // the NaN Trade at the bottom is not under <Trades>: not a row, never read
        Statement statement = onlyStatement("nested-50-unknown.xml");
        assertThat(statement.trades()).extracting(t -> t.transactionId().value()).containsExactly("1001");
    }

    @Test
    void aHugeValueInAnUnknownElementIsSkippedLikeTheElement() throws Exception {
        String xml = new String(validSmall(), StandardCharsets.UTF_8)
                .replace("<Trades>", "<Unknown note=\"" + "x".repeat(10 * 1024 * 1024) + "\"/>\n      <Trades>");
        StatementFile file = parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "u.xml");
        assertThat(file.statements().get(0).trades()).hasSize(2);
    }

    @Test
    void aValueAtTheLimitIsAccepted() throws Exception {
        String xml = new String(validSmall(), StandardCharsets.UTF_8)
                .replace("transactionID=\"1001\"", "description=\"" + "x".repeat(Row.MAX_VALUE_LENGTH)
                        + "\" transactionID=\"1001\"");
        StatementFile file = parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "l.xml");
        assertThat(file.statements().get(0).trades().get(0).description()).hasSize(Row.MAX_VALUE_LENGTH);
    }

    @Test
    void duplicateTransactionIdsAreBothReturnedTheIngestKeepsTheLast() throws Exception {
        List<TradeRow> trades = onlyStatement("duplicate-transaction-ids.xml").trades();
        assertThat(trades).extracting(t -> t.transactionId().value()).containsExactly("1001", "1001");
        assertThat(trades).extracting(TradeRow::quantity).containsExactly(new BigDecimal("100"), new BigDecimal("200"));
    }

    @Test
    void aStatementOfAnotherAccountIsItsOwnStatement() throws Exception {
        Statement statement = onlyStatement("another-account.xml");
        assertThat(statement.account().value()).isEqualTo("U7654321");
        assertThat(statement.trades()).extracting(t -> t.account().value()).containsExactly("U7654321");

        StatementFile two = parse("two-accounts.xml");
        assertThat(two.statements()).extracting(s -> s.account().value()).containsExactly("U1234567", "U7654321");
        assertThat(two.statements()).allSatisfy(s -> assertThat(s.trades()).hasSize(1));
    }

    @Test
    void negativeAndExponentNumbersAreAccepted() throws Exception {
        List<TradeRow> trades = onlyStatement("negative-and-exponent-numbers.xml").trades();
        assertThat(trades.get(0).quantity()).isEqualByComparingTo("-100");
        assertThat(trades.get(0).tradePrice()).isEqualByComparingTo("628");
        assertThat(trades.get(1).quantity()).isEqualByComparingTo("1000");
        assertThat(trades.get(1).proceeds()).isEqualByComparingTo("-628000");
    }

    @Test
    void unknownSectionsAreSkipped() throws Exception {
        Statement statement = onlyStatement("unknown-sections.xml");
        assertThat(statement.trades()).extracting(t -> t.transactionId().value()).containsExactly("1001");
    }

    // --- helpers

    private static Arguments file(String name, Rejected expected) {
        return Arguments.of(name, (Supplier<byte[]>) () -> resource(name), expected);
    }

    private StatementRejectedException rejection(String name, byte[] bytes) {
        Throwable thrown = catchThrowable(() -> parser.parse(new ByteArrayInputStream(bytes), name));
        assertThat(thrown).isInstanceOf(StatementRejectedException.class);
        return (StatementRejectedException) thrown;
    }

    private StatementFile parse(String name) throws StatementRejectedException {
        return parser.parse(SampleFiles.resource("/hostile/" + name));
    }

    private Statement onlyStatement(String name) throws StatementRejectedException {
        StatementFile file = parse(name);
        assertThat(file.statements()).hasSize(1);
        return file.statements().get(0);
    }

    static byte[] resource(String name) {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] validSmall() {
        try {
            return Files.readAllBytes(SampleFiles.resource("/valid-small.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** valid-small.xml with a 10 MB {@code description} on the first Trade or on the FlexStatement. */
    private static byte[] withHugeValue(String element) {
        String huge = "description=\"" + "A".repeat(10 * 1024 * 1024) + "\" ";
        String xml = new String(validSmall(), StandardCharsets.UTF_8);
        xml = element.equals("Trade")
                ? xml.replaceFirst("<Trade ", "<Trade " + huge)
                : xml.replace("<FlexStatement ", "<FlexStatement " + huge);
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
