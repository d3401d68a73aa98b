package com.almreporting.flex.client;

import com.almreporting.domain.port.out.BrokerUnavailableException;
import com.almreporting.domain.port.out.FetchedStatement;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.port.out.StatementRequest;
import com.almreporting.domain.port.out.StatementSource;
import com.almreporting.flex.client.FlexResponses.Body;
import com.almreporting.flex.client.FlexResponses.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IBKR Flex Web Service v3 as a {@link StatementSource}: SendRequest ({@code t}, {@code q}, {@code v=3}, and
 * {@code fd}/{@code td} for a period override) answers a reference code and a {@code Url}; GetStatement is then
 * polled (first wait, interval growing by the back-off factor up to a cap, overall deadline) until the statement
 * arrives. Every documented error code is handled as {@link FlexErrorCode} says. GetStatement goes to the
 * returned {@code Url} first, then to the configured base URL (IBKR's hosts are in flux, FLEX-FACTS §3.1).
 *
 * <p>Transport: {@link HttpClient}, a User-Agent on every request, each exchange (body included) bounded by the
 * request timeout, connection failures, resets, timeouts and HTTP 408/429/5xx retried a bounded number of times.
 * Bodies are streamed to a file beside the target, so a statement of any size takes no memory; a body that is not
 * a Flex XML answer (an HTML page, CSV, an unknown document) is rejected with a {@link StatementRejectedException}
 * that says what it is, and left in the target for the operator to inspect; it is never taken for a statement.
 *
 * <p>The token travels only in the {@code t} parameter; every log line, message and exception this class produces
 * is redacted ({@link FlexToken#redact(String)}), and exceptions from the transport are not chained as causes (their
 * messages could hold the URL): a redacted copy is.
 *
 * <p>Thread-safe: fetches are serialised (IBKR's rate limit is per token).
 */
public final class FlexWebServiceClient implements StatementSource {

    private static final Logger LOG = LoggerFactory.getLogger(FlexWebServiceClient.class);
    private static final String VERSION = "3";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final FlexClientSettings settings;
    private final FlexToken token;
    private final PollTimer timer;
    private final HttpClient http;
    private long lastRequestAt;
    private boolean requested;
    private int bodyCounter;

    public FlexWebServiceClient(FlexClientSettings settings) {
        this(settings, PollTimer.SYSTEM);
    }

    public FlexWebServiceClient(FlexClientSettings settings, PollTimer timer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.token = settings.token();
        this.timer = Objects.requireNonNull(timer, "timer");
        Duration connect = settings.requestTimeout().compareTo(Duration.ofSeconds(30)) < 0
                ? settings.requestTimeout() : Duration.ofSeconds(30);
        this.http = HttpClient.newBuilder()
                .connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public synchronized FetchedStatement fetch(StatementRequest request, Path target)
            throws BrokerUnavailableException, StatementRejectedException, IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(target, "target");
        Deadline deadline = new Deadline(request);
        int restarts = 0;
        restart:
        while (true) {
            Reference reference = sendRequest(request, target, deadline);
            List<URI> hosts = statementHosts(reference);
            LOG.info("Flex SendRequest for {}: reference code {}; GetStatement from {}; first poll in {}", request,
                    reference.code(), hosts.stream().map(FlexWebServiceClient::hostOf).toList(), seconds(settings.firstWait()));
            deadline.pause(settings.firstWait(), null, false);
            Duration interval = settings.pollInterval();
            while (true) {
                Answer answer = exchange(hosts, "GetStatement", reference.code(), null, target, deadline, true);
                if (answer instanceof Delivered delivered) {
                    LOG.info("Flex GetStatement for {}: statement received from {}, {} bytes", request,
                            hostOf(delivered.host()), delivered.fetched().bytes());
                    return delivered.fetched();
                }
                Replied replied = (Replied) answer;
                hosts = answeredFirst(hosts, replied.host());
                Envelope envelope = replied.envelope();
                FlexErrorCode code = errorCode(envelope, "GetStatement", request);
                switch (code.handling()) {
                    case IN_PROGRESS, RETRY -> {
                        LOG.info("Flex GetStatement for {}: {} ({}); next poll in {}", request, say(envelope),
                                code.advice(), seconds(interval));
                        deadline.pause(interval, envelope, false);
                        interval = grow(interval);
                    }
                    case RATE_LIMITED -> {
                        Duration wait = max(settings.rateLimitWait(), interval);
                        LOG.warn("Flex GetStatement for {}: {} ({}); waiting {} before the next request", request,
                                say(envelope), code.advice(), seconds(wait));
                        deadline.pause(wait, envelope, true);
                    }
                    case RESTART -> {
                        restarts++;
                        if (restarts > settings.maxRestarts()) {
                            throw stop(request, envelope, code, " (after " + settings.maxRestarts()
                                    + " new SendRequests; IBKR keeps discarding the reference code: try again later)");
                        }
                        LOG.warn("Flex GetStatement for {}: {}: starting over with a new SendRequest ({} of {})", request,
                                say(envelope), restarts, settings.maxRestarts());
                        deadline.pause(interval, envelope, false);
                        continue restart;
                    }
                    case STOP -> throw stop(request, envelope, code, "");
                    default -> throw new IllegalStateException("unhandled " + code.handling());
                }
            }
        }
    }

    /** SendRequest until IBKR answers a reference code; retryable codes wait as while polling. */
    private Reference sendRequest(StatementRequest request, Path target, Deadline deadline)
            throws BrokerUnavailableException, StatementRejectedException, IOException {
        Duration interval = settings.pollInterval();
        while (true) {
            Answer answer = exchange(List.of(settings.baseUrl()), "SendRequest", request.queryId(), request, target, deadline,
                    false);
            Envelope envelope = ((Replied) answer).envelope();
            if (envelope.success() && envelope.errorCode() == null) {
                if (envelope.referenceCode() == null || !envelope.referenceCode().matches("[A-Za-z0-9_-]{1,64}")) {
                    throw new BrokerUnavailableException("the Flex Web Service answered SendRequest for " + request
                            + " with Success but no usable reference code: try again later", null, true);
                }
                return new Reference(envelope.referenceCode(), envelope.url());
            }
            FlexErrorCode code = errorCode(envelope, "SendRequest", request);
            switch (code.handling()) {
                case RETRY, IN_PROGRESS, RESTART -> {
                    LOG.info("Flex SendRequest for {}: {} ({}); asking again in {}", request, say(envelope), code.advice(),
                            seconds(interval));
                    deadline.pause(interval, envelope, false);
                    interval = grow(interval);
                }
                case RATE_LIMITED -> {
                    Duration wait = max(settings.rateLimitWait(), interval);
                    LOG.warn("Flex SendRequest for {}: {} ({}); waiting {} before the next request", request, say(envelope),
                            code.advice(), seconds(wait));
                    deadline.pause(wait, envelope, true);
                }
                case STOP -> throw stop(request, envelope, code, "");
                default -> throw new IllegalStateException("unhandled " + code.handling());
            }
        }
    }

    /** The documented code of an envelope that is not a success; an undocumented or missing one stops. */
    private FlexErrorCode errorCode(Envelope envelope, String endpoint, StatementRequest request)
            throws BrokerUnavailableException {
        if (envelope.errorCode() == null) {
            if ("Warn".equalsIgnoreCase(envelope.status())) {
                return FlexErrorCode.GENERATION_IN_PROGRESS;
            }
            throw new BrokerUnavailableException(redact("the Flex Web Service answered " + endpoint + " for " + request
                    + " with " + say(envelope) + " and no error code: try again later; if it persists, check the token and"
                    + " the query in Client Portal"), null, false);
        }
        return FlexErrorCode.of(envelope.errorCode()).orElseThrow(() -> new BrokerUnavailableException(redact(
                "IBKR Flex Web Service error " + envelope.errorCode() + " for " + request + ": " + say(envelope)
                        + " (an undocumented code: see IBKR's Flex Web Service error table)"), envelope.errorCode(), false));
    }

    private BrokerUnavailableException stop(StatementRequest request, Envelope envelope, FlexErrorCode code, String more) {
        String text = envelope.errorMessage() == null || envelope.errorMessage().isBlank() ? ""
                : " (\"" + envelope.errorMessage().strip() + "\")";
        String message = "IBKR Flex Web Service error " + code.code() + text + " for " + request + ": " + code.advice() + more;
        return new BrokerUnavailableException(redact(message), code.code(), code.isTransient());
    }

    /** The GetStatement URLs to try: the {@code Url} IBKR returned (when usable), then the configured base URL. */
    private List<URI> statementHosts(Reference reference) {
        List<URI> roots = new ArrayList<>();
        if (reference.url() != null) {
            try {
                URI url = new URI(reference.url().strip());
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                boolean downgrade = scheme.equals("http") && "https".equalsIgnoreCase(settings.baseUrl().getScheme());
                if (url.isAbsolute() && url.getHost() != null && (scheme.equals("https") || scheme.equals("http"))
                        && !downgrade && url.getRawQuery() == null) {
                    String path = url.getRawPath() == null ? "" : url.getRawPath();
                    String root = path.endsWith("/GetStatement")
                            ? url.toString().substring(0, url.toString().length() - "/GetStatement".length())
                            : url.toString().replaceAll("/+$", "");
                    roots.add(URI.create(root));
                } else {
                    LOG.warn("Ignoring the GetStatement Url IBKR returned ({}): not an https URL without a query",
                            FlexResponses.excerpt(reference.url()));
                }
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                LOG.warn("Ignoring the GetStatement Url IBKR returned: not a URL ({})", FlexResponses.excerpt(reference.url()));
            }
        }
        if (roots.stream().noneMatch(r -> r.equals(settings.baseUrl()))) {
            roots.add(settings.baseUrl());
        }
        return roots;
    }

    /** {@code hosts} with the one that answered first: the next polls need not wait for a host that did not. */
    private static List<URI> answeredFirst(List<URI> hosts, URI answered) {
        if (hosts.get(0).equals(answered)) {
            return hosts;
        }
        List<URI> reordered = new ArrayList<>(hosts);
        reordered.remove(answered);
        reordered.add(0, answered);
        return reordered;
    }

    private URI uri(URI root, String endpoint, String q, StatementRequest overrides) {
        StringBuilder url = new StringBuilder(root.toString()).append('/').append(endpoint)
                .append("?t=").append(URLEncoder.encode(token.value(), StandardCharsets.UTF_8))
                .append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8))
                .append("&v=").append(VERSION);
        if (overrides != null && overrides.overridesPeriod()) {
            url.append("&fd=").append(overrides.from().format(YYYYMMDD)).append("&td=").append(overrides.to().format(YYYYMMDD));
        }
        return URI.create(url.toString());
    }

    private sealed interface Answer permits Replied, Delivered {
    }

    private record Replied(Envelope envelope, URI host) implements Answer {
    }

    private record Delivered(FetchedStatement fetched, URI host) implements Answer {
    }

    private record Reference(String code, String url) {
    }

    /**
     * One logical request: each root in turn, and the whole round again (bounded) when the failures were of the
     * transport. Returns the first envelope or statement any root answers.
     */
    private Answer exchange(List<URI> roots, String endpoint, String q, StatementRequest overrides, Path target,
                            Deadline deadline, boolean statementExpected)
            throws BrokerUnavailableException, StatementRejectedException, IOException {
        Duration retryWait = settings.retryWait();
        for (int attempt = 1; ; attempt++) {
            List<String> problems = new ArrayList<>();
            boolean transientProblem = false;
            Path rejectedBody = null;
            String rejection = null;
            try {
                for (URI root : roots) {
                    URI uri = uri(root, endpoint, q, overrides);
                    Path body = newBodyFile(target);
                    HttpResponse<Path> response;
                    try {
                        response = send(uri, body);
                    } catch (DownloadFile.WriteFailed e) {
                        try {
                            Files.deleteIfExists(body);
                        } catch (IOException cleanup) {
                            e.addSuppressed(cleanup); // a read-only disk refuses the delete too; the write failure says why
                        }
                        throw e; // this machine's disk, not IBKR: no retry, no "unavailable"
                    } catch (IOException e) {
                        Files.deleteIfExists(body);
                        problems.add(hostOf(root) + ": " + describe(e));
                        transientProblem = true;
                        continue;
                    }
                    int status = response.statusCode();
                    if (status / 100 != 2) {
                        Body what = FlexResponses.sniff(body);
                        String problem = hostOf(root) + ": HTTP " + status
                                + (what.kind() == FlexResponses.Kind.NOT_A_RESPONSE ? " with " + what.description() : "");
                        problems.add(problem);
                        if (status >= 500 || status == 429 || status == 408) {
                            transientProblem = true;
                            Files.deleteIfExists(body);
                        } else {
                            rejectedBody = replace(rejectedBody, body);
                            rejection = problem;
                        }
                        continue;
                    }
                    Body what = FlexResponses.sniff(body);
                    switch (what.kind()) {
                        case ENVELOPE -> {
                            Envelope envelope;
                            try {
                                envelope = FlexResponses.readEnvelope(body);
                            } catch (XMLStreamException e) {
                                String problem = hostOf(root) + ": a malformed Flex Web Service response ("
                                        + FlexResponses.excerpt(e.getMessage()) + ")";
                                problems.add(problem);
                                rejectedBody = replace(rejectedBody, body);
                                rejection = problem;
                                continue;
                            }
                            Files.deleteIfExists(body);
                            return new Replied(envelope, root);
                        }
                        case STATEMENT -> {
                            if (!statementExpected) {
                                String problem = hostOf(root) + ": a statement where a SendRequest response was expected";
                                problems.add(problem);
                                rejectedBody = replace(rejectedBody, body);
                                rejection = problem;
                                continue;
                            }
                            Files.move(body, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                            return new Delivered(digest(target), root);
                        }
                        case NOT_A_RESPONSE -> {
                            String problem = hostOf(root) + ": " + what.description();
                            problems.add(problem);
                            rejectedBody = replace(rejectedBody, body);
                            rejection = problem;
                        }
                        default -> throw new IllegalStateException("unhandled " + what.kind());
                    }
                }
                if (!transientProblem && rejection != null) {
                    Files.move(rejectedBody, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    rejectedBody = null;
                    throw new StatementRejectedException("Flex Web Service " + endpoint, 0, null, null, redact(
                            "the answer is not a Flex statement or response, so nothing of it is used: "
                                    + String.join("; ", problems)));
                }
            } finally {
                if (rejectedBody != null) {
                    Files.deleteIfExists(rejectedBody);
                }
            }
            String summary = String.join("; ", problems);
            if (attempt >= settings.httpAttempts()) {
                throw new BrokerUnavailableException(redact("cannot get an answer from the Flex Web Service (" + endpoint
                        + ") after " + attempt + " attempt(s): " + summary + ". IBKR or the network may be down: the next"
                        + " run tries again; if it persists, check ALM_FLEX_BASE_URL and this machine's connection"),
                        null, true);
            }
            LOG.warn("Flex {}: {}; trying again in {} (attempt {} of {})", endpoint, redact(summary), seconds(retryWait),
                    attempt + 1, settings.httpAttempts());
            deadline.pause(retryWait, null, true);
            retryWait = retryWait.multipliedBy(2);
        }
    }

    /** One HTTP GET whose body goes to {@code body}; the whole exchange is bounded by the request timeout. */
    private HttpResponse<Path> send(URI uri, Path body) throws IOException, BrokerUnavailableException {
        spaceRequests();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1")
                .build();
        if (LOG.isDebugEnabled()) {
            LOG.debug("GET {}", redact(uri.toString()));
        }
        CompletableFuture<HttpResponse<Path>> future = http.sendAsync(request, DownloadFile.to(body));
        try {
            return future.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + seconds(settings.requestTimeout()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof DownloadFile.WriteFailed local) {
                    throw local;
                }
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getClass().getSimpleName() + ": " + redact(String.valueOf(cause.getMessage())));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for the Flex Web Service", null, true);
        }
    }

    /** Keeps requests at least {@code minRequestGap} apart (IBKR: one request per second per token). */
    private void spaceRequests() throws BrokerUnavailableException {
        long now = timer.nanoTime();
        if (requested) {
            long wait = settings.minRequestGap().toNanos() - (now - lastRequestAt);
            if (wait > 0) {
                sleep(Duration.ofNanos(wait));
                now = timer.nanoTime();
            }
        }
        requested = true;
        lastRequestAt = now;
    }

    private Path newBodyFile(Path target) throws IOException {
        Path body = target.resolveSibling(target.getFileName() + ".body" + (++bodyCounter));
        Files.deleteIfExists(body);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(body, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(body);
        }
        return body;
    }

    private static Path replace(Path previous, Path next) throws IOException {
        if (previous != null) {
            Files.deleteIfExists(previous);
        }
        return next;
    }

    private static FetchedStatement digest(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            long size = in.transferTo(java.io.OutputStream.nullOutputStream());
            return new FetchedStatement(size, HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private Duration grow(Duration interval) {
        double next = interval.toNanos() * settings.backoffFactor();
        Duration grown = next >= settings.maxPollInterval().toNanos() ? settings.maxPollInterval() : Duration.ofNanos((long) next);
        return max(grown, interval);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void sleep(Duration duration) throws BrokerUnavailableException {
        try {
            timer.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for the Flex Web Service", null, true);
        }
    }

    private String redact(String text) {
        return token.redact(text);
    }

    private String say(Envelope envelope) {
        return redact(envelope.describe());
    }

    private String describe(IOException e) {
        String kind = e instanceof HttpTimeoutException ? "timed out"
                : e instanceof java.net.ConnectException ? "connection refused or unreachable"
                : "connection failed";
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return kind + " (" + FlexResponses.excerpt(redact(message)) + ")";
    }

    /** {@code https://host[:port]}: what logs say about where a request went. */
    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }

    /** The overall limit of one fetch. */
    private final class Deadline {
        private final StatementRequest request;
        private final long start = timer.nanoTime();

        Deadline(StatementRequest request) {
            this.request = request;
        }

        Duration remaining() {
            return settings.deadline().minusNanos(timer.nanoTime() - start);
        }

        /**
         * Waits {@code wait} before the next request, or gives up when the deadline leaves no time for it ({@code
         * whole}: the full wait is needed, as after a rate limit; else a shorter last wait is fine).
         */
        void pause(Duration wait, Envelope last, boolean whole) throws BrokerUnavailableException {
            Duration left = remaining();
            if (left.isNegative() || left.isZero() || (whole && left.compareTo(wait) < 0)) {
                String lastAnswer = last == null ? "" : "; IBKR's last answer: " + say(last);
                Integer code = last == null ? null : last.errorCode();
                throw new BrokerUnavailableException(redact("IBKR did not deliver the statement of " + request + " within"
                        + " the deadline of " + seconds(settings.deadline()) + " (ALM_FLEX_DEADLINE / --deadline)" + lastAnswer
                        + ". IBKR may be slow or the statement large: the next run tries again, or raise the deadline"), code,
                        true);
            }
            sleep(wait.compareTo(left) <= 0 ? wait : left);
        }
    }
}
