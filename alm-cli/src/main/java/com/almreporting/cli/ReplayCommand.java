package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.report.ReportRenderer;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.flex.parser.FlexStatementParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code alm replay}: the report built in memory from Flex files, no database. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Print the narrative report built in memory from Flex statement files (no database).")
final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ReportOptions report = new ReportOptions();

    @Mixin
    StatementOptions statements = new StatementOptions();

    @Mixin
    ReportOutput output = new ReportOutput();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flex XML statement files, in any order.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportRenderer renderer;
        LiveSnapshot snapshot;
        try {
            renderer = output.renderer("alm replay", err);
            snapshot = output.snapshot("alm replay", err);
        } catch (ReportOutput.Stop stop) {
            return stop.exitCode;
        }
        String text;
        try {
            text = renderer.render(replay(statements.parser(), files, report, snapshot));
        } catch (StatementRejectedException e) {
            err.println("alm replay: statement rejected: " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        } catch (IllegalArgumentException e) {
            err.println("alm replay: " + e.getMessage());
            return ExitCode.USAGE;
        }
        return output.write("alm replay", text, spec.commandLine().getOut(), err);
    }

    static NarrativeReport replay(FlexStatementParser parser, List<Path> files, ReportOptions options, LiveSnapshot snapshot)
            throws StatementRejectedException {
        InMemoryLedger ledger = new InMemoryLedger();
        IngestStatementService ingest = new IngestStatementService(ledger);
        for (Path file : files) {
            StatementFile parsed = parser.parse(file);
            ingest.ingest(parsed, StatementOrigin.of(file.getFileName().toString()));
        }
        AccountId account = options.account == null ? null : AccountId.of(options.account);
        return new NarrativeReportService(ledger, NyseCalendar.instance())
                .report(new ReportRequest(account, options.from, options.to, options.settings()), snapshot);
    }
}
