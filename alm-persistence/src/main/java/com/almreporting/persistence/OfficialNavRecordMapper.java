package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.persistence.jooq.tables.records.NavSnapshotsRecord;

/** {@link OfficialNav} ⇄ {@code nav_snapshots}, keyed by report date. */
final class OfficialNavRecordMapper {

    private OfficialNavRecordMapper() {
    }

    static NavSnapshotsRecord toRecord(OfficialNav n, Stamp stamp) {
        NavSnapshotsRecord r = new NavSnapshotsRecord();
        r.setAccountId(stamp.account().value());
        r.setReportDate(n.reportDate());
        r.setRowAccountId(n.account().value());
        r.setCurrency(n.currency());
        r.setTotal(n.total());
        r.setStatementId(stamp.statementId());
        r.setWhenGenerated(stamp.whenGenerated());
        return r;
    }

    static OfficialNav toDomain(NavSnapshotsRecord r) {
        return new OfficialNav(new AccountId(r.getRowAccountId()), r.getReportDate(), r.getCurrency(), r.getTotal());
    }
}
