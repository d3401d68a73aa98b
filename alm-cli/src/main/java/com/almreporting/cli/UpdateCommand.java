package com.almreporting.cli;

import com.almreporting.domain.port.in.UpdateFromBroker;
import com.almreporting.domain.port.in.UpdateOutcome;
import com.almreporting.domain.port.in.UpdateOutcome.Failed;
import com.almreporting.domain.port.in.UpdateOutcome.Updated;
import com.almreporting.domain.port.in.UpdateReport;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.UpdateFromBrokerService;
import com.almreporting.flex.archive.FileStatementArchive;
import com.almreporting.flex.client.FlexClientSettings;
import com.almreporting.flex.client.FlexToken;
import com.almreporting.flex.client.FlexWebServiceClient;
import com.almreporting.persistence.DatabaseConfig;
import com.almreporting.persistence.PersistenceModule;
import com.almreporting.persistence.ProcessLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alm update}: the daily job (DESIGN §8, §9). Under a lock file in the data directory (one run at a time), for
 * each Flex query: fetch the newest month-to-date statement from the Flex Web Service into the archive's staging area,
 * store it in the database (one transaction per statement), then archive it and delete the file it replaces. Progress
 * goes to the log (stderr, for journald); one line per stored statement to stdout; failures to stderr.
 *
 * <p>Exit codes: 0 every fetch stored (or another run holds the lock: it does the work); 4 the database or the archive
 * failed; 2 IBKR answered something that is not a statement; 3 IBKR unavailable (an error code, the deadline, the
 * network). With several failures, the most serious for the books decides, in that order.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"The daily job: fetch the newest month-to-date Flex statement of each query from IBKR's Flex Web"
                + " Service, store it in the database (one transaction per statement), and only then replace the previous"
                + " file in the archive <data-dir>/ibkr_flexquery/YYYY/MM/.",
                "On days 1..N of a month (--previous-month-days) the previous month is fetched once more, whole, for late"
                        + " corrections. Safe to run again at any time, and after missed days.",
                "Token: $IBKR_FLEX_TOKEN, or the file $IBKR_FLEX_TOKEN_FILE or --token-file names. Durations are in"
                        + " seconds, decimals allowed."},
        footer = {"", "Exit codes: 0 ok (or another run holds the lock), 1 usage, 2 statement rejected, 3 IBKR unavailable,"
                + " 4 database or archive error."})
