package com.almreporting.flex.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "NaN", "Infinity", "-Infinity", "0x1A", "1,5", "12,34.5", "1.2.3", "1 000", "--5"})
    void nonNumbersAreRefusedWithTheValueInTheReason(String text) {
        assertThatThrownBy(() -> FlexValues.decimal(text))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageStartingWith("expected a decimal number, got '" + text + "'");
    }
}
