package com.almreporting.persistence;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Which database the ledger lives in. Without a JDBC URL it is the embedded PostgreSQL, whose data directory is
 * {@code <dataDirectory>/pgdata} and which listens on 127.0.0.1:{@code embeddedPort}; with one it is that
 * server. From the environment ({@link #fromEnvironment()}):
 *
 * <table>
 *   <caption>Environment</caption>
 *   <tr><td>{@code ALM_DB_URL}</td><td>a {@code jdbc:postgresql:} URL: use that server instead of the embedded one</td></tr>
 *   <tr><td>{@code ALM_DB_USER}, {@code ALM_DB_PASSWORD}</td><td>its credentials (optional; the password is never logged)</td></tr>
 *   <tr><td>{@code ALM_DATA_DIR}</td><td>data directory, default {@code ~/.local/share/alm}</td></tr>
 *   <tr><td>{@code ALM_DB_PORT}</td><td>port of the embedded server, default {@value #DEFAULT_EMBEDDED_PORT}</td></tr>
 * </table>
 *
 * <p>Immutable; {@link #toString()} masks the password and any password in the URL.
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, Path dataDirectory, int embeddedPort) {

    public static final int DEFAULT_EMBEDDED_PORT = 54329;

    public DatabaseConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (jdbcUrl != null && jdbcUrl.isBlank()) {
            jdbcUrl = null;
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("ALM_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), was "
                    + redact(jdbcUrl));
        }
        if (embeddedPort < 1 || embeddedPort > 65_535) {
            throw new IllegalArgumentException("embedded database port must be 1..65535, was " + embeddedPort);
        }
    }

    /** The embedded database in {@code dataDirectory} on {@code port}. */
    public static DatabaseConfig embedded(Path dataDirectory, int port) {
        return new DatabaseConfig(null, null, null, dataDirectory, port);
    }

    /** An external server; {@code user} and {@code password} may be null (then the URL or the driver decides). */
    public static DatabaseConfig external(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        return new DatabaseConfig(jdbcUrl, user, password, defaultDataDirectory(System.getProperty("user.home")),
                DEFAULT_EMBEDDED_PORT);
    }

    public static DatabaseConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static DatabaseConfig fromEnvironment(Map<String, String> env, String userHome) {
        String dataDir = blankToNull(env.get("ALM_DATA_DIR"));
        String port = blankToNull(env.get("ALM_DB_PORT"));
        int embeddedPort;
        try {
            embeddedPort = port == null ? DEFAULT_EMBEDDED_PORT : Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ALM_DB_PORT must be a port number, was '" + port + "'", e);
        }
        return new DatabaseConfig(blankToNull(env.get("ALM_DB_URL")), blankToNull(env.get("ALM_DB_USER")),
                env.get("ALM_DB_PASSWORD"),
                dataDir == null ? defaultDataDirectory(userHome) : Path.of(dataDir),
                embeddedPort);
    }

    private static Path defaultDataDirectory(String userHome) {
        return Path.of(userHome, ".local", "share", "alm");
    }

    public boolean isEmbedded() {
        return jdbcUrl == null;
    }

    /** The embedded server's data directory. */
    public Path embeddedDataDirectory() {
        return dataDirectory.resolve("pgdata");
    }

    /** Where the ledger is, for messages and logs: never the password. */
    public String describe() {
        if (isEmbedded()) {
            return "embedded PostgreSQL, data directory " + embeddedDataDirectory() + ", port " + embeddedPort;
        }
        return redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[jdbcUrl=" + (jdbcUrl == null ? null : redact(jdbcUrl)) + ", user=" + user
                + ", password=" + (password == null ? null : "****") + ", dataDirectory=" + dataDirectory
                + ", embeddedPort=" + embeddedPort + "]";
    }

    /** Masks a {@code password=} parameter and {@code user:password@} credentials in a URL. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^/:@]*:)[^/@]*@", "$1****@");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
