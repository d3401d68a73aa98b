package com.almreporting.domain.port.in;

import com.almreporting.domain.report.NarrativeReport;

/** Use case: the narrative NAV report of an account over a range of trading days. */
public interface BuildNarrativeReport {

    /** Builds the report; fails with {@link IllegalArgumentException} for an unknown or ambiguous account. */
    NarrativeReport report(ReportRequest request);
}
