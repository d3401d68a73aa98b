package com.almreporting.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The alm that gets killed, for {@link OrphanedServerIT}: starts the embedded server on the data directory and port it
 * is given, commits a row, prints {@code ready} and waits to be killed.
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
}
