package com.almreporting.persistence;

import static com.almreporting.persistence.TestStatements.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.almreporting.domain.port.out.AccountHistory;
import com.almreporting.domain.port.out.StatementOrigin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The database runtime end to end: the embedded server as the CLI opens it (durable settings, a data directory
 * that survives restarts, a refusal to share it), and an external server given by URL.
 */
class PersistenceModuleIT {

    @Test
    void theEmbeddedDatabaseIsDurableKeepsItsDataAndWillNotBeShared() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "it-postgres", "module-" + ProcessHandle.current().pid()));
        DatabaseConfig config = DatabaseConfig.embedded(dataDir.toAbsolutePath(), TestDatabase.freePort());
        AccountHistory stored;

        try (PersistenceModule db = PersistenceModule.open(config)) {
            DSLContext ctx = DSL.using(db.dataSource(), SQLDialect.POSTGRES);
            for (String durable : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                assertThat(setting(ctx, durable)).as(durable).isEqualTo("on");
            }
            assertThat(setting(ctx, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(ctx, "server_version")).startsWith("17.");
            assertThat(ctx.select(DSL.field(DSL.name("datcollate"), String.class))
                    .from(DSL.table(DSL.name("pg_catalog", "pg_database")))
                    .where(DSL.field(DSL.name("datname"), String.class).eq(DSL.currentCatalog()))
                    .fetchSingle().value1()).isEqualTo("C");

            db.ledger().store(TestStatements.day17(), StatementOrigin.of("U1234567_MTD_20250717.xml"));
            stored = db.ledger().history(ACCOUNT, LedgerContract.FOREVER);

            DatabaseStatus status = db.status();
            assertThat(status.isCurrent()).isTrue();
            assertThat(status.migrations()).extracting(MigrationStatus::version).containsExactly("1", "2");
            assertThat(status.rowCounts()).containsEntry("chronological_events", 9L).containsEntry("statements", 1L)
                    .containsKeys("accounts", "nav_snapshots", "stock_positions", "conversion_rates");
            assertThat(status.lastRun()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(StatementRun.COMMITTED));
            assertThat(status.runsByStatus()).containsExactly(Map.entry("committed", 1L), Map.entry("failed", 0L),
                    Map.entry("running", 0L));
            assertThat(status.interruptedNow()).isZero();
            assertThat(status.location()).contains(config.embeddedDataDirectory().toString());

            assertThatThrownBy(() -> EmbeddedDatabase.start(config.embeddedDataDirectory(), config.embeddedPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running on data directory " + config.embeddedDataDirectory())
                    .hasMessageContaining("port " + config.embeddedPort());
        }
        assertThat(config.embeddedDataDirectory().resolve(EmbeddedDatabase.PID_FILE)).doesNotExist();

        try (PersistenceModule again = PersistenceModule.open(config)) {
            assertThat(again.migrate()).isZero();
            LedgerContract.assertSameHistory(again.ledger().history(ACCOUNT, LedgerContract.FOREVER), stored);
            assertThat(again.ledger().recentRuns(10)).hasSize(1);
        }
        TestDatabase.deleteRecursively(dataDir);
    }

    @Test
    void anExternalServerIsUsedAsConfiguredAndLeftRunning() {
        try (TestDatabase server = TestDatabase.create()) {
            var ds = (org.postgresql.ds.PGSimpleDataSource) server.dataSource();
            DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                    "ALM_DB_URL", ds.getURL(),
                    "ALM_DB_USER", ds.getUser() == null ? "postgres" : ds.getUser(),
                    "ALM_DB_PASSWORD", ds.getPassword() == null ? "" : ds.getPassword()), "/nonexistent");

            try (PersistenceModule db = PersistenceModule.open(config)) {
                assertThat(db.migrate()).isZero();
                db.ledger().store(TestStatements.day16(), StatementOrigin.of("U1234567_MTD_20250716.xml"));
                assertThat(db.status().rowCounts()).containsEntry("chronological_events", 2L);
                assertThat(db.status().location()).doesNotContain("password=" + ds.getPassword() + "&");
            }
            assertThat(server.dsl().fetchCount(com.almreporting.persistence.jooq.Tables.CHRONOLOGICAL_EVENTS)).isEqualTo(2);
        }
    }

    private static String setting(DSLContext ctx, String name) {
        return ctx.select(DSL.function("current_setting", String.class, DSL.val(name))).fetchSingle().value1();
    }
}
