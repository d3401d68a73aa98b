package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.nav;
import static com.almreporting.persistence.TestStatements.trade;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated account history of several months, in the shape of the real thing: same-day-expiry short options sold
 * in the morning, some bought back, the rest expiring or assigned after the close (BookTrades with notes and
 * OptionEAE rows, the assignment's stock leg closed the next morning), QQQ bought and sold, dividends reported days
 * after they are paid, an official NAV most days. It also has what makes checkpoints hard: cancels of trades weeks
 * older (the target before any checkpoint of the cancel's date), corrections that re-book an old trade under its
 * tradeID, and a re-sent earlier month with one row changed. The statements are month-to-date files, each repeating
 * the month's rows so far, as IBKR sends them. Deterministic for a seed.
 */
final class GeneratedHistory {

    private static final TradingCalendar CALENDAR = NyseCalendar.instance();

    private final Random random;
    private final List<TradeRow> trades = new ArrayList<>();
    private final List<OptionEaeRow> eae = new ArrayList<>();
    private final List<CashTransactionRow> cash = new ArrayList<>();
    private final List<OfficialNav> navs = new ArrayList<>();
    private final List<LocalDate> days = new ArrayList<>();
    private long nextId = 10_000;

    private GeneratedHistory(long seed) {
        this.random = new Random(seed);
    }

    /** The rows of {@code months} months from January 2025. */
    static GeneratedHistory of(long seed, int months) {
        GeneratedHistory h = new GeneratedHistory(seed);
        LocalDate end = LocalDate.of(2025, 1, 1).plusMonths(months);
        BigDecimal total = new BigDecimal("800000.00");
        List<TradeRow> qqqBuys = new ArrayList<>();
        for (LocalDate d = CALENDAR.nextTradingDay(LocalDate.of(2024, 12, 31)); d.isBefore(end); d = CALENDAR.nextTradingDay(d)) {
            h.days.add(d);
            h.day(d, qqqBuys);
            total = total.add(BigDecimal.valueOf(h.random.nextInt(400_000) - 200_000, 2));
            if (h.random.nextInt(20) != 0) { // now and then the broker has no NAV for a day
                h.navs.add(nav(d, total.toPlainString()));
            }
        }
        return h;
    }

    private String id() {
        return Long.toString(nextId++);
    }

    private static String at(LocalDate d, String time) {
        return d + "T" + time;
    }

    private void day(LocalDate d, List<TradeRow> qqqBuys) {
        String expiry = d.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        int strike = 600 + random.nextInt(20);
        String put = "SPY   " + expiry + "P00" + strike + "000";
        int contracts = 1 + random.nextInt(3);
        String premium = "0." + (20 + random.nextInt(70));
        BigDecimal proceeds = new BigDecimal(premium).multiply(BigDecimal.valueOf(100L * contracts));
        trades.add(trade(id()).option(put).at(at(d, "09:4" + random.nextInt(10) + ":00"))
                .amounts("-" + contracts, premium, proceeds.setScale(2).toPlainString(), "-1.05",
                        proceeds.subtract(new BigDecimal("1.05")).negate().toPlainString(), "0").build());
        int left = contracts;
        if (random.nextBoolean()) { // buy one back
            trades.add(trade(id()).option(put).at(at(d, "11:1" + random.nextInt(10) + ":00")).side("BUY", OpenClose.CLOSE)
                    .amounts("1", "0.10", "-10.00", "-0.70", "35.00", "24.30").build());
            left--;
        }
        if (left > 0) {
            boolean assigned = random.nextInt(4) == 0;
            String optionId = id();
            trades.add(trade(optionId).type(TradeType.BOOK_TRADE).option(put).at(at(d, "16:20:00"))
                    .side("BUY", OpenClose.CLOSE).amounts(Integer.toString(left), "0", "0", "0", "50.00", assigned ? "0" : "50.00")
                    .notes(assigned ? "A" : "Ep").build());
            eae.add(TestStatements.eae(d, assigned ? OptionEaeType.ASSIGNMENT : OptionEaeType.EXPIRATION, put,
                    Integer.toString(left), "T" + optionId));
            if (assigned) {
                String shares = Integer.toString(100 * left);
                BigDecimal value = BigDecimal.valueOf(strike).multiply(BigDecimal.valueOf(100L * left));
                trades.add(trade(id()).type(TradeType.BOOK_TRADE).stock("SPY").at(at(d, "16:20:00")).side("BUY", OpenClose.OPEN)
                        .amounts(shares, Integer.toString(strike), value.negate().toPlainString(), "0", value.toPlainString(), "0")
                        .notes("A").build());
                LocalDate next = CALENDAR.nextTradingDay(d);
                trades.add(trade(id()).stock("SPY").at(at(next, "09:35:00")).side("SELL", OpenClose.CLOSE)
                        .amounts("-" + shares, Integer.toString(strike + 1), value.add(BigDecimal.valueOf(100L * left))
                                .toPlainString(), "-1.00", value.negate().toPlainString(), "99.00").build());
            }
        }
        if (random.nextInt(3) == 0) {
            TradeRow buy = trade(id()).stock("QQQ").at(at(d, "13:0" + random.nextInt(10) + ":00")).side("BUY", OpenClose.OPEN)
                    .amounts("10", "500.00", "-5000.00", "-1.00", "5001.00", "0").build();
            trades.add(buy);
            qqqBuys.add(buy);
        } else if (random.nextInt(3) == 0 && !qqqBuys.isEmpty()) {
            trades.add(trade(id()).stock("QQQ").at(at(d, "14:3" + random.nextInt(10) + ":00")).side("SELL", OpenClose.CLOSE)
                    .amounts("-10", "505.00", "5050.00", "-1.00", "-5001.00", "48.00").build());
        }
        if (random.nextInt(15) == 0 && qqqBuys.size() > 4) {
            // A cancel of a QQQ buy weeks old: the target lies before any checkpoint of the cancel's date.
            TradeRow target = qqqBuys.remove(random.nextInt(qqqBuys.size() - 3));
            trades.add(trade(id()).stock("QQQ").cancels(target.transactionId().value(), target.tradeId())
                    .tradeId(target.tradeId()).at(at(d, "10:05:00")).side("SELL", OpenClose.CLOSE)
                    .amounts("-10", "500.00", "5000.00", "1.00", "-5001.00", "0").build());
        }
        if (random.nextInt(20) == 0 && qqqBuys.size() > 2) {
            // A correction re-books an older buy under its tradeID, at its own old time.
            TradeRow original = qqqBuys.get(random.nextInt(qqqBuys.size() - 1));
            String time = original.time().dateIn(TestStatements.NEW_YORK) + "T13:00:30";
            trades.add(trade(id()).stock("QQQ").type(TradeType.TRADE_CORRECT).tradeId(original.tradeId()).at(time)
                    .dates(d, d).side("BUY", OpenClose.OPEN)
                    .amounts("10", "499.50", "-4995.00", "-1.00", "4996.00", "0").build());
        }
        if (random.nextInt(8) == 0) {
            // Paid today, reported three trading days later: its business date lies after its time.
            LocalDate reported = CALENDAR.nextTradingDay(CALENDAR.nextTradingDay(CALENDAR.nextTradingDay(d)));
            cash.add(TestStatements.cash(id(), "Dividends", "12.34", EventTime.on(d), reported, "DETAIL"));
        }
    }

    /** Every trading day generated. */
    List<LocalDate> days() {
        return days;
    }

    /**
     * The month-to-date files, each generated the morning after its last day: for every month, a file each
     * {@code every} trading days and one at its end; then the first month re-sent with one trade's price changed.
     */
    List<Statement> files(int every) {
        List<Statement> files = new ArrayList<>();
        YearMonth month = null;
        int inMonth = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            if (!YearMonth.from(d).equals(month)) {
                month = YearMonth.from(d);
                inMonth = 0;
            }
            inMonth++;
            boolean monthEnd = i + 1 == days.size() || !YearMonth.from(days.get(i + 1)).equals(month);
            if (monthEnd || inMonth % every == 0) {
                files.add(mtd(month.atDay(1), d, d.plusDays(1) + "T06:00:00Z"));
            }
        }
        YearMonth first = YearMonth.from(days.get(0));
        LocalDate end = first.atEndOfMonth();
        Statement resent = mtd(first.atDay(1), end, days.get(days.size() - 1).plusDays(2) + "T06:00:00Z");
        List<TradeRow> changed = new ArrayList<>(resent.trades());
        int victim = changed.size() / 2;
        TradeRow t = changed.get(victim);
        changed.set(victim, new TradeRow(t.transactionId(), t.account(), t.tradeId(), t.transactionType(), t.assetCategory(),
                t.instrument(), t.description(), t.conid(), t.currency(), t.fxRateToBase(), t.time(), t.tradeDate(),
                t.reportDate(), t.buySell(), t.openClose(), t.quantity(), t.tradePrice().add(new BigDecimal("0.01")),
                t.proceeds().subtract(t.quantity().multiply(BigDecimal.ONE)).setScale(2, RoundingMode.HALF_UP),
                t.ibCommission(), t.taxes(), t.cost(), t.fifoPnlRealized(), t.notes(), t.ibExecId(), t.ibOrderId(),
                t.origTransactionId(), t.origTradeId(), t.raw()));
        files.add(new Statement(resent.account(), resent.baseCurrency(), resent.fromDate(), resent.toDate(),
                resent.period(), resent.whenGenerated(), changed, resent.optionEae(), resent.cashTransactions(),
                resent.officialNavs(), null, List.of(), List.of()));
        return files;
    }

    private Statement mtd(LocalDate from, LocalDate to, String generated) {
        return TestStatements.statement().period(from, to).generated(generated)
                .trades(trades.stream().filter(t -> within(t.businessDate(), from, to)).toList())
                .optionEae(eae.stream().filter(e -> within(e.date(), from, to)).toArray(OptionEaeRow[]::new))
                .cash(cash.stream().filter(c -> within(c.businessDate(), from, to)).toArray(CashTransactionRow[]::new))
                .navs(navs.stream().filter(n -> within(n.reportDate(), from, to)).toArray(OfficialNav[]::new))
                .build();
    }

    private static boolean within(LocalDate d, LocalDate from, LocalDate to) {
        return !d.isBefore(from) && !d.isAfter(to);
    }
}
