package com.almreporting.cli;

import com.almreporting.domain.report.PremiumPolicy;
import com.almreporting.domain.report.ReportSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** Options shared by the commands that build a report. */
final class ReportOptions {

    @Option(names = "--from", required = true, description = "First trading day (yyyy-MM-dd).")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last trading day (yyyy-MM-dd).")
    LocalDate to;

    @Option(names = "--zone", defaultValue = "Asia/Hong_Kong", description = "Observer's time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--policy", defaultValue = "zero-dte-premium",
            description = "Premium policy: zero-dte-premium (default) or realized-only.")
    String policy;

    @Option(names = "--group-minutes", defaultValue = "5",
            description = "Largest gap in minutes between executions of one block (default: ${DEFAULT-VALUE}).")
    long groupMinutes;

    @Option(names = "--account", description = "Account id, when the data holds several accounts.")
    String account;

    ReportSettings settings() {
        if (groupMinutes < 0) {
            throw new IllegalArgumentException("--group-minutes must not be negative, was " + groupMinutes);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        return ReportSettings.defaults().withObserverZone(zone).withPolicy(PremiumPolicy.parse(policy))
                .withBlockGap(Duration.ofMinutes(groupMinutes));
    }
}
