package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlexValuesTest {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "  ", "--", "-", "N/A", "MULTI", " N/A "})
    void ibkrPlaceholdersMeanNoValue(String placeholder) {
        assertThat(FlexValues.text(placeholder)).isNull();
    }

    @Test
    void realValuesAreStripped() {
        assertThat(FlexValues.text(" USD ")).isEqualTo("USD");
        assertThat(FlexValues.text(null)).isNull();
        assertThat(FlexValues.text("multi")).isEqualTo("multi");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-1059012.940313|-1059012.940313",
            "-3,706.79|-3706.79",
            "1,808.56|1808.56",
            "-6,400.00|-6400.00",
            "1,234,567|1234567",
            "0.000832235|0.000832235",
            "+5|5",
            ".5|0.5",
            "100|100",
    })
    void decimalsKeepTheirScaleAndLoseThousandsSeparators(String text, String expected) {
        assertThat(FlexValues.decimal(text)).isEqualByComparingTo(new BigDecimal(expected));
        assertThat(FlexValues.decimal(text).scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    /** The grammar as regular expressions, as the parser checked it before it checked by hand. */
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

    @Test
    void theHandWrittenChecksAcceptExactlyWhatTheGrammarAccepts() {
        // every string of up to 5 characters over the alphabet that matters, and longer grouped/exponent shapes
        char[] alphabet = {'0', '7', '+', '-', '.', ',', 'e', 'E', 'x'};
        List<String> candidates = new ArrayList<>();
        candidates.add("");
        for (int length = 1; length <= 5; length++) {
            int[] index = new int[length];
            while (true) {
                StringBuilder sb = new StringBuilder();
                for (int i : index) {
                    sb.append(alphabet[i]);
                }
                candidates.add(sb.toString());
                int k = length - 1;
                while (k >= 0 && ++index[k] == alphabet.length) {
                    index[k--] = 0;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        candidates.addAll(List.of("1,234", "12,345,678.90", "1,2345", "1234,567", "-1,000.", "+999,999,999.5",
                "1,000,00", ",000", "1e1234", "1e12345", "1.5E-10", "-.5e+3", "٣", "1\u00a0000"));
        for (String s : candidates) {
            assertThat(FlexValues.isPlain(s)).as("plain '%s'", s).isEqualTo(PLAIN.matcher(s).matches());
            assertThat(FlexValues.isGrouped(s)).as("grouped '%s'", s).isEqualTo(GROUPED.matcher(s).matches());
        }
        assertThat(candidates).hasSizeGreaterThan(60_000);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "NaN", "Infinity", "-Infinity", "0x1A", "1,5", "12,34.5", "1.2.3", "1 000", "--5"})
    void nonNumbersAreRefusedWithTheValueInTheReason(String text) {
        assertThatThrownBy(() -> FlexValues.decimal(text))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageStartingWith("expected a decimal number, got '" + text + "'");
    }
}
