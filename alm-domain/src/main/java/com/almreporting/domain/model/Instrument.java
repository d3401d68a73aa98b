package com.almreporting.domain.model;

/**
 * What a row trades or books. Options are recognised from their OCC symbol (see {@link OptionContract});
 * stock is {@link Stock}; everything else (futures, FX, bonds…) is kept as {@link OtherInstrument}.
 */
public sealed interface Instrument permits Stock, OptionContract, OtherInstrument {

    /** The symbol as IBKR prints it; for options the OCC form. */
    String symbol();

    /** Contract multiplier: 100 for US equity options, 1 for stock. */
    java.math.BigDecimal multiplier();

    /** The underlying symbol for options, the symbol itself otherwise. */
    String underlying();
}
