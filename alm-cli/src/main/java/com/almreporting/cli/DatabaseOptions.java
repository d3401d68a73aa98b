package com.almreporting.cli;

import com.almreporting.persistence.DatabaseConfig;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the database is: options override the environment ({@code ALM_DB_URL}, {@code ALM_DATA_DIR}, {@code ALM_DB_PORT}). */
final class DatabaseOptions {

    /** A {@code password} URL parameter, or {@code user:password@} before the host. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)[?&;]password=|//[^/?#@]*:[^/?#@]*@");

    @Option(names = "--data-dir", description = "Data directory of the embedded database (default: $ALM_DATA_DIR or ~/.local/share/alm).")
    Path dataDir;

    @Option(names = "--db-port", description = "Port of the embedded database on 127.0.0.1 (default: $ALM_DB_PORT or 54329).")
    Integer port;

    String url;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** A command line is public (ps, /proc/PID/cmdline, shell history): it may name the server, never carry its password. */
    @Option(names = "--db-url", paramLabel = "URL",
            description = "JDBC URL of an external PostgreSQL instead of the embedded one (default: $ALM_DB_URL), without a "
                    + "password: credentials from ALM_DB_USER / ALM_DB_PASSWORD (or ~/.pgpass).")
    void url(String value) {
        if (value != null && PASSWORD_IN_URL.matcher(value).find()) {
            throw new ParameterException(command.commandLine(), "--db-url must not carry a password: a command line is"
                    + " visible to every user of this machine. Set ALM_DB_PASSWORD (with ALM_DB_USER), or give the whole URL"
                    + " in ALM_DB_URL, or use a pgpass file.");
        }
        url = value;
    }

    DatabaseConfig config() {
        DatabaseConfig env = DatabaseConfig.fromEnvironment();
        return new DatabaseConfig(url != null ? url : env.jdbcUrl(), env.user(), env.password(),
                dataDir != null ? dataDir : env.dataDirectory(), port != null ? port : env.embeddedPort());
    }

    /** The demo's own embedded database, beside the real one, so that the sample account never joins real books. */
    DatabaseConfig demoConfig() {
        DatabaseConfig base = config();
        return DatabaseConfig.embedded(base.dataDirectory().resolve("demo"), base.embeddedPort());
    }
}
