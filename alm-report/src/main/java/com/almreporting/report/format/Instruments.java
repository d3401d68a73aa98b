package com.almreporting.report.format;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.Stock;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names instruments and positions the way the narrative speaks: {@code SPY 628 Call (Jul 17)}, {@code short 100 SPY shares}. */
public final class Instruments {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private Instruments() {
    }

    public static String name(Instrument instrument) {
        if (instrument instanceof OptionContract o) {
            return o.underlying() + " " + Figures.quantity(o.strike()) + " " + (o.right() == OptionRight.CALL ? "Call" : "Put")
                    + " (" + EXPIRY.format(o.expiry()) + ")";
        }
        if (instrument instanceof Stock s) {
            return s.symbol();
        }
        return instrument.symbol();
    }

    /** {@code short 1 SPY 626 Put (Jul 17)}, {@code long 100 SPY shares}, {@code SPY 623 Put (Jul 17) closed out}. */
    public static String position(Instrument instrument, BigDecimal quantity) {
        String side = quantity.signum() > 0 ? "long " : "short ";
        if (quantity.signum() == 0) {
            return name(instrument) + (instrument instanceof Stock ? " shares" : "") + " closed out";
        }
        String q = Figures.quantity(quantity.abs());
        if (instrument instanceof Stock) {
            return side + q + " " + name(instrument) + " shares";
        }
        return side + q + " " + name(instrument);
    }
}