final class UpdateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateCommand.class);
    static final String LOCK_FILE = "alm-update.lock";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    StatementOptions statements = new StatementOptions();

    @Option(names = "--query-id", split = ",", paramLabel = "ID",
            description = "Flex query id(s) to fetch, comma-separated (default: $IBKR_FLEX_QUERY_ID).")
    List<String> queryIds;

    @Option(names = "--first-wait", paramLabel = "SECONDS",
            description = "Wait between SendRequest and the first GetStatement (default: $ALM_FLEX_FIRST_WAIT or 15).")
    String firstWait;

    @Option(names = "--poll-interval", paramLabel = "SECONDS",
            description = "First interval between GetStatement polls, growing x1.5 up to 60 (default: $ALM_FLEX_POLL_INTERVAL"
                    + " or 10).")
    String pollInterval;

    @Option(names = "--deadline", paramLabel = "SECONDS",
            description = "Give up on a statement after this long (default: $ALM_FLEX_DEADLINE or 600).")
    String deadline;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Flex Web Service root, to which /SendRequest and /GetStatement are appended (default:"
                    + " $ALM_FLEX_BASE_URL or " + FlexClientSettings.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the Flex Web Service token (default: $IBKR_FLEX_TOKEN_FILE, else $IBKR_FLEX_TOKEN).")
    Path tokenFile;

    @Option(names = "--previous-month-days", paramLabel = "N",
            description = "On days 1..N of a month also fetch the previous month once more, 0..31 (default:"
                    + " $ALM_FLEX_PREVIOUS_MONTH_DAYS or 3).")
    Integer previousMonthDays;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "When another alm update is running, wait up to this long for it, else exit 0 with a message"
                    + " (default: ${DEFAULT-VALUE}).")
    String lockWait;

    // Below IBKR's documented limits only for tests: hidden.
    @Option(names = "--rate-limit-wait", hidden = true, description = "Wait after error 1018 (default: $ALM_FLEX_RATE_LIMIT_WAIT or 60).")
    String rateLimitWait;

    @Option(names = "--request-gap", hidden = true, description = "Least time between two requests (default: 1).")
    String requestGap;

    @Option(names = "--retry-wait", hidden = true, description = "First wait before retrying a failed HTTP exchange (default: 5).")
    String retryWait;

    @Option(names = "--request-timeout", hidden = true,
            description = "Limit of one HTTP exchange (default: $ALM_FLEX_REQUEST_TIMEOUT or 120).")
    String requestTimeout;

    /** The environment the defaults come from. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> queries;
        FlexClientSettings settings;
        int monthDays;
        Duration waitForLock;
        DatabaseConfig db;
        try {
            queries = queryIds();
            settings = settings();
            monthDays = previousMonthDays();
            waitForLock = FlexClientSettings.parseSeconds(lockWait, "--lock-wait");
            db = database.config();
        } catch (IllegalArgumentException e) {
            err.println("alm update: " + e.getMessage());
            return ExitCode.USAGE;
        }

        Path dataDirectory = db.dataDirectory();
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        Optional<ProcessLock> lock;
        try {
            lock = ProcessLock.acquire(lockFile, waitForLock);
        } catch (IOException e) {
            err.println("alm update: cannot take the lock " + lockFile + ": " + e.getMessage());
            return ExitCode.DATABASE;
        }
        if (lock.isEmpty()) {
            err.println("alm update: another alm update is running (" + ProcessLock.holder(lockFile) + ", lock " + lockFile
                    + "): it is doing this work; this run does nothing");
            return ExitCode.OK;
        }
        try (ProcessLock held = lock.get()) {
            LOG.debug("Holding {}", held.file());
            return run(queries, settings, monthDays, db, out, err);
        }
    }

    private int run(List<String> queries, FlexClientSettings settings, int monthDays, DatabaseConfig db,
                    PrintWriter out, PrintWriter err) {
        try (PersistenceModule persistence = DatabaseSession.open(db, true)) {
            FileStatementArchive archive = FileStatementArchive.inDataDirectory(db.dataDirectory());
            UpdateFromBroker job = new UpdateFromBrokerService(new FlexWebServiceClient(settings), statements.parser(),
                    new IngestStatementService(persistence.ledger()), archive, Clock.system(statements.statementZone),
                    monthDays, new LogProgress());
            LOG.info("alm update: {} query(ies), archive {}, {}", queries.size(), archive.root(), db.describe());
            UpdateReport report = job.update(queries);
            print(report, out, err);
            return exitCode(report);
        } catch (DatabaseSession.Unavailable e) {
            err.println("alm update: " + e.getMessage());
            return ExitCode.DATABASE;
        }
    }

    private static void print(UpdateReport report, PrintWriter out, PrintWriter err) {
        for (UpdateOutcome outcome : report.outcomes()) {
            if (outcome instanceof Updated updated) {
                for (IngestCounts c : updated.counts()) {
                    out.println(updated.name() + ": account " + c.account().masked() + ": " + c.inserted() + " inserted, "
                            + c.updated() + " updated, " + c.unchanged() + " unchanged, " + c.keptNewer()
                            + " kept (newer statement already stored)");
                }
                if (updated.counts().isEmpty()) {
                    out.println(updated.name() + ": no statement in the file");
                }
                if (!updated.replaced().isEmpty()) {
                    out.println(updated.name() + ": replaced " + updated.replaced());
                }
            } else if (outcome instanceof Failed failed) {
                err.println("alm update: " + failed.request() + ": " + failed.message());
            }
        }
        out.flush();
        err.flush();
    }

    static int exitCode(UpdateReport report) {
        return report.worstFailure().map(f -> switch (f.kind()) {
            case LEDGER, ARCHIVE -> ExitCode.DATABASE;
            case STATEMENT_REJECTED -> ExitCode.INPUT_REJECTED;
            case BROKER_UNAVAILABLE -> ExitCode.BROKER_UNAVAILABLE;
        }).orElse(ExitCode.OK);
    }

    private List<String> queryIds() {
        List<String> ids = queryIds == null
                ? FlexClientSettings.queryIdsFromEnvironment(environment)
                : FlexClientSettings.splitQueryIds(String.join(",", queryIds));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no Flex query to fetch: set IBKR_FLEX_QUERY_ID (comma-separated ids) or"
                    + " --query-id");
        }
        ids.forEach(com.almreporting.domain.port.out.StatementRequest::monthToDate); // validates each id
        return ids;
    }

    private FlexClientSettings settings() {
        FlexToken token = tokenFile != null ? FlexToken.fromFile(tokenFile) : FlexClientSettings.tokenFromEnvironment(environment);
        FlexClientSettings s = FlexClientSettings.fromEnvironment(environment, token);
        if (baseUrl != null) {
            try {
                s = s.withBaseUrl(new URI(baseUrl.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--base-url is not a URL: " + FlexToken.redactParameter(baseUrl), null);
            }
        }
        if (firstWait != null) {
            s = s.withFirstWait(FlexClientSettings.parseSeconds(firstWait, "--first-wait"));
        }
        if (pollInterval != null) {
            s = s.withPollInterval(FlexClientSettings.parseSeconds(pollInterval, "--poll-interval"));
        }
        if (deadline != null) {
            s = s.withDeadline(FlexClientSettings.parseSeconds(deadline, "--deadline"));
        }
        if (rateLimitWait != null) {
            s = s.withRateLimitWait(FlexClientSettings.parseSeconds(rateLimitWait, "--rate-limit-wait"));
        }
        if (requestGap != null) {
            s = s.withMinRequestGap(FlexClientSettings.parseSeconds(requestGap, "--request-gap"));
        }
        if (retryWait != null) {
            s = s.withRetryWait(FlexClientSettings.parseSeconds(retryWait, "--retry-wait"));
        }
        if (requestTimeout != null) {
            s = s.withRequestTimeout(FlexClientSettings.parseSeconds(requestTimeout, "--request-timeout"));
        }
        return s;
    }

    private int previousMonthDays() {
        Integer days = previousMonthDays;
        if (days == null) {
            String env = environment.get("ALM_FLEX_PREVIOUS_MONTH_DAYS");
            try {
                days = env == null || env.isBlank() ? UpdateFromBrokerService.DEFAULT_PREVIOUS_MONTH_DAYS
                        : Integer.parseInt(env.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ALM_FLEX_PREVIOUS_MONTH_DAYS must be a number of days, was '" + env + "'", e);
            }
        }
        if (days < 0 || days > 31) {
            throw new IllegalArgumentException("the days on which the previous month is fetched again must be 0..31, was "
                    + days);
        }
        return days;
    }

    /** The job's steps, to the log. */
    private static final class LogProgress implements UpdateFromBroker.Progress {
        @Override
        public void info(String message) {
            LOG.info(message);
        }

        @Override
        public void warn(String message) {
            LOG.warn(message);
        }
    }
}
