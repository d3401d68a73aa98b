package com.almreporting.cli;

import com.almreporting.persistence.DatabaseStatus;
import com.almreporting.persistence.MigrationStatus;
import com.almreporting.persistence.PersistenceModule;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
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

    /** {@code alm db status}: migrations, row counts, last ingestion run. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show migrations, row counts and the last ingestion run.")
    static final class Status implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PersistenceModule db = DatabaseSession.open(database, false)) {
                DatabaseStatus status = db.status();
                out.println("database: " + status.location() + " (PostgreSQL " + status.serverVersion() + ")");
                out.println("schema: " + (status.isCurrent() ? "current" : "migrations pending (run 'alm db migrate')"));
                for (MigrationStatus m : status.migrations()) {
                    out.println("  V" + m.version() + " " + m.description() + ": " + m.state()
                            + (m.installedOn() == null ? "" : " " + m.installedOn()));
                }
                out.println("rows:");
                for (Map.Entry<String, Long> e : status.rowCounts().entrySet()) {
                    out.printf("  %-22s %d%n", e.getKey(), e.getValue());
                }
                out.println("last statement: " + status.lastRun().map(r -> r.toString()).orElse("none"));
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
    }
}
