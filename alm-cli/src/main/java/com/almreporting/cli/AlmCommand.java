package com.almreporting.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alm}: the operator's entry point. Each subcommand is one job; exit codes per {@link ExitCode}. */
@Command(name = "alm",
        mixinStandardHelpOptions = true,
        versionProvider = AlmCommand.Version.class,
        description = "ALM Reporting: daily narrative NAV reports for an Interactive Brokers account, in Hong Kong time, "
                + "reconciled against the broker's official NAV.",
        exitCodeOnInvalidInput = ExitCode.USAGE,
        exitCodeOnExecutionException = ExitCode.INPUT_REJECTED,
        subcommands = {DemoCommand.class, ReplayCommand.class, IngestCommand.class, ReportCommand.class, DbCommand.class,
                UpdateCommand.class, LiveCommand.class, ServeCommand.class, FlexCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 usage, 2 input rejected, 3 broker/network unavailable, 4 database error."})
public final class AlmCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // jOOQ greets with a logo and a tip at INFO: not for an operator's journal.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.exit(execute(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI with the given streams; returns the exit code. Used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AlmCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("alm: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AlmCommand.class.getPackage().getImplementationVersion();
            return new String[] {"alm " + (v == null ? "development" : v)};
        }
    }
}
