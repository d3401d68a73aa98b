package com.almreporting.domain.port.in;

import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.report.NarrativeReport;

/** Use case: the narrative NAV report of an account over a range of trading days. */
public interface BuildNarrativeReport {

    /** Builds the report; fails with {@link IllegalArgumentException} for an unknown or ambiguous account. */
    NarrativeReport report(ReportRequest request);

    /** Builds the report with today's trading day told from a live gateway snapshot (null: none). */
    NarrativeReport report(ReportRequest request, LiveSnapshot snapshot);
}
