package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.report.ReportRenderer;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.persistence.PersistenceModule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code alm report}: the narrative of a date range, from the database. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print the narrative report of a date range from the database.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    ReportOptions report = new ReportOptions();

    @Mixin
    ReportOutput output = new ReportOutput();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportRenderer renderer;
        LiveSnapshot snapshot;
        try {
            renderer = output.renderer("alm report", err);
            snapshot = output.snapshot("alm report", err);
        } catch (ReportOutput.Stop stop) {
            return stop.exitCode;
        }
        String text;
        try (PersistenceModule db = DatabaseSession.open(database, true)) {
            AccountId account = report.account == null ? null : AccountId.of(report.account);
            NarrativeReport narrative = new NarrativeReportService(db.ledger(), NyseCalendar.instance())
                    .report(new ReportRequest(account, report.from, report.to, report.settings()), snapshot);
            text = renderer.render(narrative);
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
        return output.write("alm report", text, spec.commandLine().getOut(), err);
    }
}
