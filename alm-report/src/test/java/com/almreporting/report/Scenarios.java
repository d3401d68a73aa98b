package com.almreporting.report;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.fixtures.GroundTruth;
import com.almreporting.domain.fixtures.TradeRows;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.PremiumPolicy;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.NarrativeReportService;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reports the renderers are tested on, built in memory (the Flex parser lives in another module):
 * the ground truth of DESIGN §7, a variant of it with cash events and the realized-only policy, and the winter
 * scenario of {@code samples/winter-2025-11*.xml} row for row.
 */
public final class Scenarios {
    public static final Path SAMPLES = Path.of("..", "samples");
    private static final Map<String, NarrativeReport> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private Scenarios() {
    }

    /** The named scenarios, for parameterised tests. */
    public static List<String> names() {
        return List.of("ground-truth", "variant", "winter");
    }

    /** The named scenario, built once per test run (reports are immutable). */
    public static NarrativeReport named(String name) {
        return CACHE.computeIfAbsent(name, n -> switch (n) {
            case "ground-truth" -> groundTruth();
            case "variant" -> variant();
            case "winter" -> winter();
            default -> throw new IllegalArgumentException("no scenario " + n);
        });
    }

    /** DESIGN §7: 2025-07-17..18 with the default settings. */
    public static NarrativeReport groundTruth() {
        return report(List.of(GroundTruth.statement()), LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18),
                ReportSettings.defaults());
    }

    /**
     * The ground truth under the realized-only policy, with a deposit in the overnight period before July 18, a
     * USD dividend with its withholding tax intraday on July 18, and a withdrawal after that day's close that
     * falls into the window of July 21 (a day without an official NAV yet). The official close of July 18
     * includes the deposit and the net dividend, as the broker's would.
     */
    public static NarrativeReport variant() {
        Statement gt = GroundTruth.statement();
        List<CashTransactionRow> cash = List.of(
                cash("9100000001", "HKD", "1", "15600", "Deposits/Withdrawals", "CASH RECEIPTS / ELECTRONIC FUND TRANSFERS",
                        "2025-07-17T20:05:00"),
                cash("9100000002", "USD", "7.8471", "12.34", "Dividends", "SPY(US78462F1030) Cash Dividend 1.234 per Share",
                        "2025-07-18T11:00:00"),
                cash("9100000003", "USD", "7.8471", "-1.85", "Withholding Tax", "SPY(US78462F1030) Cash Dividend - US Tax",
                        "2025-07-18T11:00:00"),
                cash("9100000004", "HKD", "1", "-3900", "Deposits/Withdrawals", "DISBURSEMENT \"urgent\" <wire> & co",
                        "2025-07-19T10:00:00"));
        List<OfficialNav> navs = List.of(
                new OfficialNav(gt.account(), LocalDate.of(2025, 7, 16), "HKD", new BigDecimal("79498.68")),
                new OfficialNav(gt.account(), LocalDate.of(2025, 7, 17), "HKD", new BigDecimal("79754.81")),
                new OfficialNav(gt.account(), LocalDate.of(2025, 7, 18), "HKD", new BigDecimal("94913.34")));
        Statement withCash = new Statement(gt.account(), gt.baseCurrency(), gt.fromDate(), LocalDate.of(2025, 7, 21),
                gt.period(), gt.whenGenerated(), gt.trades(), gt.optionEae(), cash, navs, null,
                gt.openPositions(), gt.conversionRates());
        return report(List.of(withCash), LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 21),
                ReportSettings.defaults().withPolicy(PremiumPolicy.REALIZED_ONLY));
    }

    /** {@code samples/winter-2025-11.xml} and {@code -12.xml}: 2025-11-25..12-01, EST, Thanksgiving, an early close. */
    public static NarrativeReport winter() {
        var account = TradeRows.ACCOUNT;
        List<OfficialNav> novNavs = List.of(
                new OfficialNav(account, LocalDate.of(2025, 10, 31), "HKD", new BigDecimal("79880.15")),
                new OfficialNav(account, LocalDate.of(2025, 11, 24), "HKD", new BigDecimal("80000")),
                new OfficialNav(account, LocalDate.of(2025, 11, 25), "HKD", new BigDecimal("80845.27")),
                new OfficialNav(account, LocalDate.of(2025, 11, 26), "HKD", new BigDecimal("80790.12")),
                new OfficialNav(account, LocalDate.of(2025, 11, 28), "HKD", new BigDecimal("88702.55")));
        Statement november = new Statement(account, "HKD", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 28),
                "MonthToDate", Instant.parse("2025-11-29T10:00:12Z"), List.of(
                TradeRows.option("SPY   251125P00660000").id("4300120100").at("2025-11-25T10:05:00").qty("-1").price("1.1").proceeds("110").commission("-0.86").cost("-109.14").fifo("0").fx("7.785").open().build(),
                TradeRows.option("SPY   251125P00660000").id("4300120111").book().at("2025-11-25T16:20:00").qty("1").price("0").proceeds("0").commission("0").cost("109.14").fifo("109.14").fx("7.785").close().notes("Ep").build(),
                TradeRows.option("SPY   251128C00680000").id("4300120122").at("2025-11-26T15:58:00").qty("-2").price("0.85").proceeds("170").commission("-1.4").cost("-168.6").fifo("0").fx("7.7843").open().build(),
                TradeRows.option("SPY   251128C00680000").id("4300120133").at("2025-11-28T12:40:00").qty("1").price("0.4").proceeds("-40").commission("-1.05").cost("84.3").fifo("43.25").fx("7.7838").close().build(),
                TradeRows.option("SPY   251128C00680000").id("4300120144").book().at("2025-11-28T16:20:00").qty("1").price("0").proceeds("0").commission("0").cost("84.3").fifo("84.3").fx("7.7838").close().notes("Ep").build()),
                List.of(), List.of(new CashTransactionRow(TransactionId.of("4300995511"), account, "Deposits/Withdrawals", "HKD",
                        BigDecimal.ONE, new BigDecimal("7800"), EventTime.on(LocalDate.of(2025, 11, 27)), LocalDate.of(2025, 11, 27),
                        "CASH RECEIPTS / ELECTRONIC FUND TRANSFERS", "", "DETAIL", Map.of())),
                novNavs, null, List.of(), List.of());
        Statement december = new Statement(account, "HKD", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 1),
                "MonthToDate", Instant.parse("2025-12-02T10:15:44Z"), List.of(
                TradeRows.stock("SPY").id("4300240300").at("2025-12-01T09:45:00").qty("100").price("679.5").proceeds("-67950").commission("-1").cost("67951").fifo("0").fx("7.7835").open().build()),
                List.of(), List.of(), List.of(
                new OfficialNav(account, LocalDate.of(2025, 11, 28), "HKD", new BigDecimal("88702.55")),
                new OfficialNav(account, LocalDate.of(2025, 12, 1), "HKD", new BigDecimal("88650.4"))),
                null, List.of(), List.of());
        return report(List.of(november, december), LocalDate.of(2025, 11, 25), LocalDate.of(2025, 12, 1),
                ReportSettings.defaults());
    }

    private static NarrativeReport report(List<Statement> statements, LocalDate from, LocalDate to, ReportSettings settings) {
        InMemoryLedger ledger = new InMemoryLedger();
        List<Statement> all = new ArrayList<>(statements);
        for (int i = 0; i < all.size(); i++) {
            ledger.store(all.get(i), StatementOrigin.of("scenario-" + i));
        }
        return new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(null, from, to, settings));
    }

    private static CashTransactionRow cash(String id, String currency, String fx, String amount, String type,
                                           String description, String localNewYork) {
        LocalDateTime at = LocalDateTime.parse(localNewYork);
        return new CashTransactionRow(TransactionId.of(id), GroundTruth.ACCOUNT, type, currency, new BigDecimal(fx),
                new BigDecimal(amount), EventTime.at(at.atZone(TradeRows.NEW_YORK).toInstant()), at.toLocalDate(),
                description, "", "DETAIL", Map.of());
    }
}
