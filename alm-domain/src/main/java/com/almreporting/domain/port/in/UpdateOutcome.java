package com.almreporting.domain.port.in;

import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** How one fetch of the daily job ended. Immutable. */
public sealed interface UpdateOutcome {

    StatementRequest request();

    /** The statement was stored and archived as {@code name}; {@code replaced} are the older files deleted. */
    record Updated(StatementRequest request, ArchiveName name, Path file, List<IngestCounts> counts,
                   List<ArchiveName> replaced) implements UpdateOutcome {
        public Updated {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            counts = List.copyOf(counts);
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * Nothing of this fetch was stored or archived (with one exception, said in the message: statements stored
     * before the archive failed). {@code brokerCode} is the broker's error code when it gave one; {@code keptAside}
     * the {@code ….failed.xml} file holding what was fetched, when something was.
     */
    record Failed(StatementRequest request, Kind kind, String message, Integer brokerCode, Path keptAside)
            implements UpdateOutcome {
        public Failed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }

        public OptionalInt code() {
            return brokerCode == null ? OptionalInt.empty() : OptionalInt.of(brokerCode);
        }

        public Optional<Path> keptAsideFile() {
            return Optional.ofNullable(keptAside);
        }
    }

    /** Why a fetch failed, from the most to the least serious for the books. */
    enum Kind {
        /** The ledger could not store the statement (database down, a constraint refused a row). */
        LEDGER,
        /** The archive could not be written. */
        ARCHIVE,
        /** The broker answered with something that is not a usable statement. */
        STATEMENT_REJECTED,
        /** The broker refused, was not ready in time, or could not be reached. */
        BROKER_UNAVAILABLE
    }
}
