package com.almreporting.domain.port.out;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * The download-and-replace file store of fetched statements. A download goes to a staging file; once its
 * statements are stored it is committed under its {@link ArchiveName} (durably and atomically: a reader sees the
 * old file or the whole new one, never part of it), and only then are the older files of that query and month
 * deleted. A file that could not be stored is kept aside as {@code ….failed.xml}, the older files untouched.
 *
 * <p>Callers serialise runs (one update at a time per archive); the archive itself does not lock.
 */
public interface StatementArchive {

    /** A new, empty staging file, private to the owner, for one download of {@code request}. */
    Path stage(StatementRequest request) throws IOException;

    /** Removes a staging file that is not to be kept (the broker delivered nothing). */
    void discard(Path staged) throws IOException;

    /**
     * Removes whatever an earlier run left in the staging area (a run killed mid-download or mid-ingest: its
     * statement was not committed, or was and the next download supersedes it); returns the names removed.
     */
    List<String> clearStaging() throws IOException;

    /** The archived files of {@code queryName} (an {@link ArchiveName#queryName()}) in {@code month}, oldest first. */
    List<ArchiveName> archived(String queryName, YearMonth month) throws IOException;

    /**
     * Makes {@code staged} the archived file {@code name} (replacing a file of that very name) and returns its
     * path. Older files of the query are left alone: deleting them is the caller's next step.
     */
    Path commit(Path staged, ArchiveName name) throws IOException;

    /** Keeps {@code staged} beside the archive as {@link ArchiveName#failedFileName()}; returns where it now is. */
    Path keepAsideAsFailed(Path staged, ArchiveName name) throws IOException;

    /** Deletes the archived file {@code name} (one that a committed newer file replaces). */
    void delete(ArchiveName name) throws IOException;

    /** The archived files of the same query and month as {@code name}, dated before it: the ones it replaces. */
    default List<ArchiveName> previous(ArchiveName name) throws IOException {
        return archived(name.queryName(), name.month()).stream().filter(n -> n.date().isBefore(name.date())).toList();
    }
}
