package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.ledger.InMemoryLedger;
import com.almreporting.domain.port.out.Ledger;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.out.LiveAccountUnavailableException.Reason;
import com.almreporting.domain.port.out.StatementOrigin;
import com.almreporting.domain.service.IngestStatementService;
import com.almreporting.flex.parser.FlexStatementParser;
import com.almreporting.gateway.GatewayConfig;
import com.almreporting.gateway.TwsLiveAccount;
import com.almreporting.gateway.fake.FakeAccount;
import com.almreporting.gateway.fake.FakeGateway;
import com.almreporting.gateway.fake.FakeGateway.Fault;
import com.almreporting.persistence.DatabaseConfig;
import com.almreporting.persistence.PersistenceModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The dashboard over real HTTP on a loopback port: pages, status codes, headers, escaping and the live row against
 * the fake IB Gateway. The ledger is in memory (the ground-truth statement); {@link ServeCommandIT} serves from the
 * database.
 */
class DashboardIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private static InMemoryLedger ledger;
    private static Dashboard dashboard;

    @BeforeAll
    static void start() throws Exception {
        ledger = new InMemoryLedger();
        new IngestStatementService(ledger).ingest(
                new FlexStatementParser().parse(ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml")),
                StatementOrigin.of("ground-truth-2025-07.xml"));
        dashboard = start(ledger, null);
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    private static Dashboard start(Ledger ledger, LiveStatus live) throws IOException {
        return Dashboard.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ledger, live, HONG_KONG, 60);
    }

    private static LiveStatus live(GatewayConfig config) {
        return new LiveStatus(new TwsLiveAccount(config), config.address(), config.timeout(), Duration.ofSeconds(5),
                Clock.systemUTC());
    }

    static HttpResponse<String> send(String url, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(Dashboard d, String pathAndQuery) throws IOException, InterruptedException {
        return send(d.url() + pathAndQuery.substring(1), "GET");
    }

    @Test
    void indexListsTheTradingDaysWithTheirOfficialCloseAndAMaskedAccount() throws Exception {
        HttpResponse<String> r = get(dashboard, "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).contains("Account U***4321")
                .contains(">2025-07-16</a>", ">79,498.68<", ">2025-07-17</a>", ">79,754.81<", ">2025-07-18</a>", ">79,231.03<")
                .contains("href=\"/report?from=2025-07-18&amp;to=2025-07-18\"")
                .contains("<form class=\"range\" method=\"get\" action=\"/report\">")
                .contains("name=\"from\" required=\"required\" value=\"2025-07-17\"", "name=\"to\" required=\"required\" value=\"2025-07-18\"")
                .doesNotContain("U7654321", "<script", "http-equiv=\"refresh\"", "Live (IB Gateway");
        assertThat(r.body().indexOf(">2025-07-18</a>")).isLessThan(r.body().indexOf(">2025-07-16</a>"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/report?from=2025-07-17&to=2025-07-18", "/report", "/live.json", "/healthz", "/x"}) {
            HttpResponse<String> r = get(dashboard, path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }

    @Test
    void reportPageCarriesTheFiguresOfDesignSection7() throws Exception {
        HttpResponse<String> r = get(dashboard, "/report?from=2025-07-17&to=2025-07-18");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).startsWith("<!DOCTYPE html>")
                .contains("79,402.22", "78,609.37", "79,200.01", "79,231.03", "+31.02 (Reconciliation)")
                .contains("U***4321").doesNotContain("U7654321");
        assertThat(get(dashboard, "/report?from=2025-07-17&to=2025-07-18&account=U***4321").body()).isEqualTo(r.body());
        assertThat(get(dashboard, "/report?from=2025-07-17&to=2025-07-18&account=U7654321").body()).isEqualTo(r.body());
    }

    @Test
    void reportInJsonAndMarkdownWithTheirContentTypes() throws Exception {
        HttpResponse<String> json = get(dashboard, "/report?from=2025-07-17&to=2025-07-18&format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json.body()).contains("\"schemaVersion\": \"1.0\"", "\"calculatedClose\": \"79402.22\"");

        HttpResponse<String> md = get(dashboard, "/report?from=2025-07-17&to=2025-07-18&format=md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
        assertThat(md.body()).isEqualTo(CliRun.of("replay", "--from", "2025-07-17", "--to", "2025-07-18",
                ReplayCommandTest.SAMPLES.resolve("ground-truth-2025-07.xml").toString()).out());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/report                                                    | missing parameter 'from'",
        "/report?from=2025-07-17                                    | missing parameter 'to'",
        "/report?from=17.07.2025&to=2025-07-18                      | parameter 'from' is not a date (YYYY-MM-DD): '17.07.2025'",
        "/report?from=2025-07-18&to=2025-07-17                      | to 2025-07-17 is before from 2025-07-18",
        "/report?from=2024-01-01&to=2025-07-18                      | longer than 366 days",
        "/report?from=2025-07-17&to=2025-07-18&format=pdf           | unknown format 'pdf' (expected html, json or md)",
        "/report?from=2025-07-17&to=2025-07-18&account=U0001234     | no account U***1234 in the ledger",
        "/report?from=2025-07-17&to=2025-07-18&days=2               | unknown parameter 'days'",
        "/report?from=2025-07-17&to=2025-07-18&to=2025-07-19        | parameter 'to' given more than once",
        "/report?from=2025-07-17&to=2025-07-18&live=maybe           | parameter 'live' must be 1 or 0, was 'maybe'",
        "/report?from=2025-07-17&to=2025-07-18&live=1               | live=1 needs a gateway",
    })
    void badParametersAre400WithAClearMessage(String path, String message) throws Exception {
        HttpResponse<String> r = get(dashboard, path);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.body()).contains(message);
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> r = send(dashboard.url() + "report?from=2025-07-17&to=2025-07-18", method);
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(r.body()).contains("read-only");
        }
        HttpResponse<String> head = send(dashboard.url(), "HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(get(dashboard, "/healthz").body()).isEqualTo("ok\n");
        assertThat(get(dashboard, "/admin").statusCode()).isEqualTo(404);
    }

    @Test
    void onLoopbackAForeignHostNameIsRefused() throws Exception {
        assertThat(dashboard.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(rawGet("/healthz", "rebound.example:" + dashboard.address().getPort())).startsWith("HTTP/1.1 403");
        assertThat(rawGet("/healthz", "localhost:" + dashboard.address().getPort())).startsWith("HTTP/1.1 200");
    }

    /** The status line of a GET with the given Host header (HttpClient will not send a foreign one). */
    private static String rawGet(String path, String host) throws IOException {
        try (Socket s = new Socket(dashboard.address().getAddress(), dashboard.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void liveJsonAndTheLiveRowComeFromTheGateway() throws Exception {
        try (FakeGateway gateway = FakeGateway.serving(FakeAccount.sample(LocalDate.of(2025, 7, 18))).start();
             Dashboard d = start(ledger, live(GatewayConfig.defaults().withPort(gateway.port())
                     .withTimeout(Duration.ofSeconds(5))))) {
            HttpResponse<String> json = get(d, "/live.json");
            assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            assertThat(json.body()).startsWith("{\"live\":true,\"account\":\"D****4567\"")
                    .contains("\"netLiquidation\":\"1234567.89\"").doesNotContain(FakeAccount.SAMPLE_ACCOUNT);

            HttpResponse<String> index = get(d, "/");
            assertThat(index.body()).contains("<meta http-equiv=\"refresh\" content=\"60\">")
                    .contains("NAV now: 1,234,567.89 HKD", "account D****4567", "Taken at ")
                    .doesNotContain(FakeAccount.SAMPLE_ACCOUNT);
            assertThat(index.body()).contains("<input type=\"checkbox\" name=\"live\" value=\"1\">");

            // the fake gateway's paper account is not the ground truth's: the report says the snapshot was not used
            HttpResponse<String> report = get(d, "/report?from=2025-07-17&to=2025-07-18&format=md&live=1");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).contains("the live snapshot was not used").doesNotContain(FakeAccount.SAMPLE_ACCOUNT);
        }
    }

    @Test
    void anUnavailableGatewayIs503QuicklyAndTheIndexStillAnswers() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        try (Dashboard d = start(ledger, live(GatewayConfig.defaults().withPort(free).withTimeout(Duration.ofSeconds(2))))) {
            long t0 = System.nanoTime();
            HttpResponse<String> json = get(d, "/live.json");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            assertThat(json.statusCode()).isEqualTo(503);
            assertThat(json.body()).startsWith("{\"live\":false,\"reason\":\"REFUSED\"");
            HttpResponse<String> index = get(d, "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("gateway unavailable: ").contains(">79,231.03<");
            HttpResponse<String> report = get(d, "/report?from=2025-07-17&to=2025-07-18&live=1");
            assertThat(report.statusCode()).isEqualTo(503);
            assertThat(report.body()).startsWith("IB Gateway unavailable: ");
        }
    }

    @Test
    void aSilentGatewayHoldsTheIndexNoLongerThanTheGatewayTimeout() throws Exception {
        try (FakeGateway gateway = FakeGateway.serving(FakeAccount.sample(LocalDate.of(2025, 7, 18))).fault(Fault.SILENT).start();
             Dashboard d = start(ledger, live(GatewayConfig.defaults().withPort(gateway.port())
                     .withTimeout(Duration.ofMillis(800))))) {
            long t0 = System.nanoTime();
            HttpResponse<String> index = get(d, "/");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(800 + 1500));
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("gateway unavailable: ");
        }
    }

    @Test
    void noGatewayConfiguredIs503OnLiveJson() throws Exception {
        HttpResponse<String> r = get(dashboard, "/live.json");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("\"reason\":\"NOT_CONFIGURED\"");
    }

    @Test
    void whatTheGatewaySaysIsEscaped() throws Exception {
        LiveStatus hostile = new LiveStatus(timeout -> {
            throw new LiveAccountUnavailableException(Reason.PROTOCOL, "<script>alert('x')</script> & \"more\"");
        }, "<b>gw</b>:1", Duration.ofSeconds(1), Duration.ZERO, Clock.systemUTC());
        try (Dashboard d = start(ledger, hostile)) {
            String body = get(d, "/").body();
            assertThat(body).contains("gateway unavailable: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
                    .contains("Live (IB Gateway &lt;b&gt;gw&lt;/b&gt;:1)")
                    .doesNotContain("<script", "<b>");
        }
    }

    @Test
    void aDatabaseThatIsDownIs503() throws Exception {
        DatabaseConfig unreachable = DatabaseConfig.external("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", null, null);
        try (PersistenceModule db = PersistenceModule.open(unreachable, false);
             Dashboard d = start(db.ledger(), null)) {
            for (String path : new String[] {"/", "/report?from=2025-07-17&to=2025-07-18"}) {
                HttpResponse<String> r = get(d, path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.body()).as(path).startsWith("database unavailable: ");
            }
            assertThat(get(d, "/healthz").statusCode()).isEqualTo(200);
        }
    }
}
