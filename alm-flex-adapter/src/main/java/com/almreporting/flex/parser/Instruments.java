package com.almreporting.flex.parser;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Stock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The instrument of a Trade, OptionEAE or OpenPosition row. {@code OPT} rows become {@link OptionContract}s:
 * from the OCC symbol when it has that shape, else from {@code underlyingSymbol}, {@code expiry},
 * {@code putCall} and {@code strike} (non-US listings such as {@code "C ODAX DEC 18 12000"}). {@code STK} is
 * {@link Stock}; everything else, including futures options ({@code FOP}), stays an {@link OtherInstrument}.
 *
 * <p>A statement names the same few instruments over and over, and reading an OCC symbol is the costliest step
 * of a row: the last instrument read for each symbol is remembered, with the values it was read from, and given
 * again while they are the same (instruments are immutable). One per parse; not thread-safe.
 */
final class Instruments {

    /** Symbols remembered before the memory starts again: far more than a statement holds, and bounded. */
    private static final int MEMORY = 10_000;

    /** An instrument and the values it was read from, besides the symbol. */
    private record Read(String category, String multiplier, String underlying, Instrument instrument) {
    }

    private final Map<String, Read> bySymbol = new HashMap<>();

    Instrument of(Row row) {
        String category = row.text("assetCategory");
        String symbol = row.requiredText("symbol", "the instrument's symbol");
        String multiplierText = row.text("multiplier");
        String underlying = row.text("underlyingSymbol");
        Read known = bySymbol.get(symbol);
        if (known != null && Objects.equals(known.category(), category)
                && Objects.equals(known.multiplier(), multiplierText) && Objects.equals(known.underlying(), underlying)) {
            return known.instrument();
        }
        BigDecimal multiplier = row.decimal("multiplier");
        String kind = category == null ? "" : category.toUpperCase(Locale.ROOT);
        boolean occ = false;
        Instrument instrument = switch (kind) {
            case "OPT" -> {
                occ = OptionContract.isOccSymbol(symbol);
                yield option(row, symbol, multiplier, occ);
            }
            case "STK" -> Stock.of(symbol);
            default -> new OtherInstrument(category == null ? "" : category, symbol, underlying, multiplier);
        };
        // An option read from expiry, putCall and strike depends on more than is compared above.
        if (!kind.equals("OPT") || occ) {
            if (bySymbol.size() >= MEMORY) {
                bySymbol.clear();
            }
            bySymbol.put(symbol, new Read(category, multiplierText, underlying, instrument));
        }
        return instrument;
    }

    private static OptionContract option(Row row, String symbol, BigDecimal multiplier, boolean occ) {
        if (occ) {
            try {
                return OptionContract.parseOcc(symbol, multiplier);
            } catch (IllegalArgumentException e) {
                throw row.reject("symbol", e.getMessage(), e);
            }
        }
        String expected = " (an OPT row without an OCC symbol needs underlyingSymbol, expiry, putCall and strike)";
        String underlying = row.requiredText("underlyingSymbol", "the underlying symbol" + expected);
        LocalDate expiry = row.requiredDate("expiry");
        String putCall = row.requiredText("putCall", "C or P" + expected);
        BigDecimal strike = row.requiredDecimal("strike");
        OptionRight right;
        try {
            if (putCall.length() != 1) {
                throw new IllegalArgumentException("option right must be C or P, was '" + putCall + "'");
            }
            right = OptionRight.of(putCall.charAt(0));
        } catch (IllegalArgumentException e) {
            throw row.reject("putCall", "expected C or P, got '" + putCall + "'", e);
        }
        try {
            return new OptionContract(underlying, expiry, right, strike,
                    multiplier == null ? OptionContract.US_EQUITY_MULTIPLIER : multiplier);
        } catch (IllegalArgumentException e) {
            throw row.reject("strike", e.getMessage(), e);
        }
    }
}
