package com.almreporting.persistence;

import static com.almreporting.persistence.jooq.Tables.STATEMENTS;

import com.almreporting.persistence.jooq.AlmReporting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A freshly migrated database for one IT class: a new database on the server named by {@code ALM_TEST_DB_URL}
 * (with {@code ALM_TEST_DB_USER}/{@code ALM_TEST_DB_PASSWORD} when set), or else on one embedded PostgreSQL
 * shared by the whole test JVM (started once, in {@code target/}, on a free port). Dropped on close.
 */
final class TestDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static EmbeddedDatabase embedded;

    private final PGSimpleDataSource server;
    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(PGSimpleDataSource server, String name, PGSimpleDataSource dataSource) {
        this.server = server;
        this.name = name;
        this.dataSource = dataSource;
    }

    static TestDatabase create() {
        PGSimpleDataSource server = server();
        String name = "alm_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        DSL.using(server, SQLDialect.POSTGRES).createDatabase(name).execute();
        PGSimpleDataSource ds = copy(server);
        ds.setDatabaseName(name);
        Migrations.migrate(ds);
        return new TestDatabase(server, name, ds);
    }

    /** True when the ITs run against ALM_TEST_DB_URL rather than the embedded server. */
    static boolean external() {
        String url = System.getenv("ALM_TEST_DB_URL");
        return url != null && !url.isBlank();
    }

    private static PGSimpleDataSource server() {
        if (external()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(System.getenv("ALM_TEST_DB_URL"));
            String user = System.getenv("ALM_TEST_DB_USER");
            if (user != null && !user.isBlank()) {
                ds.setUser(user);
            }
            String password = System.getenv("ALM_TEST_DB_PASSWORD");
            if (password != null) {
                ds.setPassword(password);
            }
            return ds;
        }
        return (PGSimpleDataSource) sharedEmbedded().dataSource();
    }

    static synchronized EmbeddedDatabase sharedEmbedded() {
        if (embedded == null) {
            Path dir = Path.of("target", "it-postgres", "shared-" + ProcessHandle.current().pid()).toAbsolutePath();
            embedded = EmbeddedDatabase.start(dir, freePort());
            EmbeddedDatabase started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dir);
                deleteRecursively(EmbeddedDatabase.ownerLockFile(dir));
            }, "test-postgres-stop"));
            LOG.info("Shared test PostgreSQL on port {} in {}", started.port(), dir);
        }
        return embedded;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: a data directory left behind is only disk space under target/. */
    static void deleteRecursively(Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    private static PGSimpleDataSource copy(PGSimpleDataSource from) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(from.getURL());
        ds.setUser(from.getUser());
        ds.setPassword(from.getPassword());
        return ds;
    }

    DataSource dataSource() {
        return dataSource;
    }

    DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** Empties every ledger table (the schema and its migrations stay). */
    void truncate() {
        dsl().truncate(AlmReporting.ALM_REPORTING.getTables()).restartIdentity().cascade().execute();
    }

    /**
     * Every ledger table's rows as text, sorted: what two ingests must agree on. The run history
     * ({@code statements}) is left out, and the run a row names is shown by its file name, since run ids and
     * times differ from one ingest to another even when the ledger ends the same.
     */
    Map<String, List<String>> dump() {
        DSLContext ctx = dsl();
        Map<Long, String> files = ctx.selectFrom(STATEMENTS).fetchMap(STATEMENTS.STATEMENT_ID, STATEMENTS.FILE_NAME);
        Map<String, List<String>> tables = new TreeMap<>();
        for (Table<?> table : AlmReporting.ALM_REPORTING.getTables()) {
            if (table.getName().equals(STATEMENTS.getName())) {
                continue;
            }
            List<String> rows = new ArrayList<>();
            for (Record r : ctx.selectFrom(table).fetch()) {
                StringBuilder sb = new StringBuilder();
                for (Field<?> f : r.fields()) {
                    Object v = r.get(f);
                    if (f.getName().equals("statement_id")) {
                        v = files.get((Long) v);
                    }
                    sb.append(f.getName()).append('=').append(v).append("; ");
                }
                rows.add(sb.toString());
            }
            Collections.sort(rows);
            tables.put(table.getName(), rows);
        }
        return tables;
    }

    @Override
    public void close() {
        DSL.using(server, SQLDialect.POSTGRES).dropDatabaseIfExists(name).execute();
    }
}
