package com.almreporting.persistence;

import com.almreporting.persistence.jooq.AlmReporting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter assembled for a composition root (the CLI, an embedding application): opens the
 * configured database (starting the embedded server when no URL is configured, or using the one another alm
 * process runs on that data directory), migrates it unless told not to, and hands out the {@link JooqLedger}.
 * Closing it stops an embedded server it started; another alm's, or an external one, is left alone.
 *
 * <pre>{@code
 * try (PersistenceModule db = PersistenceModule.open(DatabaseConfig.fromEnvironment())) {
 *     IngestCounts counts = db.ledger().store(statement, StatementOrigin.of("U123_MTD_20250718.xml"));
 * }
 * }</pre>
 */
public final class PersistenceModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceModule.class);

    private final DatabaseConfig config;
    private final EmbeddedDatabase embedded;
    private final DataSource dataSource;
    private final JooqLedger ledger;

    private PersistenceModule(DatabaseConfig config, EmbeddedDatabase embedded, DataSource dataSource) {
        this.config = config;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.ledger = new JooqLedger(dataSource);
    }

    /** Opens the database and applies pending migrations ("Flyway migrates on start"). */
    public static PersistenceModule open(DatabaseConfig config) {
        return open(config, true);
    }

    /** Opens the database; {@code migrate=false} for read-only uses such as {@code alm db status}. */
    public static PersistenceModule open(DatabaseConfig config, boolean migrate) {
        Objects.requireNonNull(config, "config");
        EmbeddedDatabase embedded = null;
        DataSource dataSource;
        if (config.isEmbedded()) {
            embedded = EmbeddedDatabase.start(config.embeddedDataDirectory(), config.embeddedPort());
            dataSource = embedded.dataSource();
        } else {
            dataSource = externalDataSource(config);
            LOG.info("Using PostgreSQL at {}", config.describe());
        }
        PersistenceModule module = new PersistenceModule(config, embedded, dataSource);
        if (migrate) {
            try {
                module.migrate();
            } catch (RuntimeException e) {
                module.close();
                throw e;
            }
        }
        return module;
    }

    private static DataSource externalDataSource(DatabaseConfig config) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.jdbcUrl());
        if (config.user() != null) {
            ds.setUser(config.user());
        }
        if (config.password() != null) {
            ds.setPassword(config.password());
        }
        ds.setApplicationName("alm");
        return ds;
    }

    /** Applies pending migrations; returns how many ({@code alm db migrate}). */
    public int migrate() {
        int applied = Migrations.migrate(dataSource);
        if (applied > 0) {
            LOG.info("Applied {} database migration(s) to {}", applied, config.describe());
        }
        return applied;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JooqLedger ledger() {
        return ledger;
    }

    public DatabaseConfig config() {
        return config;
    }

    /**
     * Migrations, row counts of every ledger table, runs by status and the last ingestion run ({@code alm db
     * status}). Runs whose process died are marked failed first, so that none shows as running that is not; the
     * one write of this call, and one it does without if the database refuses it (the status says so by its
     * {@code running} count).
     */
    public DatabaseStatus status() {
        DSLContext ctx = DSL.using(dataSource, SQLDialect.POSTGRES);
        var migrations = Migrations.status(dataSource);
        boolean schemaExists = migrations.stream().anyMatch(m -> !m.state().equalsIgnoreCase("Pending"));
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> runs = new LinkedHashMap<>();
        int interrupted = 0;
        if (schemaExists) {
            try {
                interrupted = ledger.markInterruptedRuns();
            } catch (RuntimeException e) {
                LOG.warn("Could not mark interrupted runs as failed: {}", JooqLedger.describe(e));
            }
            runs.putAll(ledger.runsByStatus());
            for (Table<?> table : AlmReporting.ALM_REPORTING.getTables()) {
                counts.put(table.getName(), (long) ctx.fetchCount(table));
            }
        }
        String version = ctx.select(DSL.function("current_setting", String.class, DSL.val("server_version")))
                .fetchSingle()
                .value1();
        return new DatabaseStatus(config.describe(), version, migrations, counts, runs, interrupted,
                schemaExists ? ledger.recentRuns(1).stream().findFirst() : Optional.empty());
    }

    /** Stops the embedded server, if this module started one (not one another alm process runs). */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
