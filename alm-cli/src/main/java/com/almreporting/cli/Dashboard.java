package com.almreporting.cli;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OfficialNav;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.in.ReportRequest;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.report.NarrativeReport;
import com.almreporting.domain.report.ReportSettings;
import com.almreporting.domain.service.NarrativeReportService;
import com.almreporting.report.ReportRenderer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only web dashboard of {@code alm serve}, on the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code /}: the live row (when a gateway is configured), a range form, the trading days in the ledger;</li>
 *   <li>{@code /report?from=&to=[&account=][&format=html|json|md][&live=1]}: a report from the ledger, by the report
 *       renderers; {@code live=1} adds today's trading day from the gateway, as {@code alm report --live} does;</li>
 *   <li>{@code /live.json}: the live snapshot, or 503 with the reason;</li>
 *   <li>{@code /healthz}: {@code ok}.</li>
 * </ul>
 * GET and HEAD only (405 otherwise): nothing here writes. Every answer carries a strict Content-Security-Policy and
 * {@code Cache-Control: no-store} (the pages hold account figures). On a loopback address only requests for a
 * loopback host name are answered (403 otherwise), so that a web page whose name was re-pointed at 127.0.0.1 (DNS
 * rebinding) cannot read the dashboard. Parameter errors are 400 with a plain-text message; a ledger that cannot be
 * read is 503. Thread-safe.
 */
final class Dashboard implements AutoCloseable {

    /** The policy the brief names, tightened where it leaves defaults open (base URI, form targets, framing). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The longest report range served; longer reports belong to {@code alm report --out}. */
    static final int MAX_RANGE_DAYS = 366;

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String MARKDOWN = "text/markdown; charset=utf-8";
    private static final Set<String> REPORT_PARAMETERS = Set.of("from", "to", "account", "format", "live");
    private static final int THREADS = 4;
    /**
     * "Every row" for {@link Ledger#history}: {@code LocalDate.MAX} is beyond PostgreSQL's date range (jOOQ binds it
     * as year -169104628 BC and the ledger fails), 9999-12-31 is within every ledger's.
     */
    private static final LocalDate EVERY_DAY = LocalDate.of(9999, 12, 31);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Ledger ledger;
    private final LiveStatus live;
    private final ZoneId zone;
    private final DashboardPages pages;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Dashboard(HttpServer server, ExecutorService executor, Ledger ledger, LiveStatus live, ZoneId zone,
                      int refreshSeconds) {
        this.server = server;
        this.executor = executor;
        this.ledger = ledger;
        this.live = live;
        this.zone = zone;
        this.pages = new DashboardPages(zone, refreshSeconds);
    }

    /**
     * Listens on {@code address} (port 0: any free port) and serves until {@link #close()}.
     *
     * @param live           the gateway's live row, null when no gateway is configured
     * @param refreshSeconds how often the index reloads itself when it has a live row; 0 never
     * @throws IOException when the address cannot be bound
     */
    static Dashboard start(InetSocketAddress address, Ledger ledger, LiveStatus live, ZoneId zone, int refreshSeconds)
            throws IOException {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(zone, "zone");
        if (refreshSeconds < 0) {
            throw new IllegalArgumentException("refresh seconds must not be negative, was " + refreshSeconds);
        }
        HttpServer server = HttpServer.create(address, 32);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "alm-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Dashboard dashboard = new Dashboard(server, executor, ledger, live, zone, refreshSeconds);
        server.createContext("/", dashboard::handle);
        server.setExecutor(executor);
        server.start();
        return dashboard;
    }

    /** The bound address (with the actual port when started on port 0). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://host:port/} of the bound address. */
    String url() {
        InetAddress a = address().getAddress();
        String host = a.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address().getPort() + "/";
    }

    /** Stops listening; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** One answer: status, content type and body (sent without body for HEAD). */
    private record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response of(int status, String contentType, String body) {
            return new Response(status, contentType, body, Map.of());
        }

