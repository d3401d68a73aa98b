package com.almreporting.gateway.fake;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the fake gateway knows about its account, as wire values (strings exactly as TWS would print them). Built
 * fluently; {@link #sample(LocalDate)} is the scripted snapshot the tests and the demo use. Mutable until handed to
 * a {@link FakeGateway}, which copies nothing: do not change it while a gateway serves it.
 */
public final class FakeAccount {

    /** A contract in wire form; the three §5 layouts are produced from it. */
    public record Contract(long conId, String symbol, String secType, String expiry, String strike, String right,
                           String multiplier, String exchange, String primaryExchange, String currency,
                           String localSymbol, String tradingClass) {

        public static Contract stock(long conId, String symbol, String primaryExchange, String currency) {
            return new Contract(conId, symbol, "STK", "", "0.0", "", "", "", primaryExchange, currency, symbol, "NMS");
        }

        /** A US equity option; the localSymbol is the padded OCC symbol. */
        public static Contract option(long conId, String underlying, LocalDate expiry, char right, String strike,
                                      String currency) {
            String yymmdd = expiry.format(DateTimeFormatter.ofPattern("yyMMdd"));
            long thousandths = new java.math.BigDecimal(strike).movePointRight(3).longValueExact();
            String occ = String.format("%-6s%s%c%08d", underlying, yymmdd, right, thousandths);
            return new Contract(conId, underlying, "OPT", expiry.format(DateTimeFormatter.BASIC_ISO_DATE), strike,
                    String.valueOf(right), "100", "", "", currency, occ, underlying);
        }

        /** Contract-E (execDetails) and Contract-S (position): position 8 is {@code exchange} (TWS-FACTS §5). */
        List<String> withExchange() {
            return List.of(Long.toString(conId), symbol, secType, expiry, strike, right, multiplier, exchange, currency,
                    localSymbol, tradingClass);
        }

        /** Contract-P (updatePortfolio): position 8 is {@code primaryExchange} (TWS-FACTS §5). */
        List<String> withPrimaryExchange() {
            return List.of(Long.toString(conId), symbol, secType, expiry, strike, right, multiplier, primaryExchange,
                    currency, localSymbol, tradingClass);
        }
    }

    /** An updatePortfolio row. */
    public record PortfolioItem(Contract contract, String position, String marketPrice, String marketValue,
                                String averageCost, String unrealizedPnl, String realizedPnl) {
    }

    /** A position row (reqPositions). */
    public record PositionItem(Contract contract, String position, String averageCost) {
    }

    /** One of the replies to reqExecutions, in the order they are sent: a fill or a commission report. */
    public sealed interface ExecutionReply permits Fill, Commission {
    }

    /** An execDetails: side {@code BOT}/{@code SLD}; time as TWS prints it. */
    public record Fill(Contract contract, long orderId, String execId, String time, String exchange, String side,
                       String shares, String price, long permId, String orderRef) implements ExecutionReply {
    }

    /** A commissionReport; {@code realizedPnl} {@code 1.7976931348623157E308} = not applicable. */
    public record Commission(String execId, String commission, String currency, String realizedPnl)
            implements ExecutionReply {
    }

    public static final String UNSET = "1.7976931348623157E308";

    final String account;
    final List<String> managedAccounts = new ArrayList<>();
    long currentTimeEpochSeconds;
    final List<List<String>> summaryRows = new ArrayList<>();
    final List<List<String>> accountValues = new ArrayList<>();
    final List<PortfolioItem> portfolio = new ArrayList<>();
    final List<PositionItem> positions = new ArrayList<>();
    final List<ExecutionReply> executionReplies = new ArrayList<>();

    public FakeAccount(String account) {
        this.account = Objects.requireNonNull(account, "account");
        this.managedAccounts.add(account);
    }

    public String account() {
        return account;
    }

    /** Replaces the managedAccounts list (the first entry need not be this account). */
    public FakeAccount managedAccounts(String... accounts) {
        managedAccounts.clear();
        managedAccounts.addAll(List.of(accounts));
        return this;
    }

    public FakeAccount currentTime(long epochSeconds) {
        this.currentTimeEpochSeconds = epochSeconds;
        return this;
    }

    public FakeAccount summary(String tag, String value, String currency) {
        summaryRows.add(List.of(tag, value, currency));
        return this;
    }

    public FakeAccount value(String key, String value, String currency) {
        accountValues.add(List.of(key, value, currency));
        return this;
    }

    public FakeAccount portfolio(PortfolioItem item) {
        portfolio.add(item);
        return this;
    }

    public FakeAccount position(PositionItem item) {
        positions.add(item);
        return this;
    }

    public FakeAccount reply(ExecutionReply reply) {
        executionReplies.add(reply);
        return this;
    }

    // ---- the scripted sample

    public static final String SAMPLE_ACCOUNT = "DU1234567";
    public static final String OPTION_SOLD = "0000e0d5.6878f7a1.01.01";
    public static final String STOCK_BOUGHT = "0000e0d5.6878f7b2.01.01";
    public static final String OPTION_BOUGHT = "0000e0d5.6878f7c3.01.01";
    public static final String OPTION_BOUGHT_CORRECTED = "0000e0d5.6878f7c3.01.02";

    /**
     * An HKD-base account on trading day {@code day} (New York), with USD positions and fills:
     * <ul>
     *   <li>NAV 1,234,567.89 HKD, cash 745,123.45 HKD; ExchangeRate USD 7.8493 (and BASE/HKD 1.00);</li>
     *   <li>portfolio: 100 SPY at 628.50 (value 62,850.00 USD) and −2 SPY {@code day} 630 calls at 0.35 (−70.00);</li>
     *   <li>fills: sold 3 calls at 0.95 (10:15 ET, its commission report 1.95 USD arrives <em>before</em> it), bought
     *       100 SPY at 625.10 (10:31 ET, UTC time form, commission 1.00 after it), bought 1 call back at 0.40
     *       (11:02 ET) corrected to 0.38 by execId {@code …01.02} (commission 0.65, realized 55.92).</li>
     * </ul>
     */
    public static FakeAccount sample(LocalDate day) {
        ZoneId ny = ZoneId.of("America/New_York");
        Contract spy = Contract.stock(756733, "SPY", "ARCA", "USD");
        Contract call = Contract.option(800_000_001L, "SPY", day, 'C', "630", "USD");
        String d = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        String utc1031 = day.atTime(LocalTime.of(10, 31)).atZone(ny).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss"));
        long closeEpoch = day.atTime(LocalTime.of(11, 30)).atZone(ny).toEpochSecond();
        return new FakeAccount(SAMPLE_ACCOUNT)
                .currentTime(closeEpoch)
                .summary("AccountType", "INDIVIDUAL", "")
                .summary("NetLiquidation", "1234567.89", "HKD")
                .summary("TotalCashValue", "745123.45", "HKD")
                .summary("BuyingPower", "4938271.56", "HKD")
                .summary("GrossPositionValue", "489871.55", "HKD")
                .summary("Cushion", "0.93", "")
                .summary("CashBalance", "745123.45", "HKD")
                .value("AccountCode", SAMPLE_ACCOUNT, "")
                .value("AccountReady", "true", "")
                .value("Currency", "HKD", "HKD")
                .value("Currency", "USD", "USD")
                .value("ExchangeRate", "1.00", "BASE")
                .value("ExchangeRate", "1.00", "HKD")
                .value("ExchangeRate", "7.8493", "USD")
                .value("NetLiquidation", "1234567.89", "HKD")
                .value("TotalCashValue", "745123.45", "HKD")
                .value("TotalCashBalance", "745123.45", "BASE")
                .value("CashBalance", "1236000.00", "HKD")
                .value("CashBalance", "-62532.94", "USD")
                .value("StockMarketValue", "62850.00", "USD")
                .portfolio(new PortfolioItem(spy, "100", "628.5", "62850.0", "625.11", "339.0", "0.0"))
                .portfolio(new PortfolioItem(call, "-2", "0.35", "-70.0", "94.35", "118.7", "55.92"))
                .position(new PositionItem(spy, "100", "625.11"))
                .position(new PositionItem(call, "-2", "94.35"))
                .reply(new Commission(OPTION_SOLD, "1.95", "USD", UNSET))
                .reply(new Fill(call, 11, OPTION_SOLD, d + " 10:15:02 US/Eastern", "CBOE", "SLD", "3", "0.95", 1_111_111_111L,
                        "wheel"))
                .reply(new Fill(spy, 12, STOCK_BOUGHT, utc1031, "ARCA", "BOT", "100", "625.1", 1_111_111_112L, ""))
                .reply(new Commission(STOCK_BOUGHT, "1.0", "USD", UNSET))
                .reply(new Fill(call, 13, OPTION_BOUGHT, d + " 11:02:40 US/Eastern", "CBOE", "BOT", "1", "0.4",
                        1_111_111_113L, "wheel"))
                .reply(new Commission(OPTION_BOUGHT, "0.65", "USD", "53.92"))
                .reply(new Fill(call, 13, OPTION_BOUGHT_CORRECTED, d + " 11:02:40 US/Eastern", "CBOE", "BOT", "1", "0.38",
                        1_111_111_113L, "wheel"))
                .reply(new Commission(OPTION_BOUGHT_CORRECTED, "0.65", "USD", "55.92"));
    }
}
