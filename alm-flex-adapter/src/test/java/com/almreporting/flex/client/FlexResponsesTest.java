package com.almreporting.flex.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.flex.client.FlexResponses.Envelope;
import com.almreporting.flex.client.FlexResponses.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlexResponsesTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("body"), content);
    }

    @Test
    void theThreeKindsOfBody() throws Exception {
        assertThat(FlexResponses.sniff(file("\uFEFF<?xml version=\"1.0\"?>\n<FlexQueryResponse queryName=\"x\"/>")).kind())
                .isEqualTo(Kind.STATEMENT);
        assertThat(FlexResponses.sniff(file("  <FlexStatementResponse><Status>Warn</Status></FlexStatementResponse>")).kind())
                .isEqualTo(Kind.ENVELOPE);
        assertThat(FlexResponses.sniff(file("<!DOCTYPE html><html><title>Error</title></html>")).description())
                .contains("HTML page").contains("title 'Error'");
        assertThat(FlexResponses.sniff(file("ClientAccountID,Symbol\nU1,SPY\n")).description()).contains("CSV");
        assertThat(FlexResponses.sniff(file("")).description()).contains("empty");
        assertThat(FlexResponses.sniff(file("<FlexQueryResponse><unclosed>")).kind()).isEqualTo(Kind.STATEMENT); // the parser rejects it later
        assertThat(FlexResponses.sniff(file("<a><b></a>")).kind()).isEqualTo(Kind.NOT_A_RESPONSE);
    }

    @Test
    void envelopeFieldsAreReadWhateverTheirCase() throws Exception {
        Envelope ok = FlexResponses.readEnvelope(file("<FlexStatementResponse timestamp=\"x\"><Status>Success</Status>"
                + "<ReferenceCode> 1234567890 </ReferenceCode><url>https://gdcdyn.interactivebrokers.com/AccountManagement/"
                + "FlexWebService/GetStatement</url></FlexStatementResponse>"));
        assertThat(ok.success()).isTrue();
        assertThat(ok.referenceCode()).isEqualTo("1234567890");
        assertThat(ok.url()).endsWith("/GetStatement");

        Envelope fail = FlexResponses.readEnvelope(file("<FlexStatementResponse><Status>Fail</Status><ErrorCode>1012</ErrorCode>"
                + "<ErrorMessage>Token has expired.</ErrorMessage><Extra><Nested>x</Nested></Extra></FlexStatementResponse>"));
        assertThat(fail.success()).isFalse();
        assertThat(fail.errorCode()).isEqualTo(1012);
        assertThat(fail.describe()).isEqualTo("1012 \"Token has expired.\"");
    }
}