        static Response text(int status, String message) {
            return of(status, TEXT, message.endsWith("\n") ? message : message + "\n");
        }
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        Response response;
        try {
            response = respond(exchange);
        } catch (RuntimeException e) {
            LOG.error("Dashboard: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            response = Response.text(500, "internal error: " + DatabaseSession.rootMessage(e));
        }
        try {
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("Dashboard: client went away: {}", e.getMessage());
        } finally {
            exchange.close();
        }
        LOG.debug("{} {} {} {} ms", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), response.status(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Response respond(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new Response(405, TEXT, "method " + method + " not allowed: this dashboard is read-only (GET, HEAD)\n",
                    Map.of("Allow", "GET, HEAD"));
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (!hostAllowed(host)) {
            return Response.text(403, "this dashboard answers only to localhost or its loopback address, not to Host '"
                    + host + "'");
        }
        String path = exchange.getRequestURI().getRawPath();
        return switch (path) {
            case "/" -> index();
            case "/report" -> report(exchange.getRequestURI().getRawQuery());
            case "/live.json" -> liveJson();
            case "/healthz" -> Response.text(200, "ok");
            default -> Response.text(404, "not found: " + path + " (pages: /, /report, /live.json, /healthz)");
        };
    }

    /** On loopback, only loopback names: a foreign name means the request came through a re-pointed DNS name. */
    private boolean hostAllowed(String host) {
        if (host == null || !address().getAddress().isLoopbackAddress()) {
            return true;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            name = end < 0 ? name : name.substring(1, end);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private Response index() {
        List<DashboardPages.AccountDays> days = new ArrayList<>();
        try {
            for (AccountId account : ledger.accounts()) {
                List<OfficialNav> closes = ledger.history(account, EVERY_DAY).officialNavs().stream()
                        .sorted(Comparator.comparing(OfficialNav::reportDate).reversed()).toList();
                days.add(new DashboardPages.AccountDays(account, closes));
            }
        } catch (RuntimeException e) {
            return ledgerUnavailable(e);
        }
        DashboardPages.Live row = live == null ? null : new DashboardPages.Live(live.address(), live.read());
        return Response.of(200, HTML, pages.index(days, row));
    }

    private Response report(String rawQuery) {
        Map<String, String> q;
        try {
            q = parameters(rawQuery);
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        }
        Optional<String> unknown = q.keySet().stream().filter(k -> !REPORT_PARAMETERS.contains(k)).findFirst();
        if (unknown.isPresent()) {
            return Response.text(400, "unknown parameter '" + unknown.get() + "' (expected from, to, account, format, live)");
        }
        LocalDate from;
        LocalDate to;
        try {
            from = date(q, "from");
            to = date(q, "to");
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        }
        if (to.isBefore(from)) {
            return Response.text(400, "to " + to + " is before from " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            return Response.text(400, "the range " + from + ".." + to + " is longer than " + MAX_RANGE_DAYS
                    + " days: use alm report --out for longer reports");
        }
        String format = q.getOrDefault("format", "html").toLowerCase(Locale.ROOT);
        Optional<ReportRenderer> renderer = Formats.renderer(format);
        if (renderer.isEmpty()) {
            return Response.text(400, "unknown format '" + format + "' (expected html, json or md)");
        }
        LiveSnapshot snapshot = null;
        String withLive = q.getOrDefault("live", "").toLowerCase(Locale.ROOT);
        if (!Set.of("", "0", "false", "1", "true", "on").contains(withLive)) {
            return Response.text(400, "parameter 'live' must be 1 or 0, was '" + q.get("live") + "'");
        }
        if (Set.of("1", "true", "on").contains(withLive)) {
            if (live == null) {
                return Response.text(400, "live=1 needs a gateway: set IB_GATEWAY_HOST/IB_GATEWAY_PORT or start alm serve "
                        + "with --gateway-port");
            }
            LiveStatus.Reading reading = live.read();
            if (reading instanceof LiveStatus.Unavailable u) {
                return Response.text(503, "IB Gateway unavailable: " + u.detail() + (u.advice().isEmpty() ? "" : ". " + u.advice()));
            }
            snapshot = ((LiveStatus.Taken) reading).snapshot();
        }
        AccountId account;
        NarrativeReport narrative;
        try {
            account = account(q.get("account"));
            narrative = new NarrativeReportService(ledger, NyseCalendar.instance())
                    .report(new ReportRequest(account, from, to, ReportSettings.defaults().withObserverZone(zone)), snapshot);
        } catch (IllegalArgumentException e) {
            return Response.text(400, e.getMessage());
        } catch (RuntimeException e) {
            return ledgerUnavailable(e);
        }
        String contentType = switch (format) {
            case "json" -> JSON;
            case "html" -> HTML;
            default -> MARKDOWN;
        };
        return Response.of(200, contentType, renderer.get().render(narrative));
    }

    /**
     * The account a report is for: the given id or its masked form (what the pages show), or the only account; never
     * names an unmasked id in a message.
     */
    private AccountId account(String given) {
        List<AccountId> accounts = ledger.accounts();
        if (given == null || given.isBlank()) {
            if (accounts.size() == 1) {
                return accounts.get(0);
            }
            throw new IllegalArgumentException(accounts.isEmpty() ? "the ledger holds no account yet"
                    : "the ledger holds " + accounts.size() + " accounts (" + String.join(", ",
                    accounts.stream().map(AccountId::masked).toList()) + "): choose one with account=");
        }
        String g = given.strip();
        List<AccountId> matches = accounts.stream().filter(a -> a.value().equals(g) || a.masked().equals(g)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new IllegalArgumentException(matches.isEmpty() ? "no account " + AccountId.of(g).masked() + " in the ledger"
                : "account " + g + " is ambiguous: give the full account id");
    }

    private Response liveJson() {
        if (live == null) {
            return Response.of(503, JSON, LiveSnapshotJson.unavailable("NOT_CONFIGURED",
                    "no IB Gateway configured: set IB_GATEWAY_HOST/IB_GATEWAY_PORT or start alm serve with --gateway-port"));
        }
        LiveStatus.Reading reading = live.read();
        if (reading instanceof LiveStatus.Taken taken) {
            return Response.of(200, JSON, LiveSnapshotJson.of(taken.snapshot()));
        }
        LiveStatus.Unavailable u = (LiveStatus.Unavailable) reading;
        return Response.of(503, JSON, LiveSnapshotJson.unavailable(u.reason(),
                "IB Gateway unavailable: " + u.detail() + (u.advice().isEmpty() ? "" : ". " + u.advice())));
    }

    private static Response ledgerUnavailable(RuntimeException e) {
        LOG.warn("Dashboard: cannot read the ledger: {}", DatabaseSession.rootMessage(e));
        LOG.debug("Dashboard: ledger failure", e);
        return Response.text(503, "database unavailable: " + DatabaseSession.rootMessage(e));
    }

    private static LocalDate date(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing parameter '" + name + "' (a date, YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a date (YYYY-MM-DD): '" + v + "'");
        }
    }

    /** The query's parameters, percent-decoded; a name given twice is refused. */
    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed query: " + e.getMessage());
            }
            if (out.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given more than once");
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        response.headers().forEach(headers::set);
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
