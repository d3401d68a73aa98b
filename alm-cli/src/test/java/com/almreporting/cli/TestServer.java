package com.almreporting.cli;

import com.almreporting.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server an IT class owns, with fresh databases that the CLI reaches through {@code --db-url} while the
 * test looks at their tables: the server {@code ALM_TEST_DB_URL} names (with {@code ALM_TEST_DB_USER} and
 * {@code ALM_TEST_DB_PASSWORD}), or an embedded one started in a directory of the test's. A URL given to the CLI never
 * carries a password (the CLI refuses one on its command line); the server's password (the embedded one always has
 * one) reaches the driver through a pgpass file named by the {@code org.postgresql.pgpassfile} system property.
 */
final class TestServer implements AutoCloseable {

    private EmbeddedDatabase embedded;
    private final PGSimpleDataSource server;

    private TestServer(EmbeddedDatabase embedded, PGSimpleDataSource server) {
        this.embedded = embedded;
        this.server = server;
    }

    /** One database of this server: its name, the URL for {@code --db-url}, and a data source for the test. */
    record Database(String name, String url, PGSimpleDataSource dataSource) {
    }

    /** ALM_TEST_DB_URL's server, else an embedded one with its data directory in {@code dir}. */
    static TestServer start(Path dir) throws IOException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        String url = System.getenv("ALM_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            server.setURL(url);
            String user = System.getenv("ALM_TEST_DB_USER");
            if (user != null && !user.isBlank()) {
                server.setUser(user);
            }
            String password = System.getenv("ALM_TEST_DB_PASSWORD");
            if (password != null && !password.isEmpty()) {
                server.setPassword(password);
            }
            if (server.getPassword() != null) {
                pgpass(server);
            }
            return new TestServer(null, server);
        }
        return startEmbedded(dir);
    }

    /** An embedded server with its data directory in {@code dir}, whatever ALM_TEST_DB_URL says: one a test may stop. */
    static TestServer startEmbedded(Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(dir.resolve("pgdata"), port);
        PGSimpleDataSource superuser = (PGSimpleDataSource) embedded.dataSource();
        pgpass(superuser);
        return new TestServer(embedded, superuser);
    }

    private static Path pgpassFile;

    /**
     * Gives the driver the server's password for the CLI run in this JVM: a line for its host and port in one pgpass
     * file (0600) that the {@code org.postgresql.pgpassfile} system property names, shared by every server of the JVM.
     */
    static synchronized void pgpass(PGSimpleDataSource server) throws IOException {
        if (pgpassFile == null) {
            pgpassFile = Files.createTempFile("alm-test-", ".pgpass",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            pgpassFile.toFile().deleteOnExit();
            System.setProperty("org.postgresql.pgpassfile", pgpassFile.toString());
        }
        int port = server.getPortNumbers()[0] == 0 ? 5432 : server.getPortNumbers()[0];
        String user = server.getUser() == null ? System.getProperty("user.name") : server.getUser();
        Files.writeString(pgpassFile, escape(server.getServerNames()[0]) + ":" + port + ":*:" + escape(user) + ":"
                + escape(server.getPassword()) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** A new, empty database. */
    Database create(String prefix) throws SQLException {
        return create(prefix, null);
    }

    /** A new database that starts as a copy of {@code template} (which nobody may be connected to), or empty. */
    Database create(String prefix, Database template) throws SQLException {
        String name = prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template.name()));
        }
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setServerNames(server.getServerNames());
        db.setPortNumbers(server.getPortNumbers());
        db.setDatabaseName(name);
        db.setUser(server.getUser());
        db.setPassword(server.getPassword());
        int port = server.getPortNumbers()[0] == 0 ? 5432 : server.getPortNumbers()[0];
        String url = "jdbc:postgresql://" + server.getServerNames()[0] + ":" + port + "/" + name
                + (server.getUser() == null ? "" : "?user=" + URLEncoder.encode(server.getUser(), StandardCharsets.UTF_8));
        return new Database(name, url, db);
    }

    void drop(Database database) throws SQLException {
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
        }
    }

    /** The superuser's (or ALM_TEST_DB_USER's) connection to the server's maintenance database. */
    PGSimpleDataSource server() {
        return server;
    }

    /** Stops the embedded server as an operator or a crash would, mid-work: a fast shutdown, open transactions lost. */
    void stop() {
        embedded.close();
    }

    /** Starts the stopped embedded server again, on the same data directory and port. */
    void restart() {
        embedded = EmbeddedDatabase.start(embedded.dataDirectory(), embedded.port());
    }

    /** The embedded server, when this is not ALM_TEST_DB_URL's. */
    java.util.Optional<EmbeddedDatabase> embedded() {
        return java.util.Optional.ofNullable(embedded);
    }

    /**
     * Every row of every table of the {@code alm_reporting} schema (the migrations' history included), as text, sorted:
     * two dumps are equal when a command changed nothing. Empty when the schema does not exist yet.
     */
    static Map<String, List<String>> dump(PGSimpleDataSource db) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'alm_reporting' AND table_type = 'BASE TABLE'")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery("SELECT t::text FROM alm_reporting.\"" + table + "\" t ORDER BY 1")) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
