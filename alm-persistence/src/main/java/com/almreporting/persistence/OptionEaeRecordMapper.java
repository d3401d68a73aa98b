package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.persistence.jooq.tables.records.OptionEaeRecord;
import org.jooq.JSONB;

/** {@link OptionEaeRow} ⇄ {@code option_eae}, keyed by {@link OptionEaeRow#key()}. */
final class OptionEaeRecordMapper {

    private OptionEaeRecordMapper() {
    }

    static OptionEaeRecord toRecord(OptionEaeRow e, Stamp stamp) {
        OptionEaeRecord r = new OptionEaeRecord();
        r.setAccountId(stamp.account().value());
        r.setRowKey(e.key());
        r.setRowAccountId(e.account().value());
        r.setEaeDate(e.date());
        r.setEaeType(e.type().name());
        InstrumentColumns i = InstrumentColumns.of(e.instrument());
        r.setInstrumentKind(i.kind());
        r.setInstrumentCategory(i.category());
        r.setSymbol(i.symbol());
        r.setUnderlying(i.underlying());
        r.setExpiry(i.expiry());
        r.setPutCall(i.putCall());
        r.setStrike(i.strike());
        r.setMultiplier(i.multiplier());
        r.setCurrency(e.currency());
        r.setQuantity(e.quantity());
        r.setTradePrice(e.tradePrice());
        r.setTradeId(e.tradeId());
        r.setRaw(JSONB.valueOf(RawJson.encode(e.raw())));
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static OptionEaeRow toDomain(OptionEaeRecord r) {
        return new OptionEaeRow(
                new AccountId(r.getRowAccountId()),
                r.getEaeDate(),
                OptionEaeType.valueOf(r.getEaeType()),
                new InstrumentColumns(r.getInstrumentKind(), r.getInstrumentCategory(), r.getSymbol(), r.getUnderlying(),
                        r.getExpiry(), r.getPutCall(), r.getStrike(), r.getMultiplier()).toInstrument(),
                r.getCurrency(),
                r.getQuantity(),
                r.getTradePrice(),
                r.getTradeId(),
                RawJson.decode(r.getRaw().data()));
    }
}
