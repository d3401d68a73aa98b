package com.almreporting.persistence;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreMigrationType;

/**
 * The schema's Flyway migrations ({@code classpath:db/migration}, schema {@code alm_reporting}): the same
 * scripts jOOQ generated the adapter's classes from. Flyway finds PostgreSQL support through
 * {@code META-INF/services}, so a shaded jar must merge service files.
 */
public final class Migrations {

    public static final String SCHEMA = "alm_reporting";
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Applies every pending migration; returns how many were applied (0 when the schema is current). */
    public static int migrate(DataSource dataSource) {
        return flyway(dataSource).migrate().migrationsExecuted;
    }

    /** Every known migration, applied or pending, in version order (Flyway's schema-creation marker left out). */
    public static List<MigrationStatus> status(DataSource dataSource) {
        return Arrays.stream(flyway(dataSource).info().all())
                .filter(i -> i.getType() != CoreMigrationType.SCHEMA)
                .map(i -> new MigrationStatus(
                        i.getVersion() == null ? "" : i.getVersion().getVersion(),
                        i.getDescription(),
                        i.getState().getDisplayName(),
                        i.getInstalledOn() == null ? null : i.getInstalledOn().toInstant()))
                .toList();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
    }
}
