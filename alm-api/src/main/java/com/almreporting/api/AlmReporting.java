package com.almreporting.api;

import com.almreporting.domain.port.in.UpdateFromBroker;
import com.almreporting.domain.port.in.UpdateReport;
import com.almreporting.domain.service.UpdateFromBrokerService;
import com.almreporting.flex.archive.FileStatementArchive;
import com.almreporting.flex.client.FlexClientSettings;
import com.almreporting.flex.client.FlexWebServiceClient;
import java.time.Clock;
import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.IngestCounts;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.PremiumPolicy;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.flex.parser.DateOrder;
import com.almreporting.flex.parser.FlexStatementParser;
import com.almreporting.flex.parser.MissingColumnPolicy;
import com.almreporting.gateway.GatewayConfig;
import com.almreporting.gateway.TwsLiveAccount;
import com.almreporting.persistence.DatabaseConfig;
import com.almreporting.report.ReportRenderer;
import com.almreporting.report.html.HtmlRenderer;
import com.almreporting.report.json.JsonRenderer;
import com.almreporting.report.markdown.MarkdownRenderer;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;

/**
 * ALM Reporting as a library: one object that stores IBKR Flex statements in a ledger, builds the daily narrative
 * NAV report of a date range from it, and renders that report as Markdown, HTML or JSON.
 *
 * <p>Create it in memory ({@link #inMemory()}: replay and tests, nothing persists), on the application's own
 * {@link DataSource} (a PostgreSQL database, migrated with Flyway on build), on the embedded PostgreSQL, or from the
 * environment the CLI reads ({@code ALM_DB_URL}, {@code ALM_DATA_DIR}, …):
 *
 * <pre>{@code
 * try (AlmReporting alm = AlmReporting.builder()
 *         .dataSource(applicationDataSource)
 *         .observerZone(ZoneId.of("Europe/Zurich"))
 *         .build()) {
 *     AlmReporting.IngestResult stored = alm.ingest(Path.of("U1234567_MTD_20250718.xml"));
 *     NarrativeReport report = alm.report(LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18));
 *     String html = alm.render(report, AlmReporting.Format.HTML);
 * }
 * }</pre>
 *
 * <p>The report is the domain's immutable {@link NarrativeReport}: every figure as a {@code BigDecimal}, every time
 * an {@code Instant}; the renderers only format it. The daily download from the Flex Web Service is not part of
 * this API yet.
 *
 * <p>Thread-safe: its settings are fixed when it is built, and both ledgers (in memory, database) accept
 * concurrent use. {@link #close()} stops an embedded database this object started; a {@link DataSource} given by
 * the application is never closed.
 */
public final class AlmReporting implements AutoCloseable {

    /**
     * The report formats of {@link AlmReporting#render(NarrativeReport, Format)}, the same as the CLI's
     * {@code --format}.
     *
     * <pre>{@code
     * String json = alm.render(report, AlmReporting.Format.JSON);
     * }</pre>
     */
    public enum Format {
        /** The ground-truth narrative: summary table, then each trading day told in order. */
        MARKDOWN,
        /** One self-contained page (no scripts, no fetches) with inline SVG charts of the NAV. */
        HTML,
        /** The versioned JSON document (schema 1.0): every figure an exact decimal string. */
        JSON;

        ReportRenderer renderer() {
            return switch (this) {
                case MARKDOWN -> new MarkdownRenderer();
                case HTML -> new HtmlRenderer();
                case JSON -> new JsonRenderer();
            };
        }
    }

    /**
     * What one {@link AlmReporting#ingest(Path) ingest} stored: the source's name, the SHA-256 of its bytes (hex)
     * and, per statement in the file (one per account), how many rows were new, changed, unchanged, or left alone
     * because a newer statement had already written them. Re-ingesting a file changes nothing:
     * {@code inserted() + updated() == 0}.
     *
     * <pre>{@code
     * AlmReporting.IngestResult stored = alm.ingest(Path.of("U1234567_MTD_20250718.xml"));
     * log.info("{}: {} rows new", stored.source(), stored.inserted());
     * }</pre>
     *
     * <p>Immutable.
     *
     * @param source     the file name (or the name given with a stream)
     * @param sha256     SHA-256 of the bytes read, lower-case hex
     * @param statements what storing each statement changed, in file order
     */
    public record IngestResult(String source, String sha256, List<IngestCounts> statements) {

