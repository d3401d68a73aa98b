package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.CheckpointService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.flex.parser.FlexStatementParser;
import com.almreporting.persistence.PersistenceModule;
import com.almreporting.report.markdown.MarkdownRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code alm demo}: the main job on bundled data. Ingests the ground-truth statement (July 2025) into the demo's own
 * embedded PostgreSQL ({@code <data-dir>/demo}, so the sample account never joins real books) and prints the
 * narrative of July 17–18, 2025 read back from the database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Ingest the bundled ground-truth statement into the demo database (<data-dir>/demo) and print "
                + "its narrative for July 17-18, 2025.")
final class DemoCommand implements Callable<Integer> {

    static final String BUNDLED = "samples/ground-truth-2025-07.xml";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        StatementFile file;
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                err.println("alm demo: the bundled statement " + BUNDLED + " is missing from the jar");
                return ExitCode.INPUT_REJECTED;
            }
            file = new FlexStatementParser().parse(in, BUNDLED);
        } catch (StatementRejectedException e) {
            err.println("alm demo: statement rejected: " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        }
        String text;
        try (PersistenceModule db = DatabaseSession.open(database.demoConfig(), true)) {
            for (Statement statement : file.statements()) {
                IngestCounts counts = db.ledger().store(statement, StatementOrigin.of(BUNDLED));
                err.println("alm demo: " + db.config().describe() + ": " + counts.inserted() + " inserted, "
                        + counts.updated() + " updated, " + counts.unchanged() + " unchanged");
                new CheckpointService(db.ledger(), NyseCalendar.instance()).refresh(statement.account());
            }
            text = new MarkdownRenderer().render(new NarrativeReportService(db.ledger(), NyseCalendar.instance())
                    .report(new ReportRequest(null, LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18), ReportSettings.defaults())));
        } catch (DatabaseSession.Unavailable e) {
            err.println("alm demo: " + e.getMessage());
            return ExitCode.DATABASE;
        } catch (RuntimeException e) {
            err.println("alm demo: database error: " + DatabaseSession.rootMessage(e));
            return ExitCode.DATABASE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCode.OK;
    }
}
