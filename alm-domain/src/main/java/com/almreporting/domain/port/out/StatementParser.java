package com.almreporting.domain.port.out;

import com.almreporting.domain.model.StatementFile;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Turns a broker statement file into domain rows. {@link #stream} hands the rows to a {@link StatementHandler} one
 * at a time as the file is read (memory independent of the file's size); {@link #parse} collects them all.
 */
public interface StatementParser {

    /**
     * Reads a file, handing each statement and row to {@code handler} as it is read; the file name appears in every
     * error. Rows delivered before a rejection are not valid (see {@link StatementHandler}).
     */
    void stream(Path file, StatementHandler handler) throws StatementRejectedException;

    /**
     * Reads a stream, handing each statement and row to {@code handler} as it is read; {@code sourceName} stands
     * for the file in errors. The stream is not closed.
     */
    void stream(InputStream in, String sourceName, StatementHandler handler) throws StatementRejectedException;

    /** Parses a file into all its rows; the file name appears in every error. */
    default StatementFile parse(Path file) throws StatementRejectedException {
        StatementCollector collector = new StatementCollector();
        stream(file, collector);
        return collector.result();
    }

    /** Parses a stream into all its rows; {@code sourceName} stands for the file in errors. The stream is not closed. */
    default StatementFile parse(InputStream in, String sourceName) throws StatementRejectedException {
        StatementCollector collector = new StatementCollector();
        stream(in, sourceName, collector);
        return collector.result();
    }
}
