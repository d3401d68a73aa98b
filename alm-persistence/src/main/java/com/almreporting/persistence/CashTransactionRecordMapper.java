package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.TransactionId;
import com.almreporting.persistence.jooq.tables.records.CashTransactionsRecord;
import org.jooq.JSONB;

/** {@link CashTransactionRow} ⇄ {@code cash_transactions}, keyed by {@link CashTransactionRow#key()}. */
final class CashTransactionRecordMapper {

    private CashTransactionRecordMapper() {
    }

    static CashTransactionsRecord toRecord(CashTransactionRow c, Stamp stamp) {
        CashTransactionsRecord r = new CashTransactionsRecord();
        r.setAccountId(stamp.account().value());
        r.setRowKey(c.key());
        r.setTransactionId(c.transactionId() == null ? null : c.transactionId().value());
        r.setRowAccountId(c.account() == null ? null : c.account().value());
        r.setCashType(c.type());
        r.setCurrency(c.currency());
        r.setFxRateToBase(c.fxRateToBase());
        r.setAmount(c.amount());
        EventTimeColumns time = EventTimeColumns.of(c.time());
        r.setEventTimestamp(time.timestamp());
        r.setEventDate(time.date());
        r.setBusinessDate(EventTimeColumns.businessDate(c.reportDate(), c.time()));
        r.setReportDate(c.reportDate());
        r.setDescription(c.description());
        r.setSymbol(c.symbol());
        r.setLevelOfDetail(c.levelOfDetail());
        r.setRaw(JSONB.valueOf(RawJson.encode(c.raw())));
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static CashTransactionRow toDomain(CashTransactionsRecord r) {
        return new CashTransactionRow(
                r.getTransactionId() == null ? null : new TransactionId(r.getTransactionId()),
                r.getRowAccountId() == null ? null : new AccountId(r.getRowAccountId()),
                r.getCashType(),
                r.getCurrency(),
                r.getFxRateToBase(),
                r.getAmount(),
                new EventTimeColumns(r.getEventTimestamp(), r.getEventDate()).toEventTime(),
                r.getReportDate(),
                r.getDescription(),
                r.getSymbol(),
                r.getLevelOfDetail(),
                RawJson.decode(r.getRaw().data()));
    }
}
