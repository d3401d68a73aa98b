package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.OtherInstrument;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.TransactionId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test statements: small factories for each row kind and the ground-truth scenario (DESIGN.md §7) as the three
 * month-to-date files of July 16, 17 and 18, each generated the next morning and each repeating the rows
 * before it, the later ones correcting and cancelling earlier trades.
 */
final class TestStatements {

    static final AccountId ACCOUNT = AccountId.of("U1234567");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final LocalDate JUL_16 = LocalDate.of(2025, 7, 16);
    static final LocalDate JUL_17 = LocalDate.of(2025, 7, 17);
    static final LocalDate JUL_18 = LocalDate.of(2025, 7, 18);

    private TestStatements() {
    }

    static Instant et(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    static TradeBuilder trade(String transactionId) {
        return new TradeBuilder(transactionId);
    }

    static StatementBuilder statement() {
        return new StatementBuilder();
    }

    static CashTransactionRow cash(String transactionId, String type, String amount, EventTime time, LocalDate reportDate,
                                   String levelOfDetail) {
        return new CashTransactionRow(transactionId == null ? null : TransactionId.of(transactionId), ACCOUNT, type, "USD",
                new BigDecimal("7.8490"), new BigDecimal(amount), time, reportDate, type + " " + amount, null,
                levelOfDetail, Map.of("type", type, "amount", amount));
    }

    static OfficialNav nav(LocalDate date, String total) {
        return new OfficialNav(ACCOUNT, date, "HKD", new BigDecimal(total));
    }

    static ChangeInNav changeInNav(LocalDate to, String ending) {
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        components.put("mtm", new BigDecimal("352.590"));
        components.put("commissions", new BigDecimal("-45.7600"));
        components.put("depositsWithdrawals", new BigDecimal("0"));
        return new ChangeInNav(ACCOUNT, LocalDate.of(2025, 7, 1), to, "HKD", new BigDecimal("80000.00"),
                new BigDecimal(ending), new BigDecimal("-0.98765"), components);
    }

    static OpenPositionRow position(LocalDate date, Instrument instrument, String quantity, String levelOfDetail) {
        return new OpenPositionRow(ACCOUNT, date, instrument, "USD", new BigDecimal("7.8487"), new BigDecimal(quantity),
                new BigDecimal("0.50"), new BigDecimal("-50.00"), new BigDecimal("-93.27"), new BigDecimal("43.27"),
                levelOfDetail, Map.of("symbol", instrument.symbol(), "levelOfDetail", String.valueOf(levelOfDetail)));
    }

    static OptionEaeRow eae(LocalDate date, OptionEaeType type, String occ, String quantity, String tradeId) {
        return new OptionEaeRow(ACCOUNT, date, type, OptionContract.parseOcc(occ), "USD", new BigDecimal(quantity),
                new BigDecimal("0"), tradeId, Map.of("transactionType", type.name()));
    }

    static ConversionRate rate(LocalDate date, String rate) {
        return new ConversionRate(date, "USD", "HKD", new BigDecimal(rate));
    }

    // --- the ground truth as three overlapping MTD files --------------------------------------------------

    private static TradeBuilder[] trades16() {
        return new TradeBuilder[] {
            trade("1001").option("SPY   250717P00626000").at("2025-07-16T14:10:00")
                    .amounts("-1", "0.62", "62.00", "-0.73", "-61.27", "0").fx("7.8490"),
            trade("1002").option("SPY   250717C00628000").at("2025-07-16T14:10:30")
                    .amounts("-1", "0.94", "94.00", "-0.73", "-93.27", "0").fx("7.8490"),
        };
    }

    private static TradeBuilder[] trades17() {
        return new TradeBuilder[] {
            trade("1003").tradeId("T1003").option("SPY   250717P00623000").at("2025-07-17T12:46:08")
                    .amounts("-1", "0.28", "28.00", "-0.73", "-27.27", "0").fx("7.8487"),
            trade("1004").option("SPY   250717P00623000").at("2025-07-17T12:46:41").side("BUY", OpenClose.CLOSE)
                    .amounts("1", "0.31", "-31.00", "-1.70", "27.27", "-5.43").fx("7.8487"),
            trade("1005").option("SPY   250717C00628000").at("2025-07-17T12:48:15")
                    .amounts("-1", "0.95", "95.00", "-1.70", "-93.30", "0").fx("7.8487"),
            trade("1006").option("SPY   250717C00628000").at("2025-07-17T12:50:02").side("BUY", OpenClose.CLOSE)
                    .amounts("1", "0.96", "-96.00", "-1.70", "93.27", "-4.43").fx("7.8487"),
            trade("1007").type(TradeType.BOOK_TRADE).option("SPY   250717P00626000").at("2025-07-17T16:20:00")
                    .side("BUY", OpenClose.CLOSE).amounts("1", "0", "0", "0", "61.27", "61.27").notes("Ep").fx("7.8487"),
            trade("1008").type(TradeType.BOOK_TRADE).option("SPY   250717C00628000").at("2025-07-17T16:20:00")
                    .side("BUY", OpenClose.CLOSE).amounts("1", "0", "0", "0", "93.30", "0").notes("A").fx("7.8487"),
            trade("1009").type(TradeType.BOOK_TRADE).stock("SPY").at("2025-07-17T16:20:00")
                    .amounts("-100", "628.00", "62800.00", "0", "-62800.00", "0").notes("A").fx("7.8487"),
        };
    }

    private static TradeBuilder[] trades18() {
        return new TradeBuilder[] {
            trade("1010").stock("SPY").at("2025-07-18T01:15:00").side("BUY", OpenClose.CLOSE)
                    .amounts("100", "629.45", "-62945.00", "-1.00", "62800.00", "-52.70").fx("7.8455"),
            trade("1011").option("SPY   250718C00629000").at("2025-07-18T10:32:00")
                    .amounts("-1", "0.37", "37.00", "-0.86", "-36.14", "0").fx("7.8470"),
            // IBKR cancels 1003 and books its correction under the same tradeID with a new transactionID.
            trade("1012").cancels("1003", "T1003").tradeId("T1003").option("SPY   250717P00623000")
                    .at("2025-07-18T09:00:00").side("BUY", OpenClose.CLOSE)
                    .amounts("1", "0.28", "-28.00", "0.73", "27.27", "0").fx("7.8470"),
            trade("1013").tradeId("T1003").option("SPY   250717P00623000").at("2025-07-17T12:46:08")
                    .amounts("-1", "0.29", "29.00", "-0.73", "-28.27", "0").fx("7.8487"),
            trade("1014").option("SPY   250718P00626000").at("2025-07-18T10:32:00")
                    .amounts("-1", "0.40", "40.00", "-0.87", "-39.13", "0").fx("7.8470"),
            trade("1015").type(TradeType.BOOK_TRADE).option("SPY   250718C00629000").at("2025-07-18T16:20:00")
                    .side("BUY", OpenClose.CLOSE).amounts("1", "0", "0", "0", "36.14", "36.14").notes("Ep").fx("7.8470"),
            trade("1016").type(TradeType.BOOK_TRADE).option("SPY   250718P00626000").at("2025-07-18T16:20:00")
                    .side("BUY", OpenClose.CLOSE).amounts("1", "0", "0", "0", "39.13", "39.13").notes("Ep").fx("7.8470"),
        };
    }

    private static final Instrument QQQ = Stock.of("QQQ");

    /** MTD through July 16, generated the morning of the 17th. */
    static Statement day16() {
        return statement().period(LocalDate.of(2025, 7, 1), JUL_16).generated("2025-07-17T06:00:00Z")
                .trades(trades16())
                .cash(cash("2001", "Broker Interest Received", "1.23", EventTime.on(LocalDate.of(2025, 7, 3)),
                                LocalDate.of(2025, 7, 3), "DETAIL"),
                        cash(null, "Broker Interest Received", "1.23", EventTime.on(LocalDate.of(2025, 7, 3)),
                                LocalDate.of(2025, 7, 3), "SUMMARY"))
                .navs(nav(JUL_16, "79498.68"))
                .changeInNav(changeInNav(JUL_16, "79498.68"))
                .positions(position(JUL_16, OptionContract.parseOcc("SPY   250717P00626000"), "-1", "SUMMARY"),
                        position(JUL_16, OptionContract.parseOcc("SPY   250717C00628000"), "-1", "SUMMARY"),
                        position(JUL_16, QQQ, "10", "SUMMARY"))
                .rates(rate(JUL_16, "7.8490"))
                .build();
    }

    /** MTD through July 17: repeats the 16th, with IBKR's corrected price for trade 1002. */
    static Statement day17() {
        TradeBuilder[] t16 = trades16();
        t16[1].price("0.945");
        return statement().period(LocalDate.of(2025, 7, 1), JUL_17).generated("2025-07-18T06:00:00Z")
                .trades(t16).trades(trades17())
                .optionEae(eae(JUL_17, OptionEaeType.EXPIRATION, "SPY   250717P00626000", "1", "T1007"),
                        eae(JUL_17, OptionEaeType.ASSIGNMENT, "SPY   250717C00628000", "1", "T1008"))
                .cash(cash("2001", "Broker Interest Received", "1.23", EventTime.on(LocalDate.of(2025, 7, 3)),
                        LocalDate.of(2025, 7, 3), "DETAIL"))
                .navs(nav(JUL_16, "79498.68"), nav(JUL_17, "79754.81"))
                .changeInNav(changeInNav(JUL_17, "79754.81"))
                .positions(position(JUL_17, Stock.of("SPY"), "-100", "SUMMARY"),
                        position(JUL_17, Stock.of("SPY"), "-100", "LOT"),
                        position(JUL_17, QQQ, "10", "SUMMARY"))
                .rates(rate(JUL_16, "7.8490"), rate(JUL_17, "7.8487"))
                .build();
    }

    /** MTD through July 18: repeats the 17th, cancels and corrects trade 1003. */
    static Statement day18() {
        TradeBuilder[] t16 = trades16();
        t16[1].price("0.945");
        return statement().period(LocalDate.of(2025, 7, 1), JUL_18).generated("2025-07-19T06:00:00Z")
                .trades(t16).trades(trades17()).trades(trades18())
                .optionEae(eae(JUL_17, OptionEaeType.EXPIRATION, "SPY   250717P00626000", "1", "T1007"),
                        eae(JUL_17, OptionEaeType.ASSIGNMENT, "SPY   250717C00628000", "1", "T1008"),
                        eae(JUL_18, OptionEaeType.EXPIRATION, "SPY   250718C00629000", "1", "T1015"),
                        eae(JUL_18, OptionEaeType.EXPIRATION, "SPY   250718P00626000", "1", "T1016"))
                .cash(cash("2001", "Broker Interest Received", "1.23", EventTime.on(LocalDate.of(2025, 7, 3)),
                                LocalDate.of(2025, 7, 3), "DETAIL"),
                        cash("2002", "Other Fees", "-10.00", EventTime.at(et("2025-07-18T12:00:00")), JUL_18, "DETAIL"))
                .navs(nav(JUL_16, "79498.68"), nav(JUL_17, "79754.81"), nav(JUL_18, "79231.03"))
                .changeInNav(changeInNav(JUL_18, "79231.03"))
                .positions(position(JUL_18, QQQ, "10", "SUMMARY"))
                .rates(rate(JUL_16, "7.8490"), rate(JUL_17, "7.8487"), rate(JUL_18, "7.8470"))
                .build();
    }

    /**
     * A statement that uses every column: all instrument kinds, a date-only trade, several note codes, a trade
     * without cost, cash rows without transaction id or account, amounts with trailing zeros, raw attributes
     * that need escaping.
     */
    static Statement everything() {
        Map<String, String> awkward = new LinkedHashMap<>();
        awkward.put("description", "quote \" backslash \\ tab \t newline \n bell \u0007 ü € 😀");
        awkward.put("", "empty key");
        awkward.put("unknownAttribute", "");
        return statement().generated("2025-07-19T06:00:00Z")
                .trades(trade("3001").option("SPY   250717C00628000").notes("A;P;IA").at("2025-07-17T16:20:00"),
                        trade("3002").stock("SPY").amounts("100", "629.4500", "-62945.0000", "-1.00", null, null)
                                .at("2025-07-18T01:15:00.123456"),
                        trade("3003").instrument("CASH", new OtherInstrument("CASH", "EUR.USD", null, null))
                                .amounts("1000", "1.17345", "-1173.45", "-2.00", "1173.45", "0").at("2025-07-17T10:00:00"),
                        trade("3004").instrument("FUT", new OtherInstrument("FUT", "ESU5", "ES", new BigDecimal("50")))
                                .amounts("1", "6300.25", "-315012.50", "-2.25", "315012.50", "0").at("2025-07-17T10:05:00"),
                        trade("3005").option("SPY250718P00626500").time(EventTime.on(JUL_18)).dates(null, null)
                                .type(TradeType.OTHER).raw("transactionType", "FracShare2"),
                        trade("3006").account(AccountId.of("U7654321")).at("2025-07-16T09:31:00"),
                        trade("3007").at("2025-07-16T09:32:00").raw("notes", "x").raw("weird", awkward.get("description")))
                .optionEae(eae(JUL_17, OptionEaeType.ASSIGNMENT, "SPY   250717C00628000", "1", "T3001"),
                        new OptionEaeRow(ACCOUNT, JUL_17, OptionEaeType.BUY, Stock.of("SPY"), null, null, null, null, awkward))
                .cash(cash("4001", "Dividends", "12.50", EventTime.at(et("2025-07-17T20:00:00")), JUL_17, "DETAIL"),
                        cash(null, "Other Fees", "-1.00", EventTime.on(JUL_17), JUL_17, null),
                        new CashTransactionRow(null, null, "Deposits/Withdrawals", "HKD", null, new BigDecimal("1000.00"),
                                EventTime.on(JUL_16), null, null, null, "", awkward))
                .navs(nav(JUL_16, "79498.68"), new OfficialNav(ACCOUNT, JUL_17, null, new BigDecimal("79754.810")))
                .changeInNav(new ChangeInNav(ACCOUNT, null, null, null, null, null, null, Map.of()))
                .positions(position(JUL_17, Stock.of("SPY"), "-100", "SUMMARY"),
                        position(null, OptionContract.parseOcc("SPY   250718C00629000"), "-1", ""),
                        new OpenPositionRow(ACCOUNT, JUL_18, new OtherInstrument("FUT", "ESU5", "ES", new BigDecimal("50")),
                                null, null, new BigDecimal("1"), null, null, null, null, null, awkward))
                .rates(rate(JUL_17, "7.8487"), new ConversionRate(JUL_17, "EUR", "HKD", null))
                .build();
    }
}
