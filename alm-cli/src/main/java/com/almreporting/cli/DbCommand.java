package com.almreporting.cli;

import com.almreporting.persistence.DatabaseStatus;
import com.almreporting.persistence.MigrationStatus;
import com.almreporting.persistence.PersistenceModule;
import com.almreporting.persistence.StatementRun;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alm db migrate|status}. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Status.class})
final class DbCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code alm db migrate}: apply pending Flyway migrations. */
    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending schema migrations.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Override
        public Integer call() {
            try (PersistenceModule db = DatabaseSession.open(database, false)) {
                int applied = db.migrate();
                spec.commandLine().getOut().println(db.config().describe() + ": " + applied + " migration(s) applied");
                return ExitCode.OK;
            } catch (DatabaseSession.Unavailable e) {
                spec.commandLine().getErr().println("alm db migrate: " + e.getMessage());
                return ExitCode.DATABASE;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("alm db migrate: " + DatabaseSession.rootMessage(e));
                return ExitCode.DATABASE;
            }
        }
    }

    /** {@code alm db status}: migrations, row counts, runs by status, last ingestion run; text or JSON. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show migrations, row counts, ingestion runs by status and the last run. Runs whose process"
                    + " died before committing are marked failed (interrupted) first.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Option(names = "--format", defaultValue = "text", description = "text (default) or json.")
        String format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean json = format.equalsIgnoreCase("json");
            if (!json && !format.equalsIgnoreCase("text")) {
                spec.commandLine().getErr().println("alm db status: unknown --format '" + format + "' (expected text or json)");
                return ExitCode.USAGE;
            }
            try (PersistenceModule db = DatabaseSession.open(database, false)) {
                DatabaseStatus status = db.status();
                out.print(json ? json(status) : text(status));
                out.flush();
                return ExitCode.OK;
            } catch (DatabaseSession.Unavailable e) {
                spec.commandLine().getErr().println("alm db status: " + e.getMessage());
                return ExitCode.DATABASE;
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("alm db status: " + DatabaseSession.rootMessage(e));
                return ExitCode.DATABASE;
            }
        }

        static String text(DatabaseStatus status) {
            StringBuilder sb = new StringBuilder();
            sb.append("database: ").append(status.location()).append(" (PostgreSQL ").append(status.serverVersion()).append(")\n");
            sb.append("schema: ").append(status.isCurrent() ? "current" : "migrations pending (run 'alm db migrate')").append('\n');
            for (MigrationStatus m : status.migrations()) {
                sb.append("  V").append(m.version()).append(' ').append(m.description()).append(": ").append(m.state())
                        .append(m.installedOn() == null ? "" : " " + m.installedOn()).append('\n');
            }
            sb.append("rows:\n");
            for (Map.Entry<String, Long> e : status.rowCounts().entrySet()) {
                sb.append(String.format("  %-22s %d%n", e.getKey(), e.getValue()));
            }
            if (!status.runsByStatus().isEmpty()) {
                sb.append("runs: ").append(status.runsByStatus().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
                if (status.interruptedNow() > 0) {
                    sb.append(" (").append(status.interruptedNow()).append(status.interruptedNow() == 1 ? " run" : " runs")
                            .append(" whose process died before committing marked failed just now)");
                }
                sb.append('\n');
            }
            sb.append("last statement: ").append(status.lastRun().map(Status::line).orElse("none")).append('\n');
            return sb.toString();
        }

        static String json(DatabaseStatus status) {
            String migrations = status.migrations().stream()
                    .map(m -> "{\"version\":" + Json.string(m.version()) + ",\"description\":" + Json.string(m.description())
                            + ",\"state\":" + Json.string(m.state()) + ",\"installedOn\":" + Json.string(m.installedOn()) + "}")
                    .collect(Collectors.joining(","));
            return "{\"database\":" + Json.string(status.location())
                    + ",\"serverVersion\":" + Json.string(status.serverVersion())
                    + ",\"schemaCurrent\":" + status.isCurrent()
                    + ",\"migrations\":[" + migrations + "]"
                    + ",\"rows\":" + counts(status.rowCounts())
                    + ",\"runs\":" + counts(status.runsByStatus())
                    + ",\"interruptedNow\":" + status.interruptedNow()
                    + ",\"lastRun\":" + status.lastRun().map(Status::run).orElse("null") + "}\n";
        }

        private static String counts(Map<String, Long> counts) {
            return counts.entrySet().stream().map(e -> Json.string(e.getKey()) + ":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }

        /** One run in a line, the account masked as in the logs: "#7 file.xml (sha256 …), account U***4321 2025-07-01..2025-07-18: committed, 22 inserted, …". */
        private static String line(StatementRun r) {
            return "#" + r.id() + " " + r.fileName() + (r.sha256() == null ? "" : " (sha256 " + r.sha256() + ")") + ", account " + r.account().masked() + " " + r.fromDate() + ".."
                    + r.toDate() + ": " + r.status() + ", " + r.counts().inserted() + " inserted, " + r.counts().updated()
                    + " updated, " + r.counts().unchanged() + " unchanged, " + r.counts().keptNewer() + " kept (newer"
                    + " stored); started " + r.startedAt() + (r.finishedAt() == null ? "" : ", finished " + r.finishedAt())
                    + r.errorMessage().map(e -> "; error: " + e).orElse("");
        }

        private static String run(StatementRun r) {
            return "{\"id\":" + r.id() + ",\"fileName\":" + Json.string(r.fileName()) + ",\"sha256\":" + Json.string(r.sha256())
                    + ",\"account\":" + Json.string(r.account().masked()) + ",\"period\":" + Json.string(r.period())
                    + ",\"fromDate\":" + Json.string(r.fromDate()) + ",\"toDate\":" + Json.string(r.toDate())
                    + ",\"whenGenerated\":" + Json.string(r.whenGenerated()) + ",\"rows\":" + r.rows()
                    + ",\"inserted\":" + r.counts().inserted() + ",\"updated\":" + r.counts().updated()
                    + ",\"unchanged\":" + r.counts().unchanged() + ",\"keptNewer\":" + r.counts().keptNewer()
                    + ",\"status\":" + Json.string(r.status()) + ",\"error\":" + Json.string(r.error())
                    + ",\"startedAt\":" + Json.string(r.startedAt()) + ",\"finishedAt\":" + Json.string(r.finishedAt()) + "}";
        }
    }
}
