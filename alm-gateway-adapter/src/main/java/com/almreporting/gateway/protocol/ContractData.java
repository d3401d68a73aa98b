package com.almreporting.gateway.protocol;

import java.math.BigDecimal;

/**
 * The contract fields an incoming message carries (TWS-FACTS §5). The three layouts differ only in position 8:
 * execDetails and position carry {@code exchange}, updatePortfolio carries {@code primaryExchange} instead; the
 * other of the two is null. {@code strike} is null when sent as {@code 0.0}/empty; {@code multiplier} is the raw
 * text (often empty for stock). Immutable.
 */
public record ContractData(
        long conId,
        String symbol,
        String secType,
        String lastTradeDateOrContractMonth,
        BigDecimal strike,
        String right,
        String multiplier,
        String exchange,
        String primaryExchange,
        String currency,
        String localSymbol,
        String tradingClass) {

    /** Which of the §5 layouts to read. */
    enum Layout { EXEC_DETAILS, POSITION, PORTFOLIO }

    /** Reads the eleven contract fields of {@code layout}. */
    static ContractData read(Fields f, Layout layout) throws TwsProtocolException {
        long conId = f.longValue("conId");
        String symbol = f.text("symbol");
        String secType = f.text("secType");
        String expiry = f.textOrNull("lastTradeDateOrContractMonth");
        BigDecimal strike = f.decimal("strike");
        if (strike != null && strike.signum() == 0) {
            strike = null;
        }
        String right = f.textOrNull("right");
        String multiplier = f.textOrNull("multiplier");
        String exchange = null;
        String primaryExchange = null;
        if (layout == Layout.PORTFOLIO) {
            primaryExchange = f.textOrNull("primaryExchange");
        } else {
            exchange = f.textOrNull("exchange");
        }
        String currency = f.text("currency");
        String localSymbol = f.textOrNull("localSymbol");
        String tradingClass = f.textOrNull("tradingClass");
        return new ContractData(conId, symbol, secType, expiry, strike, right, multiplier, exchange, primaryExchange,
                currency, localSymbol, tradingClass);
    }
}
