package com.almreporting.persistence;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Stock;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An {@link Instrument} as the columns every row table shares: {@code instrument_kind} says which record it
 * was, the other columns hold what that record needs to be rebuilt exactly. {@code symbol},
 * {@code underlying} and {@code multiplier} are filled for every kind so that SQL can filter on them.
 */
record InstrumentColumns(String kind, String category, String symbol, String underlying, LocalDate expiry,
                         String putCall, BigDecimal strike, BigDecimal multiplier) {

    static final String STOCK = "STOCK";
    static final String OPTION = "OPTION";
    static final String OTHER = "OTHER";

    static InstrumentColumns of(Instrument instrument) {
        if (instrument instanceof OptionContract o) {
            return new InstrumentColumns(OPTION, null, o.symbol(), o.underlying(), o.expiry(),
                    String.valueOf(o.right().code()), o.strike(), o.multiplier());
        }
        if (instrument instanceof Stock s) {
            return new InstrumentColumns(STOCK, null, s.symbol(), s.underlying(), null, null, null, s.multiplier());
        }
        if (instrument instanceof OtherInstrument o) {
            return new InstrumentColumns(OTHER, o.assetCategory(), o.symbol(), o.underlying(), null, null, null,
                    o.multiplier());
        }
        throw new IllegalArgumentException("unknown instrument " + instrument);
    }

    Instrument toInstrument() {
        return switch (kind) {
            case OPTION -> new OptionContract(underlying, expiry, OptionRight.of(putCall.charAt(0)), strike, multiplier);
            case STOCK -> new Stock(symbol);
            case OTHER -> new OtherInstrument(category, symbol, underlying, multiplier);
            default -> throw new IllegalStateException("unknown instrument_kind '" + kind + "' for " + symbol);
        };
    }
}
