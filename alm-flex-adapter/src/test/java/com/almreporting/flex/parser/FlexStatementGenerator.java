package com.almreporting.flex.parser;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Activity Flex statement of n execution-level trades, each with the 85 attributes of a real
 * Trade row (one of the vroonhof eTax sample's, about 1.65 KB), for the parse benchmark and the fault tests (a
 * statement big enough that a run can be killed while it stores it). Deterministic (seeded): the same {@link Shape}
 * gives the same bytes.
 */
public final class FlexStatementGenerator {

    /**
     * What to write: the query and account, the statement's last day and generation time, the number of trades, and
     * every how many trades the price differs from the base shape's (0: none), so that a later statement of the same
     * trades is a correction of some of them.
     */
    public record Shape(String queryName, String account, LocalDate toDate, String whenGenerated, int trades,
                        int repriceEvery) {
        /** The parse benchmark's statement. */
        static Shape bench(int trades) {
            return new Shape("bench", "U9999999", LocalDate.of(2025, 12, 31), "2026-01-02;05:00:00", trades, 0);
        }
    }

    private static final String[][] INSTRUMENTS = {
        {"SPY", "756733", "US78462F1030", "SPDR S&amp;P 500 ETF TRUST", "ARCA", "USD"},
        {"AAPL", "265598", "US0378331005", "APPLE INC", "NASDAQ", "USD"},
        {"DN3", "743314526", "JP3481200008", "METAPLANET INC", "FWB2", "EUR"},
        {"NESN", "38708995", "CH0038863350", "NESTLE SA-REG", "EBS", "CHF"},
        {"VOD", "8894", "GB00BH4HKS39", "VODAFONE GROUP PLC", "LSE", "GBP"},
    };

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private FlexStatementGenerator() {
    }

    static void write(Path file, int trades) throws IOException {
        write(file, Shape.bench(trades));
    }

    public static void write(Path file, Shape shape) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        LocalDateTime start = LocalDateTime.of(2025, 1, 2, 9, 30);
        String account = shape.account();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FlexQueryResponse queryName=\"" + shape.queryName()
                    + "\" type=\"AF\">\n<FlexStatements count=\"1\">\n<FlexStatement accountId=\"" + account
                    + "\" fromDate=\"2025-01-01\" toDate=\"" + shape.toDate() + "\" period=\"Custom\" whenGenerated=\""
                    + shape.whenGenerated() + "\">\n<Trades>\n");
            for (int i = 0; i < shape.trades(); i++) {
                String[] ins = INSTRUMENTS[random.nextInt(INSTRUMENTS.length)];
                LocalDateTime t = start.plusSeconds(i * 37L);
                String date = t.toLocalDate().toString();
                String time = date + ";" + TIME.format(t);
                long qty = (random.nextInt(50) + 1) * 10L * (random.nextBoolean() ? 1 : -1);
                double drawn = 10 + random.nextDouble() * 500;
                boolean repriced = shape.repriceEvery() > 0 && i % shape.repriceEvery() == 0;
                String price = String.format(Locale.ROOT, "%.2f", repriced ? drawn + 0.01 : drawn);
                String money = String.format(Locale.ROOT, "%.2f", qty * Double.parseDouble(price));
                String proceeds = money.startsWith("-") ? money.substring(1) : "-" + money;
                long tid = 35_681_151_366L + i;
                out.write("<Trade accountId=\"" + account + "\" acctAlias=\"\" model=\"\" currency=\"" + ins[5]
                        + "\" fxRateToBase=\"0.9245\" assetCategory=\"STK\" subCategory=\"COMMON\" symbol=\"" + ins[0]
                        + "\" description=\"" + ins[3] + "\" conid=\"" + ins[1] + "\" securityID=\"" + ins[2]
                        + "\" securityIDType=\"ISIN\" cusip=\"\" isin=\"" + ins[2] + "\" figi=\"BBG01Q8HX8Q3\""
                        + " listingExchange=\"" + ins[4] + "\" underlyingConid=\"\" underlyingSymbol=\"" + ins[0]
                        + "\" underlyingSecurityID=\"\" underlyingListingExchange=\"\" issuer=\"\""
                        + " issuerCountryCode=\"US\" tradeID=\"" + (8_395_096_602L + i) + "\" multiplier=\"1\""
                        + " relatedTradeID=\"\" strike=\"\" reportDate=\"" + date + "\" expiry=\"\" dateTime=\"" + time
                        + "\" putCall=\"\" tradeDate=\"" + date + "\" principalAdjustFactor=\"\" settleDateTarget=\""
                        + t.toLocalDate().plusDays(2) + "\" transactionType=\"ExchTrade\" exchange=\"GETTEX2\""
                        + " quantity=\"" + qty + "\" tradePrice=\"" + price + "\" tradeMoney=\"" + money
                        + "\" proceeds=\"" + proceeds + "\" taxes=\"0\" ibCommission=\"-1.25\""
                        + " ibCommissionCurrency=\"" + ins[5] + "\" netCash=\"" + proceeds + "\" closePrice=\"" + price
                        + "\" openCloseIndicator=\"" + (qty > 0 ? "O" : "C") + "\" notes=\"\" cost=\"" + money
                        + "\" fifoPnlRealized=\"0\" mtmPnl=\"-1\" origTradePrice=\"0\" origTradeDate=\"\""
                        + " origTradeID=\"\" origOrderID=\"0\" origTransactionID=\"0\" buySell=\""
                        + (qty > 0 ? "BUY" : "SELL") + "\" clearingFirmID=\"\" ibOrderID=\"" + (4_512_310_239L + i)
                        + "\" transactionID=\"" + tid + "\" ibExecID=\"0000d349.68f1f32e.01." + Long.toHexString(tid)
                        + "\" relatedTransactionID=\"\" rtn=\"\" brokerageOrderID=\"003d7758.0001cc04.68f1ca86.0002\""
                        + " orderReference=\"\" volatilityOrderLink=\"\" exchOrderId=\"N/A\" extExecID=\""
                        + (456_522_616L + i) + "\" orderTime=\"" + time + "\" openDateTime=\"\""
                        + " holdingPeriodDateTime=\"\" whenRealized=\"\" whenReopened=\"\" levelOfDetail=\"EXECUTION\""
                        + " changeInPrice=\"0\" changeInQuantity=\"0\" orderType=\"LMT\" traderID=\"\""
                        + " isAPIOrder=\"N\" accruedInt=\"0\" initialInvestment=\"\" positionActionID=\"\""
                        + " serialNumber=\"\" deliveryType=\"\" commodityType=\"\" fineness=\"0.0\" weight=\"0.0\" />\n");
            }
            out.write("</Trades>\n</FlexStatement>\n</FlexStatements>\n</FlexQueryResponse>\n");
        }
    }
}
