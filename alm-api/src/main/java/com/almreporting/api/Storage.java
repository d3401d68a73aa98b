package com.almreporting.api;

import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.persistence.DatabaseConfig;
import com.almreporting.persistence.JooqLedger;
import com.almreporting.persistence.Migrations;
import com.almreporting.persistence.PersistenceModule;
import java.util.Objects;
import javax.sql.DataSource;

/** Where the facade's ledger lives, and what closing the facade has to release (an embedded server it started). */
final class Storage implements AutoCloseable {

    private final Ledger ledger;
    private final AutoCloseable owned;

    private Storage(Ledger ledger, AutoCloseable owned) {
        this.ledger = ledger;
        this.owned = owned;
    }

    static Storage inMemory() {
        return new Storage(new InMemoryLedger(), null);
    }

    /** The application's own data source: migrated unless told not to, never closed by us. */
    static Storage dataSource(DataSource dataSource, boolean migrate) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (migrate) {
            Migrations.migrate(dataSource);
        }
        return new Storage(new JooqLedger(dataSource), null);
    }

    /** The embedded server or an external one by URL, opened (and, if embedded, stopped on close) by us. */
    static Storage database(DatabaseConfig config, boolean migrate) {
        PersistenceModule module = PersistenceModule.open(config, migrate);
        return new Storage(module.ledger(), module);
    }

    Ledger ledger() {
        return ledger;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the database: " + e.getMessage(), e);
            }
        }
    }
}
