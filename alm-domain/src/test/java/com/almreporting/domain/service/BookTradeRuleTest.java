package com.almreporting.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.NoteCodes;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.event.ClassificationBasis;
import com.almreporting.domain.service.BookTradeRule.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every combination of instrument × notes × OptionEAE row, with the kind and basis the rule must give. */
class BookTradeRuleTest {

    private static final Instrument OPTION = OptionContract.parseOcc("SPY   250717C00628000");
    private static final Instrument STOCK = Stock.of("SPY");

    @Test
    void bookTradeOnOptionIsExpiration() {
        assertThat(BookTradeRule.classify(OPTION, NoteCodes.NONE, Optional.empty()))
                .isEqualTo(new BookTradeRule.Decision(Kind.EXPIRATION, ClassificationBasis.HEURISTIC));
    }

    @Test
    void bookTradeOnStockIsAssignment() {
        assertThat(BookTradeRule.classify(STOCK, NoteCodes.NONE, Optional.empty()))
                .isEqualTo(new BookTradeRule.Decision(Kind.ASSIGNMENT, ClassificationBasis.HEURISTIC));
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        String[] notes = {"", "A", "Ep", "Ex", "MEx", "AEx", "GEA", "P", "IA;P", "A;P"};
        List<Optional<OptionEaeType>> eaes = List.of(Optional.empty(), Optional.of(OptionEaeType.ASSIGNMENT),
                Optional.of(OptionEaeType.EXERCISE), Optional.of(OptionEaeType.EXPIRATION), Optional.of(OptionEaeType.BUY),
                Optional.of(OptionEaeType.CASH_SETTLEMENT));
        for (Instrument instrument : List.of(OPTION, STOCK)) {
            for (String note : notes) {
                for (Optional<OptionEaeType> eae : eaes) {
                    all.add(Arguments.of(instrument, note, eae, expected(instrument, note, eae)));
                }
            }
        }
        return all.stream();
    }

    /**
     * The rule written out independently: the notes code (else the specification's heuristic) decides; an OptionEAE
     * kind that disagrees, or that meets only the heuristic, overrides it and is reported as the basis.
     */
    private static BookTradeRule.Decision expected(Instrument instrument, String note, Optional<OptionEaeType> eae) {
        List<String> codes = List.of(note.split(";"));
        Kind kind;
        ClassificationBasis basis = ClassificationBasis.NOTES;
        if (codes.contains("A")) {
            kind = Kind.ASSIGNMENT;
        } else if (codes.contains("Ex") || codes.contains("MEx") || codes.contains("AEx")) {
            kind = Kind.EXERCISE;
        } else if (codes.contains("Ep")) {
            kind = Kind.EXPIRATION;
        } else {
            kind = instrument == OPTION ? Kind.EXPIRATION : Kind.ASSIGNMENT;
            basis = ClassificationBasis.HEURISTIC;
        }
        Kind eaeKind = eae.map(t -> switch (t) {
            case ASSIGNMENT -> Kind.ASSIGNMENT;
            case EXERCISE -> Kind.EXERCISE;
            case EXPIRATION -> Kind.EXPIRATION;
            default -> null;
        }).orElse(null);
        if (eaeKind != null && (eaeKind != kind || basis == ClassificationBasis.HEURISTIC)) {
            return new BookTradeRule.Decision(eaeKind, ClassificationBasis.OPTION_EAE);
        }
        return new BookTradeRule.Decision(kind, basis);
    }

    @Test
    void optionEaeThatAgreesWithTheNotesOnlyConfirms() {
        assertThat(BookTradeRule.classify(OPTION, NoteCodes.parse("Ep"), Optional.of(OptionEaeType.EXPIRATION)))
                .isEqualTo(new BookTradeRule.Decision(Kind.EXPIRATION, ClassificationBasis.NOTES));
    }

    @Test
    void optionEaeThatDisagreesWithTheNotesCorrectsThem() {
        assertThat(BookTradeRule.classify(OPTION, NoteCodes.parse("Ep"), Optional.of(OptionEaeType.ASSIGNMENT)))
                .isEqualTo(new BookTradeRule.Decision(Kind.ASSIGNMENT, ClassificationBasis.OPTION_EAE));
    }

    @ParameterizedTest(name = "{0} notes=''{1}'' eae={2} -> {3}")
    @MethodSource("combinations")
    void everyCombination(Instrument instrument, String notes, Optional<OptionEaeType> eae, BookTradeRule.Decision expected) {
        assertThat(BookTradeRule.classify(instrument, NoteCodes.parse(notes), eae)).isEqualTo(expected);
    }

    @Test
    void futuresAndFuturesOptionsCountAsDatedContracts() {
        assertThat(BookTradeRule.isDatedContract(new OtherInstrument("FOP", "ESZ5 C6000", "ES", BigDecimal.valueOf(50)))).isTrue();
        assertThat(BookTradeRule.isDatedContract(new OtherInstrument("FUT", "ESZ5", "ES", BigDecimal.valueOf(50)))).isTrue();
        assertThat(BookTradeRule.isDatedContract(new OtherInstrument("CASH", "USD.HKD", null, null))).isFalse();
    }
}
