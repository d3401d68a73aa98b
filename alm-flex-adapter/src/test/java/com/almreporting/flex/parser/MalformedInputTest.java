package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.out.StatementRejectedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of unusable input. Each rejection names the source file, the line, and (where there is one)
 * the element and attribute, and says what was expected. The inputs are the small files under
 * {@code src/test/resources/malformed/}.
 */
class MalformedInputTest {

    private final FlexStatementParser parser = new FlexStatementParser();

    private StatementRejectedException rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(StatementRejectedException.class);
        return (StatementRejectedException) thrown;
    }

    private StatementRejectedException rejectionOf(String file) {
        return rejection(() -> parser.parse(SampleFiles.resource("/malformed/" + file)));
    }

    private StatementRejectedException rejectionOf(String xml, String source) {
        return rejection(() -> parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), source));
    }

    @Test
    void theWellFormedTwinOfTheseFilesParses() throws Exception {
        StatementFile file = parser.parse(SampleFiles.resource("/valid-small.xml"));
        assertThat(file.statements()).hasSize(1);
        assertThat(file.statements().get(0).trades()).hasSize(2);
    }

    @Test
    void aTruncatedFileIsRejectedAtTheLineWhereItEnds() {
        StatementRejectedException e = rejectionOf("truncated.xml");
        assertThat(e.source()).isEqualTo("truncated.xml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.reason()).startsWith("malformed or truncated XML:");
        assertThat(e.getMessage()).startsWith("truncated.xml:7: ");
    }

    @Test
    void aFileCutBetweenRowsIsRejectedToo() {
        String xml = """
                <FlexQueryResponse queryName="q" type="AF">
                  <FlexStatements count="1">
                    <FlexStatement accountId="U1234567">
                      <Trades>
                      </Trades>
                """;
        StatementRejectedException e = rejectionOf(xml, "cut.xml");
        assertThat(e.source()).isEqualTo("cut.xml");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    void aDifferentRootElementIsRejectedNamingIt() {
        StatementRejectedException e = rejectionOf("wrong-root.xml");
        assertThat(e.source()).isEqualTo("wrong-root.xml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.element()).contains("FlexStatementResponse");
        assertThat(e.attribute()).isEmpty();
        assertThat(e.reason()).contains("expected the root element <FlexQueryResponse>")
                .contains("Flex Web Service status/error response");
    }

    @Test
    void aMalformedNumberIsRejectedNamingRowAndAttribute() {
        StatementRejectedException e = rejectionOf("bad-number.xml");
        assertThat(e.source()).isEqualTo("bad-number.xml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.element()).contains("Trade");
        assertThat(e.attribute()).contains("quantity");
        assertThat(e.reason()).isEqualTo("expected a decimal number, got 'abc'");
        assertThat(e.getMessage())
                .isEqualTo("bad-number.xml:7: <Trade> attribute 'quantity': expected a decimal number, got 'abc'");
    }

    @Test
    void anImpossibleDateIsRejectedNamingRowAndAttribute() {
        StatementRejectedException e = rejectionOf("bad-date.xml");
        assertThat(e.source()).isEqualTo("bad-date.xml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.element()).contains("Trade");
        assertThat(e.attribute()).contains("dateTime");
        assertThat(e.reason()).contains("expected a date in yyyy-MM-dd, got '2025-02-30'").contains("FEBRUARY 30");
    }

    @Test
    void aMissingTransactionIdIsRejectedNamingRowAndAttribute() {
        StatementRejectedException e = rejectionOf("missing-transaction-id.xml");
        assertThat(e.source()).isEqualTo("missing-transaction-id.xml");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.element()).contains("Trade");
        assertThat(e.attribute()).contains("transactionID");
        assertThat(e.reason()).startsWith("required attribute is missing; expected IBKR's unique transaction id");
    }

    @Test
    void aPlaceholderInARequiredAttributeIsRejectedSayingWhatWasFound() {
        String xml = """
                <FlexQueryResponse><FlexStatements count="1"><FlexStatement accountId="U1">
                <EquitySummaryInBase>
                <EquitySummaryByReportDateInBase reportDate="2025-07-17" total="--"/>
                </EquitySummaryInBase></FlexStatement></FlexStatements></FlexQueryResponse>""";
        StatementRejectedException e = rejectionOf(xml, "nav.xml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.element()).contains("EquitySummaryByReportDateInBase");
        assertThat(e.attribute()).contains("total");
        assertThat(e.reason()).isEqualTo("expected a decimal number, got '--' (no value)");
    }

    @Test
    void aStatementWithoutAccountIdIsRejected() {
        String xml = """
                <FlexQueryResponse><FlexStatements count="1">
                <FlexStatement fromDate="2025-07-17"/>
                </FlexStatements></FlexQueryResponse>""";
        StatementRejectedException e = rejectionOf(xml, "noaccount.xml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.element()).contains("FlexStatement");
        assertThat(e.attribute()).contains("accountId");
    }

    @Test
    void anHtmlErrorPageIsRejectedAsHtml() {
        StatementRejectedException e = rejectionOf("html-error-page.xml");
        assertThat(e.source()).isEqualTo("html-error-page.xml");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.element()).contains("html");
        assertThat(e.reason()).contains("an HTML page");
    }

    @Test
    void anHtmlPageWithADoctypeIsRejectedAsHtmlWithoutFetchingItsDtd() {
        StatementRejectedException e = rejectionOf("html-doctype-page.xml");
        assertThat(e.source()).isEqualTo("html-doctype-page.xml");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).contains("HTML page").contains("DTDs/entities are not allowed");
    }

    @Test
    void aCsvStatementIsRejectedAsNotXml() {
        StatementRejectedException e = rejectionOf("csv-statement.xml");
        assertThat(e.source()).isEqualTo("csv-statement.xml");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.reason()).startsWith("not an XML document");
    }

    @Test
    void anEmptyBodyIsRejectedAsNotXml() {
        StatementRejectedException e = rejectionOf("", "empty.xml");
        assertThat(e.source()).isEqualTo("empty.xml");
        assertThat(e.reason()).startsWith("not an XML document");
    }

    @Test
    void anExternalEntityToALocalFileIsRefusedAndNeverRead(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE FlexQueryResponse [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<FlexQueryResponse queryName=\"&xxe;\" type=\"AF\"><FlexStatements count=\"1\">"
                + "<FlexStatement accountId=\"&xxe;\"/></FlexStatements></FlexQueryResponse>\n";
        StatementRejectedException e = rejectionOf(xml, "xxe.xml");
        assertThat(e.source()).isEqualTo("xxe.xml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("DTDs/entities are not allowed");
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).contains("DTDs/entities").doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void anExternalDtdIsRefusedWithoutBeingFetched() {
        // nothing listens on port 9 of loopback; a fetch would surface as a connection error instead
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE FlexQueryResponse SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                + "<FlexQueryResponse/>";
        StatementRejectedException e = rejectionOf(xml, "external-dtd.xml");
        assertThat(e.reason()).contains("DTDs/entities are not allowed");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StatementRejectedException e = rejectionOf("billion-laughs.xml");
        assertThat(e.source()).isEqualTo("billion-laughs.xml");
        assertThat(e.line()).isBetween(2, 13);
        assertThat(e.reason()).contains("DTDs/entities are not allowed");
    }

    @Test
    void anUndeclaredEntityReferenceIsMalformedXml() {
        String xml = "<FlexQueryResponse><FlexStatements count=\"1\">\n<FlexStatement accountId=\"U1\">&foo;"
                + "</FlexStatement></FlexStatements></FlexQueryResponse>";
        StatementRejectedException e = rejectionOf(xml, "entity.xml");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("\"foo\"");
    }

    @Test
    void aStatementCountThatDisagreesWithTheFileIsRejected() {
        String xml = """
                <FlexQueryResponse><FlexStatements count="2">
                <FlexStatement accountId="U1"/>
                </FlexStatements></FlexQueryResponse>""";
        StatementRejectedException e = rejectionOf(xml, "count.xml");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.element()).contains("FlexStatements");
        assertThat(e.attribute()).contains("count");
        assertThat(e.reason()).contains("declares 2").contains("holds 1");
    }

    @Test
    void anUnreadableFileIsRejectedNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.xml");
        assertThatThrownBy(() -> parser.parse(missing))
                .isInstanceOfSatisfying(StatementRejectedException.class, e -> {
                    assertThat(e.source()).isEqualTo("nowhere.xml");
                    assertThat(e.reason()).startsWith("cannot read the file");
                });
    }
}
