package com.almreporting.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source of a guest {@link EmbeddedDatabase}, one that uses the server another alm process runs: that process
 * stops its server when it ends, whatever the guest is doing. A connection refused then says so, instead of
 * PostgreSQL's bare "Connection refused", which would send the operator looking for a server nobody meant to run.
 */
final class HostedDataSource extends PGSimpleDataSource {

    /** The SQLState of a connection that could not be made ({@code connection_exception}). */
    private static final String CONNECTION_EXCEPTION = "08006";

    private final transient ProcessHandle server;
    private final long hostPid;

    /**
     * @param server  the PostgreSQL process the host runs
     * @param hostPid the alm process that runs it
     */
    HostedDataSource(ProcessHandle server, long hostPid) {
        this.server = server;
        this.hostPid = hostPid;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        try {
            return super.getConnection(user, password);
        } catch (SQLException e) {
            if (LeftBehindServer.isRunning(server)) {
                throw e;
            }
            // no cause: the CLI (and JooqLedger.describe) report the innermost SQLException's message, which is e's
            SQLException gone = new SQLException(goneMessage(getPortNumbers()[0], hostPid) + " ("
                    + Causes.describe(e) + ")", CONNECTION_EXCEPTION);
            gone.addSuppressed(e);
            throw gone;
        }
    }

    /** What happened to a guest's server that has stopped, and what to do. */
    static String goneMessage(int port, long hostPid) {
        return "the embedded PostgreSQL on 127.0.0.1:" + port + " has stopped: the alm process (pid " + hostPid
                + ") that ran it has ended and stopped it with it; what this process was writing then was rolled back."
                + " Run this command again (it then starts the server itself)";
    }
}
