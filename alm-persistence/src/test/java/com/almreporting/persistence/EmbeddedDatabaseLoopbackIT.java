package com.almreporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded server is reachable from this machine only: it listens on 127.0.0.1 and nowhere else (a connection to
 * any other address of this machine is refused), and opens no Unix socket. Its cluster directory, created with a
 * missing parent, is its owner's alone.
 */
class EmbeddedDatabaseLoopbackIT {

    @TempDir
    static Path root;

    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(root.resolve("alm/pgdata"), TestDatabase.freePort());
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void itListensOnLoopbackOnlyAndOpensNoUnixSocket() throws SQLException {
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(setting("unix_socket_directories")).isEmpty();
        for (Path dir : List.of(Path.of("/tmp"), Path.of("/var/run/postgresql"), Path.of("/run/postgresql"),
                db.dataDirectory())) {
            assertThat(dir.resolve(".s.PGSQL." + db.port())).as("a socket in " + dir).doesNotExist();
        }
    }

    @Test
    void everyOtherAddressOfThisMachineRefusesTheConnection() throws SocketException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp()) {
                nic.inetAddresses().filter(a -> !a.isLoopbackAddress()).forEach(others::add);
            }
        }
        assumeThat(others).as("this machine has an address besides loopback").isNotEmpty();
        for (InetAddress address : others) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(address, db.port()), 2_000);
                }
            }).as("connecting to %s:%d", address, db.port()).isInstanceOf(ConnectException.class);

            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL("jdbc:postgresql://" + (address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                    : address.getHostAddress()) + ":" + db.port() + "/postgres?connectTimeout=2");
            ds.setUser(EmbeddedDatabase.SUPERUSER);
            assertThatThrownBy(() -> ds.getConnection().close()).as("JDBC to %s", address).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theClusterDirectoryAndItsMissingParentAreTheOwnersAlone() throws IOException {
        assumeThat(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("alm")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.dataDirectory()))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(db.dataDirectory())) {
            assertThat(files.filter(Files::isRegularFile).map(p -> {
                try {
                    return p.getFileName() + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).isNotEmpty().allMatch(s -> s.endsWith(" rw-------"));
        }
    }

    private static String setting(String name) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }
}
