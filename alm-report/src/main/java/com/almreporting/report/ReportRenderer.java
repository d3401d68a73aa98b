package com.almreporting.report;

import com.almreporting.domain.report.NarrativeReport;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes a narrative report in one format. Implementations are stateless: immutable and thread-safe. */
public interface ReportRenderer {

    /** Writes the report to {@code out}. */
    void render(NarrativeReport report, Appendable out) throws IOException;

    /** The report as one string. */
    default String render(NarrativeReport report) {
        StringBuilder sb = new StringBuilder();
        try {
            render(report, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a StringBuilder
        }
        return sb.toString();
    }
}
