package com.almreporting.domain.service;

import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.in.IngestStatement;
import com.almreporting.domain.port.in.UpdateFromBroker;
import com.almreporting.domain.port.in.UpdateOutcome;
import com.almreporting.domain.port.in.UpdateOutcome.Failed;
import com.almreporting.domain.port.in.UpdateOutcome.Kind;
import com.almreporting.domain.port.in.UpdateOutcome.Updated;
import com.almreporting.domain.port.in.UpdateReport;
import com.almreporting.domain.port.out.ArchiveName;
import com.almreporting.domain.port.out.BrokerUnavailableException;
import com.almreporting.domain.port.out.FetchedStatement;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.StatementArchive;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementParser;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.port.out.StatementRequest;
import com.almreporting.domain.port.out.StatementSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily job: fetch → parse → store → archive, per query (see {@link UpdateFromBroker}).
 *
 * <p>The order is what makes it safe. The download goes to a staging file; a statement the parser rejects is
 * kept aside and never stored; the ledger stores each statement in one transaction; the file becomes the
 * archived one, and the older files of its query and month are deleted, only after every statement of it was
 * stored. A failure at any step leaves the previous archived file where it was, so the archive always holds the
 * newest file that is in the ledger. Running again is always safe: storing is idempotent and a month-to-date
 * statement covers every day a missed run would have fetched.
 *
 * <p><b>Month boundary.</b> A month-to-date query stops covering a month when the next one begins, yet IBKR
 * still books corrections to it for a few days. So on days 1..{@code previousMonthDays} of a month (the date of
 * the service's clock, whose zone should be the broker's business-day zone, America/New_York for IBKR), each
 * query is fetched once more over the whole previous month (a period override of the same query; no second
 * query to set up). A run that missed those days catches up: the first file of a query in a new month also
 * triggers the refresh when the archive holds files of the previous month. The refresh is skipped when the
 * broker is unavailable for the month-to-date fetch (the next run tries again).
 *
 * <p>Thread-safe if its collaborators are; runs must not overlap on one archive (the caller locks).
 */
public final class UpdateFromBrokerService implements UpdateFromBroker {

    /** Default number of days at the start of a month on which the previous month is fetched once more. */
    public static final int DEFAULT_PREVIOUS_MONTH_DAYS = 3;

    private final StatementSource source;
    private final StatementParser parser;
    private final IngestStatement ingest;
    private final StatementArchive archive;
    private final Clock clock;
    private final int previousMonthDays;
    private final Progress progress;

    /**
     * @param clock             "today" for the month boundary, in the broker's business-day zone
     * @param previousMonthDays 0..31: on days 1..n of a month the previous month is fetched once more (0: never,
     *                          except to catch up after missed runs)
     */
    public UpdateFromBrokerService(StatementSource source, StatementParser parser, IngestStatement ingest,
                                   StatementArchive archive, Clock clock, int previousMonthDays, Progress progress) {
        this.source = Objects.requireNonNull(source, "source");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (previousMonthDays < 0 || previousMonthDays > 31) {
            throw new IllegalArgumentException("days on which the previous month is refreshed must be 0..31, was "
                    + previousMonthDays);
        }
        this.previousMonthDays = previousMonthDays;
    }

    @Override
    public UpdateReport update(List<String> queryIds) {
        if (queryIds.isEmpty()) {
            throw new IllegalArgumentException("no Flex query id to fetch");
        }
        List<StatementRequest> requests = queryIds.stream().map(StatementRequest::monthToDate).toList();
        List<String> leftovers = clearStaging();
        LocalDate today = LocalDate.now(clock);
        List<UpdateOutcome> outcomes = new ArrayList<>();
        for (StatementRequest request : requests) {
            Attempt current = run(request, today);
            outcomes.add(current.outcome());
            Optional<YearMonth> refresh = previousMonthToRefresh(current, today);
            refresh.ifPresent(month -> outcomes.add(run(StatementRequest.month(request.queryId(), month), today).outcome()));
        }
        return new UpdateReport(outcomes, leftovers);
    }

    private List<String> clearStaging() {
        try {
            List<String> leftovers = archive.clearStaging();
            if (!leftovers.isEmpty()) {
                progress.warn("Removed " + leftovers.size() + " leftover download(s) of an interrupted run from the staging"
                        + " area: " + String.join(", ", leftovers) + " (nothing of them was archived; this run fetches"
                        + " anew)");
            }
            return leftovers;
        } catch (IOException e) {
            progress.warn("Cannot clear the archive's staging area: " + e.getMessage());
            return List.of();
        }
    }

    private Optional<YearMonth> previousMonthToRefresh(Attempt current, LocalDate today) {
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        boolean inWindow = today.getDayOfMonth() <= previousMonthDays;
        if (current.outcome() instanceof Failed failed && failed.kind() == Kind.BROKER_UNAVAILABLE) {
            if (inWindow) {
                progress.warn("Not refreshing " + previous + " of " + current.outcome().request()
                        + ": the broker is unavailable; the next run tries again");
            }
            return Optional.empty();
        }
        if (inWindow) {
            progress.info("Day " + today.getDayOfMonth() + " of " + YearMonth.from(today) + ": fetching " + previous
                    + " once more for late corrections");
            return Optional.of(previous);
        }
        if (current.firstOfMonth() && current.outcome() instanceof Updated updated
                && updated.name().month().equals(YearMonth.from(today)) && hasFiles(updated.name().queryName(), previous)) {
            progress.info("First file of " + updated.name().queryName() + " in " + YearMonth.from(today)
                    + " after the month-boundary days were missed: fetching " + previous + " once more");
            return Optional.of(previous);
        }
        return Optional.empty();
    }

