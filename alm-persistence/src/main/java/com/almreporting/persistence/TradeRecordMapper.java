package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.NoteCodes;
import com.almreporting.domain.model.OpenClose;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.persistence.jooq.tables.records.ChronologicalEventsRecord;
import java.util.TreeSet;
import org.jooq.JSONB;

/** {@link TradeRow} ⇄ {@code chronological_events}. Enums are stored by name; notes sorted, joined with {@code ;}. */
final class TradeRecordMapper {

    private TradeRecordMapper() {
    }

    static ChronologicalEventsRecord toRecord(TradeRow t, Stamp stamp) {
        ChronologicalEventsRecord r = new ChronologicalEventsRecord();
        r.setAccountId(stamp.account().value());
        r.setTransactionId(t.transactionId().value());
        r.setRowAccountId(t.account().value());
        EventTimeColumns time = EventTimeColumns.of(t.time());
        r.setEventTimestamp(time.timestamp());
        r.setEventDate(time.date());
        r.setBusinessDate(EventTimeColumns.businessDate(t.tradeDate(), t.time()));
        r.setTradeDate(t.tradeDate());
        r.setReportDate(t.reportDate());
        r.setTransactionType(t.transactionType().name());
        r.setAssetCategory(t.assetCategory());
        InstrumentColumns i = InstrumentColumns.of(t.instrument());
        r.setInstrumentKind(i.kind());
        r.setInstrumentCategory(i.category());
        r.setSymbol(i.symbol());
        r.setUnderlying(i.underlying());
        r.setExpiry(i.expiry());
        r.setPutCall(i.putCall());
        r.setStrike(i.strike());
        r.setMultiplier(i.multiplier());
        r.setDescription(t.description());
        r.setConid(t.conid());
        r.setCurrency(t.currency());
        r.setFxRateToBase(t.fxRateToBase());
        r.setBuySell(t.buySell());
        r.setOpenClose(t.openClose().name());
        r.setQuantity(t.quantity());
        r.setTradePrice(t.tradePrice());
        r.setProceeds(t.proceeds());
        r.setIbCommission(t.ibCommission());
        r.setTaxes(t.taxes());
        r.setCost(t.cost());
        r.setFifoPnlRealized(t.fifoPnlRealized());
        r.setNotes(notes(t.notes()));
        r.setIbExecId(t.ibExecId());
        r.setIbOrderId(t.ibOrderId());
        r.setTradeId(t.tradeId());
        r.setOrigTransactionId(t.origTransactionId());
        r.setOrigTradeId(t.origTradeId());
        r.setRaw(JSONB.valueOf(RawJson.encode(t.raw())));
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static TradeRow toDomain(ChronologicalEventsRecord r) {
        return new TradeRow(
                new TransactionId(r.getTransactionId()),
                new AccountId(r.getRowAccountId()),
                r.getTradeId(),
                TradeType.valueOf(r.getTransactionType()),
                r.getAssetCategory(),
                new InstrumentColumns(r.getInstrumentKind(), r.getInstrumentCategory(), r.getSymbol(), r.getUnderlying(),
                        r.getExpiry(), r.getPutCall(), r.getStrike(), r.getMultiplier()).toInstrument(),
                r.getDescription(),
                r.getConid(),
                r.getCurrency(),
                r.getFxRateToBase(),
                new EventTimeColumns(r.getEventTimestamp(), r.getEventDate()).toEventTime(),
                r.getTradeDate(),
                r.getReportDate(),
                r.getBuySell(),
                OpenClose.valueOf(r.getOpenClose()),
                r.getQuantity(),
                r.getTradePrice(),
                r.getProceeds(),
                r.getIbCommission(),
                r.getTaxes(),
                r.getCost(),
                r.getFifoPnlRealized(),
                r.getNotes() == null ? NoteCodes.NONE : NoteCodes.parse(r.getNotes()),
                r.getIbExecId(),
                r.getIbOrderId(),
                r.getOrigTransactionId(),
                r.getOrigTradeId(),
                RawJson.decode(r.getRaw().data()));
    }

    /** Sorted so that the same codes always give the same text (a Set.copyOf set has no stable order). */
    static String notes(NoteCodes notes) {
        return notes.isEmpty() ? null : String.join(";", new TreeSet<>(notes.codes()));
    }
}
