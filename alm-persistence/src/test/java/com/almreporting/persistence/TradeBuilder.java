package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.EventTime;
import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.NoteCodes;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.TransactionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Flex trade row with the ground truth's defaults (a short SPY 0DTE put); change what the test is about. */
final class TradeBuilder {
    private final String transactionId;
    private AccountId account = TestStatements.ACCOUNT;
    private String tradeId;
    private TradeType type = TradeType.EXCH_TRADE;
    private String assetCategory = "OPT";
    private Instrument instrument = OptionContract.parseOcc("SPY   250717P00626000");
    private String description = "SPY 17JUL25 626 P";
    private String conid = "790123456";
    private String currency = "USD";
    private BigDecimal fx = new BigDecimal("7.8490");
    private EventTime time = EventTime.at(TestStatements.et("2025-07-16T14:10:00"));
    private LocalDate tradeDate = LocalDate.of(2025, 7, 16);
    private LocalDate reportDate = LocalDate.of(2025, 7, 16);
    private String buySell = "SELL";
    private OpenClose openClose = OpenClose.OPEN;
    private BigDecimal quantity = new BigDecimal("-1");
    private BigDecimal price = new BigDecimal("0.62");
    private BigDecimal proceeds = new BigDecimal("62.00");
    private BigDecimal commission = new BigDecimal("-0.73");
    private BigDecimal taxes = new BigDecimal("0");
    private BigDecimal cost = new BigDecimal("-61.27");
    private BigDecimal fifoPnlRealized = new BigDecimal("0");
    private NoteCodes notes = NoteCodes.NONE;
    private String origTransactionId;
    private String origTradeId;
    private final Map<String, String> raw = new LinkedHashMap<>();

    TradeBuilder(String transactionId) {
        this.transactionId = transactionId;
        this.tradeId = "T" + transactionId;
    }

    TradeBuilder account(AccountId account) {
        this.account = account;
        return this;
    }

    TradeBuilder tradeId(String tradeId) {
        this.tradeId = tradeId;
        return this;
    }

    TradeBuilder type(TradeType type) {
        this.type = type;
        return this;
    }

    TradeBuilder option(String occ) {
        this.instrument = OptionContract.parseOcc(occ);
        this.assetCategory = "OPT";
        this.description = occ.strip();
        return this;
    }

    TradeBuilder stock(String symbol) {
        this.instrument = Stock.of(symbol);
        this.assetCategory = "STK";
        this.description = symbol;
        return this;
    }

    TradeBuilder instrument(String assetCategory, Instrument instrument) {
        this.assetCategory = assetCategory;
        this.instrument = instrument;
        return this;
    }

    /** Exact time, given in New York time; trade and report date follow. */
    TradeBuilder at(String etLocalDateTime) {
        this.time = EventTime.at(TestStatements.et(etLocalDateTime));
        this.tradeDate = LocalDate.parse(etLocalDateTime.substring(0, 10));
        this.reportDate = tradeDate;
        return this;
    }

    TradeBuilder time(EventTime time) {
        this.time = time;
        return this;
    }

    TradeBuilder dates(LocalDate tradeDate, LocalDate reportDate) {
        this.tradeDate = tradeDate;
        this.reportDate = reportDate;
        return this;
    }

    TradeBuilder side(String buySell, OpenClose openClose) {
        this.buySell = buySell;
        this.openClose = openClose;
        return this;
    }

    /** quantity, tradePrice, proceeds, ibCommission, cost, fifoPnlRealized as the statement prints them. */
    TradeBuilder amounts(String quantity, String price, String proceeds, String commission, String cost, String fifo) {
        this.quantity = new BigDecimal(quantity);
        this.price = new BigDecimal(price);
        this.proceeds = new BigDecimal(proceeds);
        this.commission = new BigDecimal(commission);
        this.cost = cost == null ? null : new BigDecimal(cost);
        this.fifoPnlRealized = fifo == null ? null : new BigDecimal(fifo);
        return this;
    }

    TradeBuilder price(String price) {
        this.price = new BigDecimal(price);
        return this;
    }

    TradeBuilder fx(String fx) {
        this.fx = new BigDecimal(fx);
        return this;
    }

    TradeBuilder notes(String notes) {
        this.notes = NoteCodes.parse(notes);
        return this;
    }

    TradeBuilder cancels(String origTransactionId, String origTradeId) {
        this.type = TradeType.TRADE_CANCEL;
        this.origTransactionId = origTransactionId;
        this.origTradeId = origTradeId;
        return this;
    }

    TradeBuilder raw(String key, String value) {
        raw.put(key, value);
        return this;
    }

    TradeRow build() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("transactionID", transactionId);
        attributes.put("transactionType", type == TradeType.OTHER ? "Unknown" : type.flexName());
        attributes.put("symbol", instrument.symbol());
        attributes.putAll(raw);
        return new TradeRow(TransactionId.of(transactionId), account, tradeId, type, assetCategory, instrument, description,
                conid, currency, fx, time, tradeDate, reportDate, buySell, openClose, quantity, price, proceeds, commission,
                taxes, cost, fifoPnlRealized, notes, "0001f4e8." + transactionId, "40" + transactionId, origTransactionId,
                origTradeId, attributes);
    }
}
