package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.flex.parser.FlexStatementParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Option(names = "--format", defaultValue = "md", description = "Output format: md (default), html or json.")
    String format;

    @Option(names = "--out", description = "Write the report to this file instead of standard output.")
    Path out;

    @Option(names = "--live", description = "Add today's trading day from IB Gateway: a live summary row and a current-day "
            + "section ending at the snapshot (gateway from IB_GATEWAY_* or the options below).")
    boolean live;

    @Mixin
    GatewayOptions gateway = new GatewayOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Flex XML statement files, in any order.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var renderer = Formats.renderer(format);
        if (renderer.isEmpty()) {
            err.println("alm replay: unknown --format '" + format + "' (expected " + Formats.NAMES + ")");
            return ExitCode.USAGE;
        }
        LiveSnapshot snapshot = null;
        if (live) {
            try {
                snapshot = gateway.snapshot();
            } catch (LiveAccountUnavailableException e) {
                err.println("alm replay: --live: IB Gateway unavailable (" + e.reason() + "): " + e.getMessage());
                return ExitCode.BROKER_UNAVAILABLE;
            }
        }
        try {
            NarrativeReport narrative = replay(statements.parser(), files, report, snapshot);
            write(renderer.get().render(narrative));
            return ExitCode.OK;
        } catch (StatementRejectedException e) {
            err.println("alm replay: statement rejected: " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        } catch (IllegalArgumentException e) {
            err.println("alm replay: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("alm replay: cannot write " + out + ": " + e.getMessage());
            return ExitCode.INPUT_REJECTED;
        }
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

    private void write(String text) throws IOException {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }
}
