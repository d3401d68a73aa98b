package com.almreporting.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a ledger holds, in a form two databases can be compared by: every row of every data table, as JSON, with the
 * run that last wrote it named by its file (run ids differ between databases that saw different runs); the
 * checkpoints apart, as they are derived and rebuilt after each store; and the runs, as file and status.
 *
 * @param rows        table → its rows, sorted
 * @param checkpoints checkpoint table → its rows, sorted
 * @param runs        "file status" per run, in run order, with the first words of a failed run's error
 */
record LedgerState(Map<String, List<String>> rows, Map<String, List<String>> checkpoints, List<String> runs) {

    private static final String WRITTEN_BY = "(to_jsonb(t) - 'statement_id')"
            + " || jsonb_build_object('written_by', (SELECT s.file_name FROM alm_reporting.statements s"
            + " WHERE s.statement_id = t.statement_id))";

    static LedgerState of(DataSource db) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        Map<String, List<String>> checkpoints = new TreeMap<>();
        List<String> runs = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // one snapshot: every table as of the same moment, even while a transaction commits
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            Map<String, Boolean> tables = new TreeMap<>(); // name → has statement_id
            try (ResultSet r = s.executeQuery("SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns k"
                    + " WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name AND k.column_name = 'statement_id')"
                    + " FROM information_schema.tables t WHERE t.table_schema = 'alm_reporting' AND t.table_type = 'BASE TABLE'"
                    + " AND t.table_name NOT IN ('statements', 'flyway_schema_history')")) {
                while (r.next()) {
                    tables.put(r.getString(1), r.getBoolean(2));
                }
            }
            for (Map.Entry<String, Boolean> table : tables.entrySet()) {
                List<String> values = new ArrayList<>();
                String row = table.getValue() ? WRITTEN_BY : "to_jsonb(t)";
                try (ResultSet r = s.executeQuery("SELECT (" + row + ")::text FROM alm_reporting.\"" + table.getKey()
                        + "\" t ORDER BY 1")) {
                    while (r.next()) {
                        values.add(r.getString(1));
                    }
                }
                (table.getKey().startsWith("checkpoint") ? checkpoints : rows).put(table.getKey(), values);
            }
            try (ResultSet r = s.executeQuery("SELECT file_name || ' ' || status || coalesce(' ' || split_part(error, ':', 1), '')"
                    + " FROM alm_reporting.statements ORDER BY statement_id")) {
                while (r.next()) {
                    runs.add(r.getString(1));
                }
            }
            c.commit();
        }
        return new LedgerState(rows, checkpoints, runs);
    }

    /**
     * The ledger once the sessions of a killed alm have ended: a session learns that its client died only when it next
     * talks to it, so a COMMIT the client sent just before the kill can still land after the process is gone.
     */
    static LedgerState settled(DataSource db) throws Exception {
        awaitNoSessionOf(db, "alm");
        return of(db);
    }

    /** Waits (up to two minutes) until no session of {@code application} is connected to this database. */
    static void awaitNoSessionOf(DataSource db, String application) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (number(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '"
                + application + "'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a session of " + application + " outlived its process");
            }
            Thread.sleep(50);
        }
    }

    /** The single number {@code sql} selects (0 for null). */
    static long number(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The ledger's per-account advisory lock key (JooqLedger): the first 8 bytes of SHA-256 of the account's name. */
    static long accountLockKey(String account) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("alm_reporting.accounts/" + account).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xFF);
            }
            return key;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in all data tables together. */
    int rowCount() {
        return rows.values().stream().mapToInt(List::size).sum();
    }

    /** Whether the data tables (not the checkpoints, not the runs) hold exactly what {@code other}'s do. */
    boolean sameRows(LedgerState other) {
        return rows.equals(other.rows);
    }
}
