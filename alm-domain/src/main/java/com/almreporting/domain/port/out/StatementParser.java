package com.almreporting.domain.port.out;

import com.almreporting.domain.model.StatementFile;
import java.io.InputStream;
import java.nio.file.Path;

/** Turns a broker statement file into domain rows. Implementations stream: memory does not grow with file size. */
public interface StatementParser {

    /** Parses a file; the file name appears in every error. */
    StatementFile parse(Path file) throws StatementRejectedException;

    /** Parses a stream; {@code sourceName} stands for the file in errors. The stream is not closed. */
    StatementFile parse(InputStream in, String sourceName) throws StatementRejectedException;
}
