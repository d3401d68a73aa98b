package com.almreporting.cli;

import com.almreporting.persistence.DatabaseConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the database is: options override the environment ({@code ALM_DB_URL}, {@code ALM_DATA_DIR}, {@code ALM_DB_PORT}). */
final class DatabaseOptions {

    @Option(names = "--data-dir", description = "Data directory of the embedded database (default: $ALM_DATA_DIR or ~/.local/share/alm).")
    Path dataDir;

    @Option(names = "--db-port", description = "Port of the embedded database on 127.0.0.1 (default: $ALM_DB_PORT or 54329).")
    Integer port;

    @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL instead of the embedded one (default: $ALM_DB_URL); "
            + "credentials from ALM_DB_USER / ALM_DB_PASSWORD.")
    String url;

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
