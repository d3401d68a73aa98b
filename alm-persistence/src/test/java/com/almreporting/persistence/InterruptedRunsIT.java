package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static com.almreporting.persistence.TestStatements.day16;
import static com.almreporting.persistence.TestStatements.day17;
import static com.almreporting.persistence.TestStatements.day18;
import static com.almreporting.persistence.jooq.Tables.STATEMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.Statement;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs whose process died stay {@code running} only until the next sweep, and the sweep never takes a live run
 * for a dead one: a run's session holds its liveness lock (two-int advisory key {@code RUN_LOCK_NAMESPACE, id})
 * from before its row is visible until it has ended. The storing session is made to wait inside its data
 * transaction by holding the account's ingest lock from the test, then killed with {@code pg_terminate_backend}.
 */
class InterruptedRunsIT {

    private static TestDatabase db;
    private JooqLedger ledger;
    private ExecutorService background;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger ledgerLog = (Logger) LoggerFactory.getLogger(JooqLedger.class);

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @BeforeEach
    void startEmpty() {
        db.truncate();
        ledger = new JooqLedger(db.dataSource());
        background = Executors.newSingleThreadExecutor();
        logs.start();
        ledgerLog.addAppender(logs);
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        ledgerLog.detachAppender(logs);
    }

    @Test
    void aRunWhoseConnectionIsKilledMidTransactionIsMarkedInterruptedByTheNextStore() throws Exception {
        store(day16());
        Map<String, List<String>> before = db.dump();
        Future<IngestCounts> killed;
        try (Connection holder = db.dataSource().getConnection()) {
            holdAccountLock(holder, ACCOUNT);
            killed = background.submit(() -> ledger.store(day18(), StatementOrigin.of("killed.xml")));
            int pid = awaitBackendWaitingOnTheAccountLock(holder);
            assertThat(statuses()).containsExactly("committed", "running");
            try (PreparedStatement kill = holder.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.execute();
            }
            Throwable failure = catchFailure(killed);
            assertThat(failure).isInstanceOf(LedgerStoreException.class).hasMessageContaining("killed.xml");
        } // the account lock goes with the holder

        // the process lives on, but its connection died before it could record the failure
        assertThat(statuses()).containsExactly("committed", "running");
        assertThat(db.dump()).isEqualTo(before);

        IngestCounts next = store(day17());

        assertThat(next.inserted()).isPositive();
        List<StatementRun> runs = runsOldestFirst();
        assertThat(runs).extracting(StatementRun::status).containsExactly("committed", "failed", "committed");
        StatementRun interrupted = runs.get(1);
        assertThat(interrupted.fileName()).isEqualTo("killed.xml");
        assertThat(interrupted.error()).startsWith("interrupted: ").contains("nothing of it was stored");
        assertThat(interrupted.finishedAt()).isAfterOrEqualTo(interrupted.startedAt());
        assertThat(warnings()).anyMatch(w -> w.contains("interrupted run " + interrupted.id()) && w.contains("killed.xml"));
        assertThat(ledger.markInterruptedRuns()).as("swept once only").isZero();
        assertThat(runLocks()).isEmpty();
    }

    @Test
    void aLiveRunIsNeverSweptWhileARunWhoseSessionEndedIs() throws Exception {
        Future<IngestCounts> live;
        long dead;
        try (Connection holder = db.dataSource().getConnection()) {
            holdAccountLock(holder, ACCOUNT);
            live = background.submit(() -> ledger.store(day17(), StatementOrigin.of("live.xml")));
            awaitBackendWaitingOnTheAccountLock(holder);
            long liveId = runsOldestFirst().get(0).id();
            assertThat(runLocks()).as("the live run's session holds the key (namespace, id)").containsExactly(liveId);
            try (Connection gone = db.dataSource().getConnection()) {
                dead = beginRunByHand(gone, "dead.xml");
                assertThat(runLocks()).containsExactly(liveId, dead);
            } // its session ends, and its lock with it, as when a process dies

            assertThat(ledger.markInterruptedRuns()).isEqualTo(1);
            assertThat(ledger.markInterruptedRuns()).isZero();

            assertThat(runsOldestFirst()).extracting(r -> r.fileName() + " " + r.status())
                    .containsExactly("live.xml running", "dead.xml failed");
            assertThat(live).isNotDone();
        }

        assertThat(live.get().inserted()).isPositive();
        assertThat(runsOldestFirst()).extracting(r -> r.fileName() + " " + r.status() + " " + r.errorMessage().isPresent())
                .containsExactly("live.xml committed false", "dead.xml failed true");
        assertThat(ledger.run(dead).orElseThrow().error()).startsWith("interrupted: ");
        assertThat(warnings()).anyMatch(w -> w.contains("interrupted run " + dead));
        assertThat(runLocks()).isEmpty();
    }

