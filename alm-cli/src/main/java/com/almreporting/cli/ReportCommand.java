package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.persistence.PersistenceModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code alm report}: the narrative of a date range, from the database. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print the narrative report of a date range from the database.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Option(names = "--format", defaultValue = "md", description = "Output format: md (default), html or json.")
    String format;

    @Option(names = "--out", description = "Write the report to this file instead of standard output.")
    Path out;

    @Option(names = "--live", description = "Add today's trading day from IB Gateway: a live summary row and a current-day "
            + "section ending at the snapshot (gateway from IB_GATEWAY_* or the options below).")
    boolean live;

    @Mixin
    GatewayOptions gateway = new GatewayOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var renderer = Formats.renderer(format);
        if (renderer.isEmpty()) {
            err.println("alm report: unknown --format '" + format + "' (expected " + Formats.NAMES + ")");
            return ExitCode.USAGE;
        }
        LiveSnapshot snapshot = null;
        if (live) {
            try {
                snapshot = gateway.snapshot();
            } catch (LiveAccountUnavailableException e) {
                err.println("alm report: --live: IB Gateway unavailable (" + e.reason() + "): " + e.getMessage());
                return ExitCode.BROKER_UNAVAILABLE;
            }
        }
        String text;
        try (PersistenceModule db = DatabaseSession.open(database, true)) {
            AccountId account = report.account == null ? null : AccountId.of(report.account);
            NarrativeReport narrative = new NarrativeReportService(db.ledger(), NyseCalendar.instance())
                    .report(new ReportRequest(account, report.from, report.to, report.settings()), snapshot);
            text = renderer.get().render(narrative);
        } catch (DatabaseSession.Unavailable e) {
            err.println("alm report: " + e.getMessage());
            return ExitCode.DATABASE;
        } catch (IllegalArgumentException e) {
            err.println("alm report: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            err.println("alm report: database error: " + DatabaseSession.rootMessage(e));
            return ExitCode.DATABASE;
        }
        try {
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.print(text);
                stdout.flush();
            } else {
                Files.writeString(out, text, StandardCharsets.UTF_8);
            }
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("alm report: cannot write " + out + ": " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        }
    }
}