    private boolean hasFiles(String queryName, YearMonth month) {
        try {
            return !archive.archived(queryName, month).isEmpty();
        } catch (IOException e) {
            progress.warn("Cannot list the archive of " + month + ": " + e.getMessage());
            return false;
        }
    }

    /** One fetch, and whether it made the first archived file of its query in its month. */
    private record Attempt(UpdateOutcome outcome, boolean firstOfMonth) {
        static Attempt failed(StatementRequest request, Kind kind, String message, Integer code, Path keptAside) {
            return new Attempt(new Failed(request, kind, message, code, keptAside), false);
        }
    }

    private Attempt run(StatementRequest request, LocalDate today) {
        progress.info("Fetching " + request);
        Path staged;
        try {
            staged = archive.stage(request);
        } catch (IOException e) {
            return Attempt.failed(request, Kind.ARCHIVE, "cannot create a staging file in the archive: " + e.getMessage(),
                    null, null);
        }
        FetchedStatement fetched;
        try {
            fetched = source.fetch(request, staged);
        } catch (BrokerUnavailableException e) {
            discard(staged);
            return Attempt.failed(request, Kind.BROKER_UNAVAILABLE, e.getMessage(),
                    e.errorCode().isPresent() ? e.errorCode().getAsInt() : null, null);
        } catch (StatementRejectedException e) {
            return rejected(request, staged, fallbackName(request, today), e.getMessage());
        } catch (IOException e) {
            discard(staged);
            return Attempt.failed(request, Kind.ARCHIVE, "cannot write the download to the archive's staging area: "
                    + e.getMessage(), null, null);
        }
        progress.info("Fetched " + request + ": " + fetched.bytes() + " bytes, sha256 " + fetched.sha256());

        StatementFile file;
        try {
            file = parse(staged, request);
        } catch (StatementRejectedException e) {
            return rejected(request, staged, fallbackName(request, today), e.getMessage());
        }
        ArchiveName name = ArchiveName.of(file.queryName() == null ? fallbackName(request, today).queryName()
                : file.queryName(), newestDay(file).orElse(today));

        List<ArchiveName> before;
        try {
            before = archive.archived(name.queryName(), name.month());
        } catch (IOException e) {
            return keptAside(request, staged, name, Kind.ARCHIVE, "cannot list the archive: " + e.getMessage(), null);
        }
        boolean firstOfMonth = before.isEmpty();

        List<IngestCounts> counts;
        try {
            counts = ingest.ingest(file, new StatementOrigin(name.fileName(), fetched.sha256()));
        } catch (RuntimeException e) {
            return keptAside(request, staged, name, Kind.LEDGER, "storing " + name.fileName() + " failed: " + e.getMessage()
                    + " (each statement is stored in one transaction: the failed one left nothing behind; the archived"
                    + " files are unchanged)", null);
        }

        Path archived;
        try {
            archived = archive.commit(staged, name);
        } catch (IOException e) {
            return Attempt.failed(request, Kind.ARCHIVE, "the statement was stored in the ledger, but archiving it as "
                    + name + " failed: " + e.getMessage() + " (the previous file is kept; the next run archives anew)",
                    null, null);
        }
        List<ArchiveName> replaced = new ArrayList<>();
        for (ArchiveName old : before) {
            if (old.date().isBefore(name.date())) {
                try {
                    archive.delete(old);
                    replaced.add(old);
                } catch (IOException e) {
                    progress.warn("Cannot delete " + old + ", which " + name + " replaces: " + e.getMessage());
                }
            } else if (old.date().isAfter(name.date())) {
                progress.warn("Kept " + old + ": it is newer than the statement just fetched, which ends on " + name.date());
            }
        }
        progress.info("Archived " + name + (replaced.isEmpty() ? "" : ", replacing " + replaced));
        return new Attempt(new Updated(request, name, archived, counts, replaced), firstOfMonth);
    }

    private StatementFile parse(Path staged, StatementRequest request) throws StatementRejectedException {
        String source = "statement of " + request;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(staged))) {
            return parser.parse(in, source);
        } catch (IOException e) {
            throw new StatementRejectedException(source, 0, null, null, "cannot read the downloaded file: " + e.getMessage(), e);
        }
    }

    /** The last day the file covers: the newest {@code toDate} of its statements. */
    private static Optional<LocalDate> newestDay(StatementFile file) {
        return file.statements().stream().map(Statement::toDate).filter(Objects::nonNull).max(LocalDate::compareTo);
    }

    /** The name a fetched file that names no query gets: {@code query<id>} and today. */
    private static ArchiveName fallbackName(StatementRequest request, LocalDate today) {
        return ArchiveName.of("query" + request.queryId(), today);
    }

    private Attempt rejected(StatementRequest request, Path staged, ArchiveName name, String message) {
        return keptAside(request, staged, name, Kind.STATEMENT_REJECTED,
                "the broker's answer is not a usable statement, nothing was stored: " + message, null);
    }

    private Attempt keptAside(StatementRequest request, Path staged, ArchiveName name, Kind kind, String message,
                              Integer code) {
        Path kept = null;
        try {
            kept = archive.keepAsideAsFailed(staged, name);
            message = message + "; the fetched file is kept as " + kept;
        } catch (IOException e) {
            message = message + "; keeping the fetched file aside failed too: " + e.getMessage();
            discard(staged);
        }
        return Attempt.failed(request, kind, message, code, kept);
    }

    private void discard(Path staged) {
        try {
            archive.discard(staged);
        } catch (IOException e) {
            progress.warn("Cannot remove the staging file " + staged + ": " + e.getMessage()
                    + " (the next run clears it)");
        }
    }
}
