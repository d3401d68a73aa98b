package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Loopback is not private on a machine with other users: any of them can connect to 127.0.0.1, and the superuser of
 * a trusting server may read the ledger and run programs as alm's user. So the embedded server asks for its
 * superuser's password, a random one kept in {@code pgdata/alm-superuser.pgpass} (pgpass format, readable by its owner
 * only), and trusts nobody: a connection without it, or with a wrong one, is refused. A cluster made before, which
 * trusted every connection, is secured at its next start.
 */
class EmbeddedDatabaseAuthIT {

    private static final String PGPASS_LINE = "127\\.0\\.0\\.1:\\*:\\*:postgres:[0-9a-f]{64}";

    @TempDir
    Path root;

    @Test
    void onlyTheHolderOfThePasswordFileConnects() throws Exception {
        Path pgdata = root.resolve("alm/pgdata");
        int port = TestDatabase.freePort();
        String password;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, port)) {
            Path pgpass = pgdata.resolve(SuperuserPassword.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgpass))).isEqualTo("rw-------");
            String line = Files.readString(pgpass, StandardCharsets.UTF_8).strip();
            assertThat(line).matches(PGPASS_LINE);
            password = line.substring(line.lastIndexOf(':') + 1);

            assertRefused(port, null);
            assertRefused(port, "not-the-password");
            assertConnects(superuser(port, password));
            assertConnects(db.dataSource());
            assertThat(Files.readString(pgdata.resolve("pg_hba.conf"))).contains("scram-sha-256")
                    .doesNotContainPattern("(?m)^[^#].*\\btrust\\b");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(pgdata, port)) {
            assertRefused(port, null);
            assertConnects(superuser(port, password));
            assertConnects(again.dataSource());
        }
    }

    @Test
    void aClusterThatTrustedEveryConnectionIsSecuredAtItsNextStart() throws Exception {
        Path pgdata = root.resolve("pgdata");
        int port = TestDatabase.freePort();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, port)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('rows survive')");
            }
        }
        // as a cluster of an earlier alm left it
        Files.delete(pgdata.resolve(SuperuserPassword.FILE));
        Files.writeString(pgdata.resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");

        try (EmbeddedDatabase db = EmbeddedDatabase.start(pgdata, port)) {
            assertRefused(port, null);
            assertThat(Files.readString(pgdata.resolve(SuperuserPassword.FILE)).strip()).matches(PGPASS_LINE);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT v FROM kept")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("rows survive");
            }
        }
    }

    private static PGSimpleDataSource superuser(int port, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        ds.setUser("postgres");
        if (password != null) {
            ds.setPassword(password);
        }
        return ds;
    }

    private static void assertRefused(int port, String password) {
        assertThatThrownBy(() -> superuser(port, password).getConnection().close())
                .as("the superuser with password %s", password).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static void assertConnects(DataSource ds) throws SQLException, IOException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
            assertThat(r.next()).isTrue();
        }
    }
}
