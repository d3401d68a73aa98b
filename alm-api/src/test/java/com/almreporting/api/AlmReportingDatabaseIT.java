package com.almreporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.persistence.EmbeddedDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on a real PostgreSQL: the embedded server it starts itself, and an application's data source. */
class AlmReportingDatabaseIT {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final LocalDate JULY_17 = LocalDate.of(2025, 7, 17);
    private static final LocalDate JULY_18 = LocalDate.of(2025, 7, 18);

    @TempDir
    Path dir;

    @Test
    void anEmbeddedDatabaseKeepsTheStatementsForTheNextInstance() throws Exception {
        int port = freePort();
        try (AlmReporting alm = AlmReporting.builder().embeddedDatabase(dir, port).build()) {
            assertThat(alm.ingest(SAMPLES.resolve("ground-truth-2025-07.xml")).inserted()).isPositive();
        }
        try (AlmReporting alm = AlmReporting.builder().embeddedDatabase(dir, port).migrate(false).build()) {
            assertThat(alm.render(alm.report(JULY_17, JULY_18), AlmReporting.Format.MARKDOWN)).isEqualTo(golden());
        }
    }

    @Test
    void anApplicationsDataSourceIsMigratedAndLeftOpen() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pgdata"), freePort())) {
            try (AlmReporting alm = AlmReporting.builder().dataSource(db.dataSource()).build()) {
                alm.ingest(SAMPLES.resolve("ground-truth-2025-07.xml"));
                assertThat(alm.render(alm.report(JULY_17, JULY_18), AlmReporting.Format.MARKDOWN)).isEqualTo(golden());
            }
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from alm_reporting.statements")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
        }
    }

    private static String golden() throws IOException {
        return Files.readString(SAMPLES.resolve("ground-truth-2025-07-17_18.md"), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
