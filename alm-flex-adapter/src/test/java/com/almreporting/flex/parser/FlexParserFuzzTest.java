package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.port.out.StatementRejectedException;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;

/**
 * Coverage-guided fuzzing of {@link FlexStatementParser#parse(java.io.InputStream, String)}: whatever the bytes,
 * the parser returns a statement file or throws its own {@link StatementRejectedException}; any other throwable
 * (a runtime exception, an error, a hang past Jazzer's limits) is a finding.
 *
 * <p>{@code mvn verify} runs this in Jazzer's regression mode: once over each seed in
 * {@code src/test/resources/com/almreporting/flex/parser/FlexParserFuzzTestInputs/parse/} (plus any crash
 * reproducer saved there), in well under a second. To fuzz for real (30 s, the limit below; {@code -am} builds the
 * domain alongside, so that a stale installed one is never used):
 * {@code JAZZER_FUZZ=1 mvn -pl alm-flex-adapter -am test -Dtest=FlexParserFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Jazzer keeps the inputs it generates under {@code .cifuzz-corpus/} (not
 * committed) and writes a crashing input into the seed directory above, where it then becomes a regression case.
 */
class FlexParserFuzzTest {

    private static final FlexStatementParser PARSER = new FlexStatementParser();

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        try {
            PARSER.parse(new ByteArrayInputStream(input), "fuzz.xml");
        } catch (StatementRejectedException e) {
            assertThat(e.source()).isEqualTo("fuzz.xml");
            assertThat(e.reason()).isNotBlank();
            assertThat(e.line()).isNotNegative();
        }
    }
}
