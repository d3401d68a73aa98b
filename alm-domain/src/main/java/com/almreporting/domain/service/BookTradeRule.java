package com.almreporting.domain.service;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.NoteCodes;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.event.ClassificationBasis;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a {@code BookTrade} row is. The specification's rule: on an option contract it is an
 * expiration, on the underlying stock an assignment. Refined: an exact notes code ({@code A}, {@code Ex}/{@code MEx}/
 * {@code AEx}, {@code Ep}) decides before the heuristic; an OptionEAE row for the same trade (Assignment, Exercise
 * or Expiration) confirms that decision or corrects it, and its basis is reported only when it changed or made it. {@code GEA} ("expiration or assignment
 * from offsetting positions") is not decisive on its own and falls through to the heuristic.
 */
public final class BookTradeRule {

    /** The three kinds of booking. */
    public enum Kind { ASSIGNMENT, EXERCISE, EXPIRATION }

    /** A kind and what decided it. */
    public record Decision(Kind kind, ClassificationBasis basis) {
    }

    private static final Set<String> DATED_CONTRACTS = Set.of("OPT", "FOP", "FUT", "FSFOP", "FSOPT", "IOPT", "WAR");

    private BookTradeRule() {
    }

    public static Decision classify(Instrument instrument, NoteCodes notes, Optional<OptionEaeType> optionEae) {
        Decision fromNotes = fromNotes(instrument, notes);
        Optional<Kind> eaeKind = optionEae.flatMap(BookTradeRule::kindOf);
        if (eaeKind.isPresent() && (eaeKind.get() != fromNotes.kind() || fromNotes.basis() == ClassificationBasis.HEURISTIC)) {
            // The OptionEAE row corrects the notes, or decides where the notes could not.
            return new Decision(eaeKind.get(), ClassificationBasis.OPTION_EAE);
        }
        return fromNotes; // an OptionEAE row that agrees with a notes code only confirms it
    }

    private static Decision fromNotes(Instrument instrument, NoteCodes notes) {
        if (notes.has("A")) {
            return new Decision(Kind.ASSIGNMENT, ClassificationBasis.NOTES);
        }
        if (notes.has("Ex") || notes.has("MEx") || notes.has("AEx")) {
            return new Decision(Kind.EXERCISE, ClassificationBasis.NOTES);
        }
        if (notes.has("Ep")) {
            return new Decision(Kind.EXPIRATION, ClassificationBasis.NOTES);
        }
        return new Decision(isDatedContract(instrument) ? Kind.EXPIRATION : Kind.ASSIGNMENT, ClassificationBasis.HEURISTIC);
    }

    private static Optional<Kind> kindOf(OptionEaeType type) {
        return switch (type) {
            case ASSIGNMENT -> Optional.of(Kind.ASSIGNMENT);
            case EXERCISE -> Optional.of(Kind.EXERCISE);
            case EXPIRATION -> Optional.of(Kind.EXPIRATION);
            default -> Optional.empty(); // Buy/Sell/Cash Settlement rows say nothing about the kind
        };
    }

    /** Options and other instruments that expire; everything else counts as "the underlying stock". */
    public static boolean isDatedContract(Instrument instrument) {
        if (instrument instanceof OptionContract) {
            return true;
        }
        return instrument instanceof OtherInstrument other && DATED_CONTRACTS.contains(other.assetCategory());
    }
}
