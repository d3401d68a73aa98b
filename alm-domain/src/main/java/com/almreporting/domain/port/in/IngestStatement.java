package com.almreporting.domain.port.in;

import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementOrigin;
import java.util.List;

/** Use case: store every statement of a parsed file in the ledger, idempotently. */
public interface IngestStatement {

    /** Stores each statement of the file; returns the counts per statement, in file order. */
    List<IngestCounts> ingest(StatementFile file, StatementOrigin origin);
}
