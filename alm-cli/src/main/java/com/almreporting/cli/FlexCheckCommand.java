package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.flex.parser.MissingColumnPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alm flex check FILE}: parse and summarise a statement without storing anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse a Flex statement and summarise it per account, without storing anything.")
final class FlexCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StatementOptions statements = new StatementOptions();

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Parameters(index = "0", paramLabel = "FILE", description = "Flex XML statement file.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format.equalsIgnoreCase("json");
        if (!json && !format.equalsIgnoreCase("text")) {
            err.println("alm flex check: unknown --format '" + format + "' (expected text or json)");
            return ExitCode.USAGE;
        }
        StatementFile parsed;
        String derivedBecause = null;
        try {
            try {
                parsed = statements.parser().parse(file);
            } catch (StatementRejectedException strict) {
                // A check is a diagnosis: when the operator did not choose, retry a trimmed export leniently and say so.
                boolean chosen = spec.commandLine().getParseResult().hasMatchedOption("--missing-columns");
                if (chosen || statements.missingColumns == MissingColumnPolicy.DERIVE) {
                    throw strict;
                }
                statements.missingColumns = MissingColumnPolicy.DERIVE;
                parsed = statements.parser().parse(file);
                derivedBecause = strict.getMessage();
            }
        } catch (StatementRejectedException e) {
            err.println("alm flex check: statement rejected: " + e.getMessage());
            if (json) {
                out.println("{\"file\":" + Json.string(file) + ",\"error\":{\"message\":" + Json.string(e.reason())
                        + ",\"line\":" + (e.line() > 0 ? e.line() : "null")
                        + ",\"element\":" + Json.string(e.element().orElse(null))
                        + ",\"attribute\":" + Json.string(e.attribute().orElse(null)) + "}}");
            }
            return ExitCode.INPUT_REJECTED;
        }
        List<StatementSummary> summaries = new ArrayList<>();
        for (Statement s : parsed.statements()) {
            summaries.add(StatementSummary.of(s, NyseCalendar.instance()));
        }
        out.print(json ? json(parsed, summaries, derivedBecause) : text(parsed, summaries, derivedBecause));
        out.flush();
        return ExitCode.OK;
    }

    private String json(StatementFile parsed, List<StatementSummary> summaries, String derivedBecause) {
        String body = summaries.stream().map(s -> "{\"accountId\":" + Json.string(s.accountId())
                + ",\"baseCurrency\":" + Json.string(s.baseCurrency())
                + ",\"fromDate\":" + Json.string(s.fromDate())
                + ",\"toDate\":" + Json.string(s.toDate())
                + ",\"period\":" + Json.string(s.period())
                + ",\"whenGenerated\":" + Json.string(s.whenGenerated())
                + s.counts().entrySet().stream().map(e -> "," + Json.string(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining()) + "}")
                .collect(Collectors.joining(","));
        return "{\"file\":" + Json.string(file) + ",\"queryName\":" + Json.string(parsed.queryName())
                + ",\"missingColumnsDerived\":" + (derivedBecause != null)
                + (derivedBecause != null ? ",\"strictError\":" + Json.string(derivedBecause) : "")
                + ",\"statements\":[" + body + "]}\n";
    }

    private String text(StatementFile parsed, List<StatementSummary> summaries, String derivedBecause) {
        StringBuilder sb = new StringBuilder();
        if (derivedBecause != null) {
            sb.append("note: a trimmed export; ingest rejects it (").append(derivedBecause)
                    .append("). Checked with --missing-columns DERIVE: keys and proceeds derived.\n");
        }
        sb.append(file).append(": query ").append(parsed.queryName()).append(", ").append(summaries.size())
                .append(summaries.size() == 1 ? " statement" : " statements").append('\n');
        for (StatementSummary s : summaries) {
            sb.append("  account ").append(s.accountId()).append(", base ").append(s.baseCurrency() == null ? "unknown" : s.baseCurrency())
                    .append(", ").append(s.fromDate()).append(" .. ").append(s.toDate());
            if (s.period() != null && !s.period().isBlank()) {
                sb.append(" (").append(s.period()).append(')');
            }
            sb.append('\n');
            for (Map.Entry<String, Integer> e : s.counts().entrySet()) {
                sb.append(String.format("    %-17s %d%n", e.getKey(), e.getValue()));
            }
        }
        return sb.toString();
    }
}
