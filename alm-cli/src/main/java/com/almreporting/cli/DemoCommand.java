package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.flex.parser.FlexStatementParser;
import com.almreporting.report.markdown.MarkdownRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alm demo}: the report of the bundled ground-truth statement (July 17–18, 2025). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Read the bundled ground-truth Flex statement (July 2025) and print its narrative for July 17-18, 2025.")
final class DemoCommand implements Callable<Integer> {

    static final String BUNDLED = "samples/ground-truth-2025-07.xml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        InMemoryLedger ledger = new InMemoryLedger();
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                err.println("alm demo: the bundled statement " + BUNDLED + " is missing from the jar");
                return ExitCode.INPUT_REJECTED;
            }
            new IngestStatementService(ledger).ingest(new FlexStatementParser().parse(in, BUNDLED), StatementOrigin.of(BUNDLED));
        } catch (StatementRejectedException e) {
            err.println("alm demo: statement rejected: " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        }
        var report = new NarrativeReportService(ledger, NyseCalendar.instance()).report(new ReportRequest(null,
                LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18), ReportSettings.defaults()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(new MarkdownRenderer().render(report));
        out.flush();
        return ExitCode.OK;
    }
}
