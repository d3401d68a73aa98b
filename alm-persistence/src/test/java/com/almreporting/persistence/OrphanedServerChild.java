package com.almreporting.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An alm that owns the embedded server, as a child process, for {@link OrphanedServerIT} (which kills it) and
 * {@link GuestDatabaseIT} (which uses its server): starts the embedded server on the data directory and port it is
 * given, commits a row, prints {@code ready} and waits, until killed or until its stdin ends, then stops its server.
 */
public final class OrphanedServerChild {

    static final String READY = "ready";
    static final String ROW = "committed before the kill";

    private OrphanedServerChild() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survivor (v text)");
            s.execute("INSERT INTO survivor VALUES ('" + ROW + "')");
        }
        System.out.println(READY);
        System.out.flush();
        // the parent kills this process with SIGKILL; should it not, it ends with the parent's stdin
        while (System.in.read() >= 0) {
            // nothing to do but wait
        }
        db.close();
    }

    /** Starts the child and waits until its server runs and its row is committed. */
    static Process start(Path pgdata, int port) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanedServerChild.class.getName(),
                pgdata.toString(), Integer.toString(port));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(READY)) {
                    return child;
                }
                output.add(line);
            }
        }
        child.destroyForcibly();
        throw new AssertionError("the child ended before its server was ready:\n" + String.join("\n", output));
    }
}
