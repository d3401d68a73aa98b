package com.almreporting.gateway;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Stock;
import com.almreporting.gateway.protocol.ContractData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The domain instrument of a wire contract: {@code OPT} → {@link OptionContract} from symbol, expiry
 * ({@code lastTradeDateOrContractMonth}, first eight digits), right, strike and multiplier (100 when empty);
 * {@code STK} → {@link Stock}; anything else → {@link OtherInstrument} under its localSymbol (e.g. {@code ESU5}).
 * An option whose fields do not make a contract is kept as an {@code OtherInstrument} and a warning says so.
 */
final class Contracts {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private Contracts() {
    }

    static Instrument instrument(ContractData c, List<String> warnings) {
        String secType = c.secType() == null ? "" : c.secType().strip().toUpperCase(Locale.ROOT);
        BigDecimal multiplier = multiplier(c.multiplier());
        if (secType.equals("STK") && !c.symbol().isBlank()) {
            return Stock.of(c.symbol());
        }
        if (secType.equals("OPT")) {
            try {
                return option(c, multiplier);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                warnings.add("option conId " + c.conId() + " (" + display(c) + ") kept as an unmodelled instrument: "
                        + e.getMessage());
            }
        }
        String symbol = c.localSymbol() != null && !c.localSymbol().isBlank() ? c.localSymbol().strip() : c.symbol();
        if (symbol == null || symbol.isBlank()) {
            symbol = "conId " + c.conId();
        }
        return new OtherInstrument(secType.isEmpty() ? "?" : secType, symbol, c.symbol(), multiplier);
    }

    private static OptionContract option(ContractData c, BigDecimal multiplier) {
        String expiry = c.lastTradeDateOrContractMonth();
        if (expiry == null || expiry.length() < 8) {
            throw new IllegalArgumentException("expiry '" + expiry + "' is not yyyyMMdd");
        }
        LocalDate date = LocalDate.parse(expiry.substring(0, 8), YYYYMMDD);
        String right = c.right() == null ? "" : c.right().strip();
        if (right.isEmpty()) {
            throw new IllegalArgumentException("no right (C/P)");
        }
        if (c.strike() == null) {
            throw new IllegalArgumentException("no strike");
        }
        return new OptionContract(c.symbol(), date, OptionRight.of(right.charAt(0)), c.strike(),
                multiplier == null ? OptionContract.US_EQUITY_MULTIPLIER : multiplier);
    }

    private static BigDecimal multiplier(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal m = new BigDecimal(text.strip());
            return m.signum() > 0 ? m : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String display(ContractData c) {
        if (c.localSymbol() != null && !c.localSymbol().isBlank()) {
            return c.localSymbol().strip();
        }
        return c.symbol() + (c.secType() == null || c.secType().isBlank() ? "" : " " + c.secType());
    }
}
