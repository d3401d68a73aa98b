package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.error;
import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import com.almreporting.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Neither the Flex token nor the database password appears anywhere alm writes or shows, whether the run succeeds or
 * fails. Each test runs the CLI as the systemd unit does: a child process whose secrets come from its environment,
 * here with {@code ALM_LOG_LEVEL=DEBUG}, against a loopback Flex Web Service and a PostgreSQL server that checks
 * passwords (an embedded server this class owns, with a role whose password {@code pg_hba.conf} requires; always
 * embedded, as the test must set up the authentication). After each run, neither secret (nor a wrong password tried)
 * is in its standard output or error (the log), on its command line or its children's while it runs, in any file of
 * its data directory (archive, lock file) or working directory, or in any row of the ledger.
 */
class SecretsIT {

    private static final String TOKEN = UpdateFixtures.TOKEN;
    private static final String PASSWORD = "pw-3f9a61c0d8e2b47f";
    private static final String WRONG_PASSWORD = "pw-wrong-5e07c2a9b1d4";
    private static final String ROLE = "alm_app";
    private static final String DATABASE = "alm_secrets";

    @TempDir
    static Path serverDir;

    private static EmbeddedDatabase server;
    private static String dbUrl;

    @TempDir
    Path dataDir;

    @TempDir
    Path workDir;

    @BeforeAll
    static void serverThatChecksPasswords() throws Exception {
        server = EmbeddedDatabase.start(serverDir.resolve("pgdata"), freePort());
        DataSource superuser = server.dataSource();
        String hbaFile;
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            try (ResultSet r = s.executeQuery("SHOW hba_file")) {
                r.next();
                hbaFile = r.getString(1);
            }
            Path hba = Path.of(hbaFile);
            Files.writeString(hba, "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
            s.execute("SELECT pg_reload_conf()");
        }
        dbUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + DATABASE;
        // Else the test proves nothing: the server must refuse a wrong password.
        assertThatThrownBy(() -> connect(WRONG_PASSWORD).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        connect(PASSWORD).close();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDailyRunStoresTheStatementAndLeavesNoSecretBehind() throws Exception {
        Child run;
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(FakeFlexServer.inProgress(), Reply.xml(UpdateFixtures.groundTruth()));
            run = update(ibkr.baseUrl().toString(), PASSWORD);
            assertThat(ibkr.requests("SendRequest")).extracting(FakeFlexServer.Request::parameters)
                    .allSatisfy(p -> assertThat(p).containsEntry("t", TOKEN));
        }

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("22 inserted");
        assertThat(run.err()).contains("DEBUG").contains("1019");
        assertThat(dataDir.resolve(UpdateFixtures.ARCHIVED)).exists();
        assertNoSecretIn(run);

        Child status = alm(environment(PASSWORD), "db", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("chronological_events");
        assertNoSecretIn(status);
    }

    @Test
    void aTokenIbkrRefusesIsNotRepeated() throws Exception {
        Child run;
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(error(1015, "Token is invalid."));
            run = update(ibkr.baseUrl().toString(), PASSWORD);
        }
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BROKER_UNAVAILABLE);
        assertThat(run.err()).contains("1015");
        assertNoSecretIn(run);
    }