    @Test
    void sweepsRacingWithStoresNeverMarkALiveRun() throws Exception {
        List<Statement> files = List.of(day16(), day17(), day18(), day16(), day18(), day17());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean storing = new AtomicBoolean(true);
        try {
            Future<Integer> sweeper = background.submit(() -> {
                int marked = 0;
                while (storing.get()) {
                    marked += ledger.markInterruptedRuns();
                    Thread.sleep(2); // often enough to meet every store, without starving them of the 2 cores
                }
                return marked;
            });
            List<Future<IngestCounts>> stores = new ArrayList<>();
            for (Statement s : files) {
                stores.add(pool.submit(() -> store(s)));
            }
            for (Future<IngestCounts> f : stores) {
                f.get(); // a store whose run was swept would fail: its commit requires the row still 'running'
            }
            storing.set(false);
            assertThat(sweeper.get()).isZero();
        } finally {
            storing.set(false);
            pool.shutdownNow();
        }
        assertThat(statuses()).hasSize(files.size()).containsOnly("committed");
    }

    @Test
    void aStoreLeavesNoRunLockOnItsConnectionHoweverItEnds() throws Exception {
        try (Connection physical = db.dataSource().getConnection()) {
            // one connection handed out again and again, as a pool would: only an explicit unlock frees the key
            JooqLedger pooled = new JooqLedger(new OneConnectionDataSource(physical));
            int pid = backendPid(physical);

            pooled.store(day17(), StatementOrigin.of("good.xml"));
            assertThat(runLocks()).isEmpty();

            Statement broken = TestStatements.statement().trades(TestStatements.trade("7".repeat(65))).build();
            assertThatThrownBy(() -> pooled.store(broken, StatementOrigin.of("broken.xml")))
                    .isInstanceOf(LedgerStoreException.class);
            assertThat(runLocks()).isEmpty();

            assertThat(statuses()).containsExactly("committed", "failed");
            assertThat(backendPid(physical)).as("the same session throughout").isEqualTo(pid);
        }
    }

    /** What beginRun does, by hand: the 'running' row and its lock, in one transaction. */
    private static long beginRunByHand(Connection c, String file) throws SQLException {
        c.setAutoCommit(false);
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alm_reporting.statements"
                + " (file_name, account_id, status, started_at) VALUES (?, ?, 'running', now()) RETURNING statement_id")) {
            insert.setString(1, file);
            insert.setString(2, ACCOUNT.value());
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?, ?::bit(32)::int4)")) {
            lock.setInt(1, JooqLedger.RUN_LOCK_NAMESPACE);
            lock.setLong(2, id);
            lock.execute();
        }
        c.commit();
        return id;
    }

    private static void holdAccountLock(Connection holder, AccountId account) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, JooqLedger.lockKey(account));
            lock.execute();
        }
    }

    /** The pid of the one other backend of this database waiting on an advisory lock: the storing session. */
    private static int awaitBackendWaitingOnTheAccountLock(Connection c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (PreparedStatement q = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND wait_event = 'advisory'");
                 ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    int pid = r.getInt(1);
                    assertThat(r.next()).as("one waiting session").isFalse();
                    return pid;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no session started waiting on the account lock");
            }
            Thread.sleep(20);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The ids whose run lock some session holds (the two-int key form shows as objsubid 2). */
    private static List<Long> runLocks() {
        return db.dsl().fetch("SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2"
                        + " AND classid = ?::bigint::oid AND granted ORDER BY 1", (long) JooqLedger.RUN_LOCK_NAMESPACE)
                .getValues(0, Long.class);
    }

    private static Throwable catchFailure(Future<?> future) throws InterruptedException {
        try {
            future.get();
            throw new AssertionError("the store succeeded");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    private IngestCounts store(Statement statement) {
        return ledger.store(statement, StatementOrigin.of(statement.account().value() + "_" + statement.toDate() + ".xml"));
    }

    private List<StatementRun> runsOldestFirst() {
        List<StatementRun> runs = new ArrayList<>(ledger.recentRuns(100));
        java.util.Collections.reverse(runs);
        return runs;
    }

    private List<String> statuses() {
        return db.dsl().select(STATEMENTS.STATUS).from(STATEMENTS).orderBy(STATEMENTS.STATEMENT_ID).fetch(r -> r.value1());
    }

    private List<String> warnings() {
        synchronized (logs.list) {
            return logs.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Hands out one physical connection whose close() is a no-op, like a pool's. */
    private record OneConnectionDataSource(Connection physical) implements DataSource {
        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
