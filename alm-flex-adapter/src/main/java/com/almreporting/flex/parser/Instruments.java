package com.almreporting.flex.parser;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Stock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The instrument of a Trade, OptionEAE or OpenPosition row. {@code OPT} rows become {@link OptionContract}s:
 * from the OCC symbol when it has that shape, else from {@code underlyingSymbol}, {@code expiry},
 * {@code putCall} and {@code strike} (non-US listings such as {@code "C ODAX DEC 18 12000"}). {@code STK} is
 * {@link Stock}; everything else, including futures options ({@code FOP}), stays an {@link OtherInstrument}.
 */
final class Instruments {

    private Instruments() {
    }

    static Instrument of(Row row) {
        String category = row.text("assetCategory");
        String symbol = row.requiredText("symbol", "the instrument's symbol");
        BigDecimal multiplier = row.decimal("multiplier");
        String kind = category == null ? "" : category.toUpperCase(Locale.ROOT);
        return switch (kind) {
            case "OPT" -> option(row, symbol, multiplier);
            case "STK" -> Stock.of(symbol);
            default -> new OtherInstrument(category == null ? "" : category, symbol, row.text("underlyingSymbol"),
                    multiplier);
        };
    }

    private static OptionContract option(Row row, String symbol, BigDecimal multiplier) {
        if (OptionContract.isOccSymbol(symbol)) {
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
