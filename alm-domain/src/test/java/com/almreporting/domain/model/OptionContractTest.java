package com.almreporting.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionContractTest {

    @Test
    void parsesThePaddedOccSymbol() {
        OptionContract c = OptionContract.parseOcc("SPY   250717C00628000");
        assertThat(c.underlying()).isEqualTo("SPY");
        assertThat(c.expiry()).isEqualTo(LocalDate.of(2025, 7, 17));
        assertThat(c.right()).isEqualTo(OptionRight.CALL);
        assertThat(c.strike()).isEqualByComparingTo("628");
        assertThat(c.multiplier()).isEqualByComparingTo("100");
        assertThat(c.symbol()).isEqualTo("SPY   250717C00628000");
    }

    @Test
    void parsesTheCompactFormToTheSameContract() {
        assertThat(OptionContract.parseOcc("SPY250717P00626000")).isEqualTo(OptionContract.parseOcc("SPY   250717P00626000"));
    }

    @Test
    void keepsFractionalStrikesAndSixLetterRoots() {
        OptionContract c = OptionContract.parseOcc("GOOGL 250620C00172500");
        assertThat(c.underlying()).isEqualTo("GOOGL");
        assertThat(c.strike()).isEqualByComparingTo("172.5");
        assertThat(OptionContract.parseOcc("BRKB  250117P00450000").underlying()).isEqualTo("BRKB");
        assertThat(OptionContract.parseOcc("ABCDEF250117P00001500").strike()).isEqualByComparingTo("1.5");
    }

    @Test
    void takesTheMultiplierFromTheRow() {
        assertThat(OptionContract.parseOcc("XSP   250717C00628000", BigDecimal.TEN).multiplier()).isEqualByComparingTo("10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPY", "SPY 17JUL25 628 C", "SPY   251317C00628000", "SPY   250717X00628000", "SPY   250717C0062800", ""})
    void refusesWhatIsNotAnOccSymbol(String symbol) {
        assertThat(OptionContract.isOccSymbol(symbol)).isFalse();
        assertThatThrownBy(() -> OptionContract.parseOcc(symbol)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsItsExpiryDay() {
        OptionContract c = OptionContract.parseOcc("SPY   250718P00626000");
        assertThat(c.expiresOn(LocalDate.of(2025, 7, 18))).isTrue();
        assertThat(c.expiresOn(LocalDate.of(2025, 7, 17))).isFalse();
    }
}
