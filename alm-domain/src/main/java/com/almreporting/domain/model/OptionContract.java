package com.almreporting.domain.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An option contract identified by its OCC/OSI symbol: root left-justified to six characters, expiry
 * {@code yyMMdd}, right {@code C}/{@code P}, strike × 1000 as eight digits ({@code SPY   250717C00628000}).
 * The compact form without padding ({@code SPY250717C00628000}) is accepted too. Immutable.
 */
public record OptionContract(String underlying, LocalDate expiry, OptionRight right, BigDecimal strike,
                             BigDecimal multiplier) implements Instrument {

    private static final Pattern OCC = Pattern.compile("^([A-Z0-9./]{1,6}?)\\s*(\\d{6})([CP])(\\d{8})$");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    public static final BigDecimal US_EQUITY_MULTIPLIER = BigDecimal.valueOf(100);

    public OptionContract {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(strike, "strike");
        Objects.requireNonNull(multiplier, "multiplier");
        if (underlying.isBlank()) {
            throw new IllegalArgumentException("option underlying must not be blank");
        }
        if (strike.signum() <= 0) {
            throw new IllegalArgumentException("option strike must be positive, was " + strike);
        }
        underlying = underlying.strip();
        strike = strike.stripTrailingZeros();
        if (strike.scale() < 0) {
            strike = strike.setScale(0);
        }
    }

    /** True when {@code symbol} has the shape of an OCC option symbol (padded or compact). */
    public static boolean isOccSymbol(String symbol) {
        if (symbol == null || !OCC.matcher(symbol.strip().toUpperCase(java.util.Locale.ROOT)).matches()) {
            return false;
        }
        try {
            parseOcc(symbol);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Parses an OCC symbol with the US equity multiplier (100). */
    public static OptionContract parseOcc(String symbol) {
        return parseOcc(symbol, US_EQUITY_MULTIPLIER);
    }

    /** Parses an OCC symbol; {@code multiplier} comes from the row (IBKR's {@code multiplier}). */
    public static OptionContract parseOcc(String symbol, BigDecimal multiplier) {
        Objects.requireNonNull(symbol, "symbol");
        Matcher m = OCC.matcher(symbol.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not an OCC option symbol: '" + symbol + "'");
        }
        LocalDate expiry;
        try {
            expiry = LocalDate.parse(m.group(2), YYMMDD);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("OCC symbol '" + symbol + "' has an invalid expiry " + m.group(2), e);
        }
        BigDecimal strike = new BigDecimal(m.group(4)).divide(THOUSAND);
        return new OptionContract(m.group(1), expiry, OptionRight.of(m.group(3).charAt(0)), strike,
                multiplier == null ? US_EQUITY_MULTIPLIER : multiplier);
    }

    /** The padded 21-character OCC symbol. */
    @Override
    public String symbol() {
        String root = (underlying + "      ").substring(0, Math.max(6, underlying.length()));
        long strikeThousandths = strike.multiply(THOUSAND).longValueExact();
        return root + expiry.format(YYMMDD) + right.code() + String.format(java.util.Locale.ROOT, "%08d", strikeThousandths);
    }

    /** True when the contract expires on {@code day}: a "0DTE" contract on that trading day. */
    public boolean expiresOn(LocalDate day) {
        return expiry.equals(day);
    }
}
