/**
 * The PostgreSQL adapter: the {@link com.almreporting.domain.port.out.Ledger} port over jOOQ, the schema's Flyway
 * migrations, and the database runtime (embedded server by default, an external one when configured).
 *
 * <p>Flow, as jOOQ's own demo puts it: <em>migrate → generate → integration test</em>. The Flyway scripts in
 * {@code db/migration} are the single source of the schema; at build time jOOQ's {@code DDLDatabase} reads them
 * (no database needed) and generates {@code com.almreporting.persistence.jooq}. Those generated types stay in
 * this package: the {@code …RecordMapper}s turn them into domain records and back, and every public method here
 * speaks domain types only.
 *
 * <p>Entry points: {@link com.almreporting.persistence.PersistenceModule} (open, migrate, ledger, status, close),
 * {@link com.almreporting.persistence.DatabaseConfig} (from the environment),
 * {@link com.almreporting.persistence.JooqLedger} (given any {@link javax.sql.DataSource}),
 * {@link com.almreporting.persistence.Migrations}, {@link com.almreporting.persistence.EmbeddedDatabase}.
 */
package com.almreporting.persistence;