        /**
         * Validates and copies.
         *
         * @param source     the file name (or the name given with a stream)
         * @param sha256     SHA-256 of the bytes read, lower-case hex
         * @param statements what storing each statement changed, in file order
         */
        public IngestResult {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(sha256, "sha256");
            statements = List.copyOf(statements);
        }

        /**
         * The accounts the file held, in file order.
         *
         * @return one id per statement
         */
        public List<AccountId> accounts() {
            return statements.stream().map(IngestCounts::account).toList();
        }

        /**
         * Rows new to the ledger, over all statements.
         *
         * @return the sum of {@link IngestCounts#inserted()}
         */
        public int inserted() {
            return sum(IngestCounts::inserted);
        }

        /**
         * Rows whose stored content changed, over all statements.
         *
         * @return the sum of {@link IngestCounts#updated()}
         */
        public int updated() {
            return sum(IngestCounts::updated);
        }

        /**
         * Rows already stored as they are, over all statements.
         *
         * @return the sum of {@link IngestCounts#unchanged()}
         */
        public int unchanged() {
            return sum(IngestCounts::unchanged);
        }

        /**
         * Rows left alone because a newer statement had already written them, over all statements.
         *
         * @return the sum of {@link IngestCounts#keptNewer()}
         */
        public int keptNewer() {
            return sum(IngestCounts::keptNewer);
        }

        private int sum(ToIntFunction<IngestCounts> field) {
            return statements.stream().mapToInt(field).sum();
        }
    }

    private final Storage storage;
    private final FlexStatementParser parser;
    private final ReportSettings settings;
    private final GatewayConfig gateway; // null: IB_GATEWAY_* when a live report is asked for
    private final ZoneId statementZone;
    private final IngestStatementService ingest;
    private final NarrativeReportService reports;
    private volatile boolean closed;

    private AlmReporting(Storage storage, FlexStatementParser parser, ReportSettings settings, GatewayConfig gateway,
                         ZoneId statementZone) {
        this.storage = storage;
        this.statementZone = statementZone;
        this.parser = parser;
        this.settings = settings;
        this.gateway = gateway;
        this.ingest = new IngestStatementService(storage.ledger());
        this.reports = new NarrativeReportService(storage.ledger(), NyseCalendar.instance());
    }

    /**
     * An instance with an in-memory ledger and the default settings: for replays and tests, nothing persists.
     * The same as {@code AlmReporting.builder().build()}.
     *
     * <pre>{@code
     * try (AlmReporting alm = AlmReporting.inMemory()) {
     *     alm.ingest(Path.of("statement.xml"));
     *     NarrativeReport report = alm.report(LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18));
     * }
     * }</pre>
     *
     * @return a new, empty instance
     */
    public static AlmReporting inMemory() {
        return builder().build();
    }