    @Test
    void aConnectionIbkrDropsIsReportedWithoutTheToken() throws Exception {
        Child run;
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(Reply.dropped());
            run = update(ibkr.baseUrl().toString(), PASSWORD);
        }
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BROKER_UNAVAILABLE);
        assertNoSecretIn(run);
    }

    @Test
    void anUnreachableIbkrIsReportedWithoutTheToken() throws Exception {
        Child run = update("http://127.0.0.1:" + freePort() + FakeFlexServer.ROOT, PASSWORD);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BROKER_UNAVAILABLE);
        assertNoSecretIn(run);
    }

    @Test
    void aWrongDatabasePasswordIsReportedWithoutEitherPassword() throws Exception {
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            Child run = update(ibkr.baseUrl().toString(), WRONG_PASSWORD);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DATABASE);
            assertThat(run.err()).contains("password authentication failed");
            assertThat(ibkr.requests()).as("nothing fetched without a database").isEmpty();
            assertNoSecretIn(run);
        }
        Child status = alm(environment(WRONG_PASSWORD), "db", "status");
        assertThat(status.exitCode()).isEqualTo(ExitCode.DATABASE);
        assertNoSecretIn(status);
    }

    @Test
    void anUnreachableDatabaseWhosePasswordIsInItsUrlIsReportedWithoutIt() throws Exception {
        Map<String, String> env = environment(null);
        env.put("ALM_DB_URL", "jdbc:postgresql://127.0.0.1:" + freePort() + "/" + DATABASE + "?user=" + ROLE
                + "&password=" + PASSWORD + "&connectTimeout=5");
        Child run = alm(env, "db", "status");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.DATABASE);
        assertThat(run.err()).contains("password=****");
        assertNoSecretIn(run);
    }

    @Test
    void thePasswordMayComeFromAPgpassFile() throws Exception {
        Path pgpass = workDir.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":" + DATABASE + ":" + ROLE + ":" + PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = environment(null);
        env.put("PGPASSFILE", pgpass.toString());
        Child run = alm(env, "db", "migrate");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("migration(s) applied").doesNotContain(PASSWORD);
        assertThat(run.err()).doesNotContain(PASSWORD);
    }

    // --- helpers

    /** What a child printed, and every command line seen of it and its descendants while it ran. */
    private record Child(int exitCode, String out, String err, Set<String> commandLines) {
    }

    private Child update(String flexBaseUrl, String dbPassword) throws Exception {
        Map<String, String> env = environment(dbPassword);
        env.put("IBKR_FLEX_TOKEN", TOKEN);
        env.put("IBKR_FLEX_QUERY_ID", UpdateFixtures.QUERY);
        env.put("ALM_FLEX_BASE_URL", flexBaseUrl);
        env.put("ALM_FLEX_FIRST_WAIT", "0.01");
        env.put("ALM_FLEX_POLL_INTERVAL", "0.01");
        env.put("ALM_FLEX_DEADLINE", "3");
        env.put("ALM_FLEX_REQUEST_TIMEOUT", "2");
        env.put("ALM_FLEX_PREVIOUS_MONTH_DAYS", "0");
        return alm(env, "update", "--request-gap", "0", "--retry-wait", "0.05");
    }

    /** The unit's environment: the data directory, DEBUG logs, the database and its credentials. */
    private Map<String, String> environment(String dbPassword) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ALM_DATA_DIR", dataDir.toString());
        env.put("ALM_LOG_LEVEL", "DEBUG");
        env.put("ALM_DB_URL", dbUrl);
        env.put("ALM_DB_USER", ROLE);
        if (dbPassword != null) {
            env.put("ALM_DB_PASSWORD", dbPassword);
        }
        return env;
    }

    private Child alm(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AlmCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(serverDir, "child", ".out");
        Path err = Files.createTempFile(serverDir, "child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ALM_") || k.startsWith("IBKR_") || k.startsWith("PG")
                || k.startsWith("IB_GATEWAY_"));
        builder.environment().putAll(env);
        Process child = builder.start();
        Set<String> commandLines = new LinkedHashSet<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!child.waitFor(20, TimeUnit.MILLISECONDS)) {
                commandLines.add(commandLine(child.toHandle()));
                child.descendants().forEach(d -> commandLines.add(commandLine(d)));
                assertThat(System.nanoTime()).as("the child ends within 180 s").isLessThan(deadline);
            }
        } finally {
            child.destroyForcibly();
        }
        assertThat(commandLines).as("command lines seen").isNotEmpty();
        return new Child(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), commandLines);
    }

    /** The command line as other users see it ({@code /proc/PID/cmdline}, NULs as spaces), or as the JDK reports it. */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return process.info().commandLine().orElse("");
    }

    private void assertNoSecretIn(Child run) throws Exception {
        List<String> secrets = List.of(TOKEN, PASSWORD, WRONG_PASSWORD);
        for (String secret : secrets) {
            assertThat(run.out()).as("stdout").doesNotContain(secret);
            assertThat(run.err()).as("stderr (the log)").doesNotContain(secret);
            assertThat(run.commandLines()).as("command lines").noneMatch(l -> l.contains(secret));
        }
        for (Path dir : List.of(dataDir, workDir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (file.getFileName().toString().equals("pgpass")) {
                        continue; // the test's own
                    }
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    secrets.forEach(secret -> assertThat(content).as("%s", file).doesNotContain(secret));
                }
            }
        }
        PGSimpleDataSource ledger = new PGSimpleDataSource();
        ledger.setURL(dbUrl);
        ledger.setUser(ROLE);
        ledger.setPassword(PASSWORD);
        for (Map.Entry<String, List<String>> table : TestServer.dump(ledger).entrySet()) {
            secrets.forEach(secret -> assertThat(table.getValue()).as(table.getKey()).noneMatch(row -> row.contains(secret)));
        }
    }

    private static Connection connect(String password) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(dbUrl);
        ds.setUser(ROLE);
        ds.setPassword(password);
        return ds.getConnection();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
