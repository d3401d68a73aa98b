package com.almreporting.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The embedded server's superuser password. Listening on 127.0.0.1 keeps other machines out, not the other users of
 * this one; a server that trusted every loopback connection would let any of them read the ledger and, as superuser,
 * run programs as alm's user. So the cluster asks for a password ({@code scram-sha-256}, {@code pg_hba.conf} written
 * here), a random one kept in {@value #FILE} inside the cluster directory: in pgpass format, readable by its owner
 * only, so that the operator reaches the server with
 * {@code PGPASSFILE=<data-dir>/pgdata/alm-superuser.pgpass psql -h 127.0.0.1 -p 54329 -U postgres}. The password is
 * never logged. Stateless.
 */
final class SuperuserPassword {

    /** The password file in the cluster directory. */
    static final String FILE = "alm-superuser.pgpass";
    private static final String HBA_FILE = "pg_hba.conf";
    private static final String HBA = """
            # Written by alm at every start of its embedded server (EmbeddedDatabase): it listens on 127.0.0.1 only, opens
            # no Unix socket, and asks every connection for a password. The superuser's is in alm-superuser.pgpass here.
            host    all             all             127.0.0.1/32            scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            """;

    private SuperuserPassword() {
    }

    /** The password kept in {@code cluster}, if a previous start set one. */
    static Optional<String> read(Path cluster) throws IOException {
        Path file = cluster.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String line = lines.isEmpty() ? "" : lines.get(0).strip();
        String[] fields = line.split(":", 5);
        if (fields.length != 5 || !fields[4].matches("[0-9a-f]{64}")) {
            throw new IOException(file + " is not the password file alm writes (one line"
                    + " 127.0.0.1:*:*:postgres:<64 hex digits>): restore it from a backup of the data directory");
        }
        return Optional.of(fields[4]);
    }

    /** Whether the cluster's {@code pg_hba.conf} is the one {@link #requirePasswords} writes. */
    static boolean required(Path cluster) throws IOException {
        Path hba = cluster.resolve(HBA_FILE);
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
    }

    /** A new random password: 32 bytes, in hex. */
    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Keeps {@code password} in {@code cluster}, replacing the file whole or not at all, readable by its owner only. */
    static void write(Path cluster, String user, String password) throws IOException {
        Path temp = cluster.resolve(FILE + ".new");
        Files.deleteIfExists(temp);
        OwnerOnlyFiles.createFileIfAbsent(temp);
        Files.writeString(temp, "127.0.0.1:*:*:" + user + ":" + password + "\n", StandardCharsets.UTF_8);
        Files.move(temp, cluster.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes the cluster ask every connection for a password (read by the server at start and on reload). */
    static void requirePasswords(Path cluster) throws IOException {
        if (required(cluster)) {
            return;
        }
        Path hba = cluster.resolve(HBA_FILE);
        Path temp = cluster.resolve(HBA_FILE + ".new");
        Files.deleteIfExists(temp);
        OwnerOnlyFiles.createFileIfAbsent(temp);
        Files.writeString(temp, HBA, StandardCharsets.UTF_8);
        Files.move(temp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
