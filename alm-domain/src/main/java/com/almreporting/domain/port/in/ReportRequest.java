package com.almreporting.domain.port.in;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.report.ReportSettings;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A report over trading days {@code from}..{@code to} (inclusive). {@code account} may be null when the ledger
 * holds exactly one account. Immutable.
 */
public record ReportRequest(AccountId account, LocalDate from, LocalDate to, ReportSettings settings) {
    public ReportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(settings, "settings");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report range ends before it starts: " + from + ".." + to);
        }
    }

    public static ReportRequest of(LocalDate from, LocalDate to) {
        return new ReportRequest(null, from, to, ReportSettings.defaults());
    }
}