    /**
     * A builder, set to an in-memory ledger and the default settings (observer zone Asia/Hong_Kong, Flex times
     * without a suffix in America/New_York, premium policy {@code zero-dte-premium}, block gap 5 minutes, baseline
     * 928,200.00 HKD, gateway from {@code IB_GATEWAY_*}).
     *
     * <pre>{@code
     * AlmReporting alm = AlmReporting.builder().embeddedDatabase(Path.of("/var/lib/alm"), 54329).build();
     * }</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a Flex XML statement file and stores every statement in it (idempotent: storing the same file again,
     * or overlapping month-to-date files in any order, ends in the same rows; a newer statement always wins). A
     * file that does not parse is rejected before the ledger is touched.
     *
     * <pre>{@code
     * AlmReporting.IngestResult stored = alm.ingest(Path.of("U1234567_MTD_20250718.xml"));
     * }</pre>
     *
     * @param file a Flex XML statement
     * @return what was stored
     * @throws StatementRejectedException when the file cannot be read or parsed (file, line, element and attribute
     *                                    named in the message)
     */
    public IngestResult ingest(Path file) throws StatementRejectedException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return ingest(in, name);
        } catch (IOException e) {
            throw new StatementRejectedException(name, 0, null, null, "cannot read the file: " + e, e);
        }
    }

    /**
     * Parses a Flex XML statement from a stream and stores every statement in it, as {@link #ingest(Path)}. The
     * stream is read to its end and not closed.
     *
     * <pre>{@code
     * try (InputStream xml = getClass().getResourceAsStream("/statements/U1234567_MTD.xml")) {
     *     alm.ingest(xml, "U1234567_MTD.xml");
     * }
     * }</pre>
     *
     * @param in   the statement's bytes
     * @param name the name recorded as the statement's origin and used in error messages
     * @return what was stored
     * @throws StatementRejectedException when the stream cannot be read or parsed
     */
    public IngestResult ingest(InputStream in, String name) throws StatementRejectedException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        ensureOpen();
        DigestInputStream digesting = new DigestInputStream(in, sha256());
        // The parser closes what it reads; the rest of the bytes still belong in the digest, and the stream to the caller.
        InputStream unclosable = new FilterInputStream(digesting) {
            @Override
            public void close() {
            }
        };
        StatementFile parsed = parser.parse(new BufferedInputStream(unclosable), name);
        try {
            digesting.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new StatementRejectedException(name, 0, null, null, "cannot read the stream: " + e, e);
        }
        String sha = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        List<IngestCounts> counts = ingest.ingest(parsed, new StatementOrigin(name, sha));
        return new IngestResult(name, sha, counts);
    }

    /**
     * The narrative report of trading days {@code from}..{@code to} (inclusive), for the ledger's only account.
     *
     * <pre>{@code
     * NarrativeReport report = alm.report(LocalDate.of(2025, 7, 17), LocalDate.of(2025, 7, 18));
     * BigDecimal close = report.day(LocalDate.of(2025, 7, 18)).close().officialClose();
     * }</pre>
     *
     * @param from first trading day
     * @param to   last trading day, not before {@code from}
     * @return the immutable report model
     * @throws IllegalArgumentException when the range is empty or the ledger holds no account or several
     */
    public NarrativeReport report(LocalDate from, LocalDate to) {
        return report(from, to, null);
    }

    /**
     * The narrative report of trading days {@code from}..{@code to} (inclusive) of one account.
     *
     * <pre>{@code
     * NarrativeReport report = alm.report(from, to, AccountId.of("U1234567"));
     * }</pre>
     *
     * @param from    first trading day
     * @param to      last trading day, not before {@code from}
     * @param account the account; null when the ledger holds exactly one
     * @return the immutable report model
     * @throws IllegalArgumentException when the range is empty or the account is unknown
     */
    public NarrativeReport report(LocalDate from, LocalDate to, AccountId account) {
        ensureOpen();
        return reports.report(new ReportRequest(account, from, to, settings));
    }

    /**
     * The report of {@code from}..{@code to} with today's trading day added from IB Gateway: a live summary row and
     * a current-day section ending at the snapshot (its NetLiquidation as the current NAV). The gateway is the
     * builder's {@link Builder#gateway(GatewayConfig)}, by default {@code IB_GATEWAY_*} from the environment; the
     * wait is bounded by its timeout.
     *
     * <pre>{@code
     * NarrativeReport report = alm.reportWithLive(LocalDate.now().minusDays(7), LocalDate.now());
     * }</pre>
     *
     * @param from first trading day
     * @param to   last trading day, not before {@code from}
     * @return the immutable report model, with the live day
     * @throws LiveAccountUnavailableException when the gateway is down, refuses or does not answer in time (the
     *                                         reason says what to check)
     */
    public NarrativeReport reportWithLive(LocalDate from, LocalDate to) throws LiveAccountUnavailableException {
        ensureOpen();
        GatewayConfig config = gateway != null ? gateway : GatewayConfig.fromEnvironment();
        LiveSnapshot snapshot = new TwsLiveAccount(config).snapshot(config.timeout());
        return reports.report(new ReportRequest(null, from, to, settings), snapshot);
    }

    /**
     * Runs the daily job once, as {@code alm update} does: for each Flex query, requests the newest month-to-date
     * statement from IBKR's Flex Web Service (request, poll, download), stores it in this instance's ledger (one
     * transaction per statement) and only then makes it the newest file of
     * {@code <archiveDataDirectory>/ibkr_flexquery/YYYY/MM/}, deleting the previous one. The token, the query ids and
     * the waits come from the environment as the CLI reads them ({@code IBKR_FLEX_TOKEN} or
     * {@code IBKR_FLEX_TOKEN_FILE}, {@code IBKR_FLEX_QUERY_ID}, {@code ALM_FLEX_*}); the token is never logged.
     * What happened to each query, including IBKR's error codes, is in the returned report.
     *
     * <pre>{@code
     * UpdateReport report = alm.update(Path.of("/var/lib/alm"));
     * }</pre>
     *
     * @throws IllegalArgumentException when no token or no query id is configured
     */
    public UpdateReport update(Path archiveDataDirectory) {
        ensureOpen();
        Map<String, String> env = System.getenv();
        List<String> queryIds = FlexClientSettings.queryIdsFromEnvironment(env);
        if (queryIds.isEmpty()) {
            throw new IllegalArgumentException("no Flex query: set IBKR_FLEX_QUERY_ID (comma-separated for several)");
        }
        FlexClientSettings flex = FlexClientSettings.fromEnvironment(env, FlexClientSettings.tokenFromEnvironment(env));
        UpdateFromBroker job = new UpdateFromBrokerService(new FlexWebServiceClient(flex), parser, ingest,
                FileStatementArchive.inDataDirectory(archiveDataDirectory), Clock.system(statementZone),
                UpdateFromBrokerService.DEFAULT_PREVIOUS_MONTH_DAYS, UpdateFromBroker.Progress.NONE);
        return job.update(queryIds);
    }

    /**
     * Renders a report; the same text as the CLI writes with {@code --format md|html|json}.
     *
     * <pre>{@code
     * Files.writeString(Path.of("report.html"), alm.render(report, AlmReporting.Format.HTML));
     * }</pre>
     *
     * @param report a report of this or any other instance
     * @param format the output format
     * @return the whole document
     */
    public String render(NarrativeReport report, Format format) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(format, "format");
        return format.renderer().render(report);
    }

    /**
     * Stops the embedded database if this instance started it; a {@link DataSource} given to the builder is left
     * open. Idempotent; afterwards {@code ingest} and {@code report} throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            storage.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this AlmReporting is closed");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * Configures an {@link AlmReporting}: where the ledger lives (in memory unless told otherwise; the last of
     * {@link #inMemory()}, {@link #dataSource(DataSource)}, {@link #embeddedDatabase(Path, int)} and
     * {@link #fromEnvironment()} wins) and how reports are built.
     *
     * <pre>{@code
     * AlmReporting alm = AlmReporting.builder()
     *         .fromEnvironment()
     *         .premiumPolicy(PremiumPolicy.REALIZED_ONLY)
     *         .blockGap(Duration.ofMinutes(10))
     *         .build();
     * }</pre>
     *
     * <p>Mutable and not thread-safe: configure it on one thread; each {@link #build()} makes an independent
     * instance.
     */
    public static final class Builder {

        private enum Where { IN_MEMORY, DATA_SOURCE, DATABASE, ENVIRONMENT }

        private Where where = Where.IN_MEMORY;
        private DataSource dataSource;
        private DatabaseConfig database;
        private boolean migrate = true;
        private ZoneId statementZone = ZoneId.of("America/New_York");
        private ReportSettings settings = ReportSettings.defaults();
        private GatewayConfig gateway;

        private Builder() {
        }

        /**
         * Keeps the ledger in memory (the default): nothing persists beyond the instance.
         *
         * @return this builder
         */
        public Builder inMemory() {
            where = Where.IN_MEMORY;
            return this;
        }

        /**
         * Keeps the ledger in the application's PostgreSQL database (schema {@code alm_reporting}). The schema is
         * migrated with Flyway when the instance is built, unless {@link #migrate(boolean) migrate(false)}. The
         * data source is never closed by the instance.
         *
         * @param dataSource a PostgreSQL data source, ideally pooled
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            where = Where.DATA_SOURCE;
            return this;
        }

        /**
         * Keeps the ledger in an embedded PostgreSQL 17 (real binaries, bound to 127.0.0.1) whose data lives in
         * {@code dataDir/pgdata}; started when the instance is built, stopped when it is closed. Should another alm
         * process already run that server, it is used instead, and left to that process to stop.
         *
         * @param dataDir the data directory (created if absent)
         * @param port    the server's port on 127.0.0.1
         * @return this builder
         */
        public Builder embeddedDatabase(Path dataDir, int port) {
            this.database = DatabaseConfig.embedded(Objects.requireNonNull(dataDir, "dataDir"), port);
            where = Where.DATABASE;
            return this;
        }

        /**
         * Finds the database as the CLI does, when the instance is built: {@code ALM_DB_URL} (with
         * {@code ALM_DB_USER}, {@code ALM_DB_PASSWORD}) for an external server, otherwise the embedded one in
         * {@code ALM_DATA_DIR} (default {@code ~/.local/share/alm}) on {@code ALM_DB_PORT} (default 54329).
         *
         * @return this builder
         */
        public Builder fromEnvironment() {
            where = Where.ENVIRONMENT;
            return this;
        }

        /**
         * Whether to apply pending schema migrations when the instance is built (default true); false for an
         * application that migrates the schema itself or reads a database it must not change.
         *
         * @param migrate apply pending migrations
         * @return this builder
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * The zone in which reports show times first (default Asia/Hong_Kong); New York time follows.
         *
         * @param zone the observer's zone
         * @return this builder
         */
        public Builder observerZone(ZoneId zone) {
            settings = settings.withObserverZone(Objects.requireNonNull(zone, "zone"));
            return this;
        }

        /**
         * The zone of Flex times that carry no zone suffix (default America/New_York, IBKR's default; it follows a
         * per-user setting of the Flex query).
         *
         * @param zone the statement's zone
         * @return this builder
         */
        public Builder statementZone(ZoneId zone) {
            statementZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * When the premium of options sold is recognised (default {@link PremiumPolicy#ZERO_DTE_PREMIUM}: at sale
         * for contracts expiring that trading day).
         *
         * @param policy the premium policy
         * @return this builder
         */
        public Builder premiumPolicy(PremiumPolicy policy) {
            settings = settings.withPolicy(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * The largest gap between executions told as one block (default 5 minutes).
         *
         * @param gap not negative
         * @return this builder
         * @throws IllegalArgumentException when the gap is negative
         */
        public Builder blockGap(Duration gap) {
            settings = settings.withBlockGap(Objects.requireNonNull(gap, "gap"));
            return this;
        }

        /**
         * The amount the cumulative return is measured against (default 928,200.00 HKD, the initial deposit).
         *
         * @param amount   positive
         * @param currency its currency code, e.g. {@code "HKD"}
         * @return this builder
         * @throws IllegalArgumentException when the amount is not positive
         */
        public Builder baseline(BigDecimal amount, String currency) {
            settings = settings.withBaseline(Objects.requireNonNull(amount, "amount"),
                    Objects.requireNonNull(currency, "currency"));
            return this;
        }

        /**
         * Where IB Gateway is, for {@link AlmReporting#reportWithLive(LocalDate, LocalDate)} (default
         * {@link GatewayConfig#fromEnvironment()}: {@code IB_GATEWAY_HOST}, {@code _PORT}, {@code _CLIENT_ID},
         * {@code _TIMEOUT}).
         *
         * @param config the gateway's address, client id and timeout
         * @return this builder
         */
        public Builder gateway(GatewayConfig config) {
            gateway = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Opens the ledger (starting the embedded database and migrating, as configured) and returns the instance.
         *
         * @return a new instance; close it to stop an embedded database
         * @throws IllegalArgumentException when the environment's settings are malformed
         * @throws RuntimeException         when the database cannot be opened or migrated
         */
        public AlmReporting build() {
            Storage storage = switch (where) {
                case IN_MEMORY -> Storage.inMemory();
                case DATA_SOURCE -> Storage.dataSource(dataSource, migrate);
                case DATABASE -> Storage.database(database, migrate);
                case ENVIRONMENT -> Storage.database(DatabaseConfig.fromEnvironment(), migrate);
            };
            FlexStatementParser parser = new FlexStatementParser(statementZone, DateOrder.US, MissingColumnPolicy.REJECT);
            return new AlmReporting(storage, parser, settings, gateway, statementZone);
        }
    }
}
