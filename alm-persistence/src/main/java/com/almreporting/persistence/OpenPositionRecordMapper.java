package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OpenPositionRow;
import com.almreporting.persistence.jooq.tables.records.OpenPositionsRecord;
import org.jooq.JSONB;

/** {@link OpenPositionRow} ⇄ {@code open_positions}, keyed like the in-memory ledger ({@code reportDate|symbol}). */
final class OpenPositionRecordMapper {

    private OpenPositionRecordMapper() {
    }

    static String key(OpenPositionRow p) {
        return p.reportDate() + "|" + p.instrument().symbol();
    }

    static OpenPositionsRecord toRecord(OpenPositionRow p, Stamp stamp) {
        OpenPositionsRecord r = new OpenPositionsRecord();
        r.setAccountId(stamp.account().value());
        r.setPositionKey(key(p));
        r.setRowAccountId(p.account().value());
        r.setReportDate(p.reportDate());
        InstrumentColumns i = InstrumentColumns.of(p.instrument());
        r.setInstrumentKind(i.kind());
        r.setInstrumentCategory(i.category());
        r.setSymbol(i.symbol());
        r.setUnderlying(i.underlying());
        r.setExpiry(i.expiry());
        r.setPutCall(i.putCall());
        r.setStrike(i.strike());
        r.setMultiplier(i.multiplier());
        r.setCurrency(p.currency());
        r.setFxRateToBase(p.fxRateToBase());
        r.setQuantity(p.position());
        r.setMarkPrice(p.markPrice());
        r.setPositionValue(p.positionValue());
        r.setCostBasisMoney(p.costBasisMoney());
        r.setFifoPnlUnrealized(p.fifoPnlUnrealized());
        r.setLevelOfDetail(p.levelOfDetail());
        r.setRaw(JSONB.valueOf(RawJson.encode(p.raw())));
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static OpenPositionRow toDomain(OpenPositionsRecord r) {
        return new OpenPositionRow(
                new AccountId(r.getRowAccountId()),
                r.getReportDate(),
                new InstrumentColumns(r.getInstrumentKind(), r.getInstrumentCategory(), r.getSymbol(), r.getUnderlying(),
                        r.getExpiry(), r.getPutCall(), r.getStrike(), r.getMultiplier()).toInstrument(),
                r.getCurrency(),
                r.getFxRateToBase(),
                r.getQuantity(),
                r.getMarkPrice(),
                r.getPositionValue(),
                r.getCostBasisMoney(),
                r.getFifoPnlUnrealized(),
                r.getLevelOfDetail(),
                RawJson.decode(r.getRaw().data()));
    }
}
