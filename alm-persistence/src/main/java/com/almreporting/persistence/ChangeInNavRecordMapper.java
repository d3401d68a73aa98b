package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.ChangeInNav;
import com.almreporting.persistence.jooq.tables.records.ChangeInNavRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;

/**
 * {@link ChangeInNav} ⇄ {@code change_in_nav}, keyed like the in-memory ledger ({@code fromDate..toDate}).
 * Components are written as JSON strings ({@link BigDecimal#toString()}) so that every scale survives.
 */
final class ChangeInNavRecordMapper {

    private ChangeInNavRecordMapper() {
    }

    static String key(ChangeInNav c) {
        return c.fromDate() + ".." + c.toDate();
    }

    static ChangeInNavRecord toRecord(ChangeInNav c, Stamp stamp) {
        ChangeInNavRecord r = new ChangeInNavRecord();
        r.setAccountId(stamp.account().value());
        r.setPeriodKey(key(c));
        r.setRowAccountId(c.account().value());
        r.setFromDate(c.fromDate());
        r.setToDate(c.toDate());
        r.setCurrency(c.currency());
        r.setStartingValue(c.startingValue());
        r.setEndingValue(c.endingValue());
        r.setTwr(c.twr());
        Map<String, String> components = new LinkedHashMap<>();
        c.components().forEach((k, v) -> components.put(k, v.toString()));
        r.setComponents(JSONB.valueOf(RawJson.encode(components)));
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static ChangeInNav toDomain(ChangeInNavRecord r) {
        Map<String, BigDecimal> components = new LinkedHashMap<>();
        RawJson.decode(r.getComponents().data()).forEach((k, v) -> components.put(k, new BigDecimal(v)));
        return new ChangeInNav(new AccountId(r.getRowAccountId()), r.getFromDate(), r.getToDate(), r.getCurrency(),
                r.getStartingValue(), r.getEndingValue(), r.getTwr(), components);
    }
}
