package com.almreporting.flex.parser;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.domain.model.ConversionRate;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.NoteCodes;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.RowKey;
import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.model.StatementHeader;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.TransactionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the rows of one {@code FlexStatement} to domain records as they stream past; the parser hands each to its
 * handler at once. Kept until the statement's end, because only the end can complete them: the official NAV rows
 * (those without a currency take the base currency, and {@code AccountInformation} may come after them), the
 * ChangeInNAV and the base currency; with {@link MissingColumnPolicy#DERIVE}, the keys of derived transaction ids
 * (identical rows are numbered). None of these grows with the number of trades. One per statement; not
 * thread-safe.
 */
final class StatementMapper {

    private static final Logger LOG = LoggerFactory.getLogger(StatementMapper.class);

    /** ChangeInNAV attributes that are not components of the change. */
    private static final Set<String> CHANGE_IN_NAV_FRAME = Set.of("accountId", "acctAlias", "model", "currency",
            "fromDate", "toDate", "startingValue", "endingValue", "twr");

    /** ChangeInNAV components documented by IBKR (FLEX-FACTS §1.8): a malformed value here is an error. */
    private static final Set<String> CHANGE_IN_NAV_COMPONENTS = Set.of("mtm", "realized", "changeInUnrealized",
            "costAdjustments", "transferredPnlAdjustments", "depositsWithdrawals", "internalCashTransfers",
            "assetTransfers", "debitCardActivity", "billPay", "dividends", "withholdingTax", "withholding871m",
            "withholdingTaxCollected", "changeInDividendAccruals", "interest", "changeInInterestAccruals",
            "advisorFees", "brokerFees", "clientFees", "otherFees", "feesReceivables", "commissions",
            "commissionReceivables", "forexCommissions", "transactionTax", "taxReceivables", "salesTax",
            "billableSalesTax", "softDollars", "netFxTrading", "fxTranslation", "linkingAdjustments", "other",
            "corporateActionProceeds", "grantActivity", "excessFundSweep", "otherIncome", "referralFee",
            "donations");

    private static final BigDecimal NO_RATE = BigDecimal.ONE.negate();

    /** Where older cash rows without {@code dateTime} keep their date, in order of preference. */
    private static final List<String> CASH_DATES = List.of("date", "reportDate", "settleDate");

    private final StatementHeader header;
    private final AccountId account;
    private final Instruments instruments;
    private final MissingColumnPolicy missingColumns;
    private final Map<String, Integer> derivedIds = new HashMap<>();
    private int derivedIdCount;
    private int derivedProceedsCount;

    private String baseCurrency;
    private ChangeInNav changeInNav;
    private final List<OfficialNav> navs = new ArrayList<>();
    private int trades;
    private int optionEae;
    private int cash;
    private int openPositions;
    private int conversionRates;

    StatementMapper(Row flexStatement, Instruments instruments, MissingColumnPolicy missingColumns) {
        this.account = AccountId.of(flexStatement.requiredText("accountId", "the account id (e.g. U1234567)"));
        this.header = new StatementHeader(account, flexStatement.date("fromDate"), flexStatement.date("toDate"),
                flexStatement.text("period"), flexStatement.instant("whenGenerated"));
        this.instruments = instruments;
        this.missingColumns = missingColumns;
    }

    StatementHeader header() {
        return header;
    }

    void accountInformation(Row row) {
        baseCurrency = row.text("currency");
    }

    /** The execution, or null for a row of another level of detail. */
    TradeRow trade(Row row) {
        String level = row.text("levelOfDetail");
        if (level != null && !level.equalsIgnoreCase("EXECUTION")) {
            // Another aggregation of the same executions (closed lots, orders): counted nowhere.
            return null;
        }
        AccountId rowAccount = accountOf(row);
        String currency = row.requiredText("currency", "the trade currency (e.g. USD)");
        BigDecimal quantity = row.requiredDecimal("quantity");
        EventTime time = tradeTime(row);
        Instrument instrument = instruments.of(row);
        TransactionId transactionId = transactionId(row, rowAccount);
        BigDecimal proceeds = proceeds(row, quantity, instrument);
        trades++;
        return new TradeRow(
                transactionId,
                rowAccount,
                row.text("tradeID"),
                TradeType.fromFlex(row.text("transactionType")),
                row.text("assetCategory"),
                instrument,
                row.text("description"),
                row.text("conid"),
                currency,
                fxRateToBase(row),
                time,
                row.date("tradeDate"),
                row.date("reportDate"),
                row.text("buySell"),
                OpenClose.fromFlex(row.text("openCloseIndicator")),
                quantity,
                row.decimal("tradePrice"),
                proceeds,
                row.requiredDecimal("ibCommission"),
                row.decimal("taxes"),
                row.decimal("cost"),
                row.decimal("fifoPnlRealized"),
                NoteCodes.parse(row.text("notes")),
                row.text("ibExecID"),
                row.text("ibOrderID"),
                origId(row, "origTransactionID"),
                origId(row, "origTradeID"),
                row.raw());
    }

    OptionEaeRow optionEae(Row row) {
        optionEae++;
        return new OptionEaeRow(
                accountOf(row),
                row.requiredDate("date"),
                OptionEaeType.fromFlex(row.text("transactionType")),
                instruments.of(row),
                row.text("currency"),
                row.decimal("quantity"),
                row.decimal("tradePrice"),
                row.text("tradeID"),
                row.raw());
    }

    CashTransactionRow cashTransaction(Row row) {
        String id = row.text("transactionID");
        cash++;
        return new CashTransactionRow(
                id == null ? null : TransactionId.of(id),
                accountOf(row),
                row.requiredText("type", "the cash transaction type (e.g. Dividends)"),
                row.requiredText("currency", "the currency (e.g. USD)"),
                fxRateToBase(row),
                row.requiredDecimal("amount"),
                cashTime(row),
                row.date("reportDate"),
                row.text("description"),
                row.text("symbol"),
                row.text("levelOfDetail"),
                row.raw());
    }

    void officialNav(Row row) {
        navs.add(new OfficialNav(accountOf(row), row.requiredDate("reportDate"), row.text("currency"),
                row.requiredDecimal("total")));
    }

    void changeInNav(Row row) {
        if (changeInNav != null) {
            LOG.warn("{} line {}: a second <ChangeInNAV> in the statement of {}; keeping the first", row.element(),
                    row.line(), account);
            return;
        }
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        row.raw().forEach((name, value) -> {
            if (CHANGE_IN_NAV_FRAME.contains(name) || FlexValues.text(value) == null) {
                return;
            }
            if (CHANGE_IN_NAV_COMPONENTS.contains(name)) {
                components.put(name, row.decimal(name));
            } else {
                try {
                    components.put(name, FlexValues.decimal(value));
                } catch (NumberFormatException notNumeric) {
                    LOG.debug("ChangeInNAV attribute {}='{}' is not numeric; kept out of the components", name, value);
                }
            }
        });
        changeInNav = new ChangeInNav(accountOf(row), row.date("fromDate"), row.date("toDate"), row.text("currency"),
                row.decimal("startingValue"), row.decimal("endingValue"), row.decimal("twr"), components);
    }

    OpenPositionRow openPosition(Row row) {
        openPositions++;
        return new OpenPositionRow(
                accountOf(row),
                row.date("reportDate"),
                instruments.of(row),
                row.text("currency"),
                fxRateToBase(row),
                row.requiredDecimal("position"),
                row.decimal("markPrice"),
                row.decimal("positionValue"),
                row.decimal("costBasisMoney"),
                row.decimal("fifoPnlUnrealized"),
                row.text("levelOfDetail"),
                row.raw());
    }

    ConversionRate conversionRate(Row row) {
        BigDecimal rate = row.decimal("rate");
        conversionRates++;
        return new ConversionRate(
                row.requiredDate("reportDate"),
                row.requiredText("fromCurrency", "a currency code"),
                row.requiredText("toCurrency", "a currency code"),
                rate == null || rate.compareTo(NO_RATE) == 0 ? null : rate);
    }

    /** The statement is complete: what waited for its end. */
    StatementEnd end(String source) {
        if (derivedIdCount + derivedProceedsCount > 0) {
            LOG.warn("statement of {}: derived {} transactionIDs and {} proceeds missing from Trade rows "
                    + "(MissingColumnPolicy.DERIVE)", account, derivedIdCount, derivedProceedsCount);
        }
        List<OfficialNav> officialNavs = navs;
        if (baseCurrency != null) {
            officialNavs = navs.stream()
                    .map(n -> n.currency() != null ? n
                            : new OfficialNav(n.account(), n.reportDate(), baseCurrency, n.total()))
                    .toList();
        }
        LOG.debug("{}: statement of {}: {} trades, {} OptionEAE, {} cash rows, {} NAV rows, {} open positions,"
                        + " {} conversion rates", source, account.masked(), trades, optionEae, cash,
                officialNavs.size(), openPositions, conversionRates);
        return new StatementEnd(account, baseCurrency, officialNavs, changeInNav);
    }

    /** The row's own account (rows of a multi-account query carry it), else the statement's; {@code -} is none. */
    private AccountId accountOf(Row row) {
        String id = row.text("accountId");
        if (id == null || id.equals(account.value())) {
            return account;
        }
        return AccountId.of(id);
    }

    /** {@code fxRateToBase} is absent when the query does not select it; the row is then in the base currency. */
    private static BigDecimal fxRateToBase(Row row) {
        BigDecimal rate = row.decimal("fxRateToBase");
        return rate == null ? BigDecimal.ONE : rate;
    }

    /** {@code dateTime}, else the legacy {@code tradeDate} (+ {@code tradeTime}); a date alone is a date-only time. */
    private static EventTime tradeTime(Row row) {
        EventTime time = row.dateTime("dateTime");
        if (time == null) {
            time = row.dateAndTime("tradeDate", "tradeTime");
        }
        if (time == null) {
            throw row.missing("dateTime", "the execution time (dateTime, or at least tradeDate)");
        }
        return time;
    }

    /** {@code dateTime}, else the older {@code date}, {@code reportDate} or {@code settleDate}, as a date-only time. */
    private static EventTime cashTime(Row row) {
        EventTime time = row.dateTime("dateTime");
        for (String alternative : CASH_DATES) {
            if (time != null) {
                return time;
            }
            LocalDate date = row.date(alternative);
            time = date == null ? null : EventTime.on(date);
        }
        if (time == null) {
            throw row.missing("dateTime", "the time of the cash transaction (dateTime, or a reportDate or settleDate)");
        }
        return time;
    }

    private TransactionId transactionId(Row row, AccountId rowAccount) {
        String id = row.text("transactionID");
        if (id != null) {
            return TransactionId.of(id);
        }
        if (missingColumns != MissingColumnPolicy.DERIVE) {
            throw row.missing("transactionID", "IBKR's unique transaction id (the key of every trade)");
        }
        derivedIdCount++;
        Map<String, String> raw = row.raw();
        String key = RowKey.of("trade", rowAccount, raw.get("assetCategory"), raw.get("symbol"), raw.get("conid"),
                raw.get("tradeDate"), raw.get("dateTime"), raw.get("tradeTime"), raw.get("settleDateTarget"),
                raw.get("transactionType"), raw.get("buySell"), raw.get("quantity"), raw.get("tradePrice"),
                raw.get("tradeMoney"), raw.get("ibCommission"), raw.get("tradeID"), raw.get("ibExecID"),
                raw.get("ibOrderID"));
        int occurrence = derivedIds.merge(key, 1, Integer::sum);
        return TransactionId.of(occurrence == 1 ? key : key + "#" + occurrence);
    }

    private BigDecimal proceeds(Row row, BigDecimal quantity, Instrument instrument) {
        BigDecimal proceeds = row.decimal("proceeds");
        if (proceeds != null) {
            return proceeds;
        }
        if (missingColumns != MissingColumnPolicy.DERIVE) {
            throw row.missing("proceeds", Row.DECIMAL + " (-quantity x tradePrice x multiplier)");
        }
        derivedProceedsCount++;
        BigDecimal tradeMoney = row.decimal("tradeMoney");
        if (tradeMoney != null) {
            return tradeMoney.negate();
        }
        BigDecimal price = row.decimal("tradePrice");
        if (price == null) {
            throw row.missing("proceeds", Row.DECIMAL + " (or tradeMoney, or tradePrice to derive it)");
        }
        return quantity.multiply(price).multiply(instrument.multiplier()).negate();
    }

    /** {@code origTransactionID="0"} / {@code origTradeID="0"} mean "no original" (FLEX-FACTS §1.2). */
    private static String origId(Row row, String name) {
        String id = row.text(name);
        return id == null || id.equals("0") ? null : id;
    }
}
