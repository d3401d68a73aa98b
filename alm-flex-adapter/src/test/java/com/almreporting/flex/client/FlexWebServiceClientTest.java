package com.almreporting.flex.client;

import static com.almreporting.flex.client.FakeFlexServer.error;
import static com.almreporting.flex.client.FakeFlexServer.inProgress;
import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.almreporting.domain.port.out.BrokerUnavailableException;
import com.almreporting.domain.port.out.FetchedStatement;
import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.domain.port.out.StatementRequest;
import com.almreporting.flex.archive.TmpfsMount;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against a Flex Web Service on loopback that plays IBKR's answers. Every test also checks, after it ran,
 * that the token appears in no log line (captured at DEBUG), no exception message and no file the client wrote.
 */
class FlexWebServiceClientTest {

    /** Looks like an IBKR token (24 digits), and appears nowhere else. */
    static final String TOKEN = "839201746529384756102938";
    static final Path STATEMENT = Path.of("..", "samples", "ground-truth-2025-07.xml");
    static final String QUERY = "987654";

    @TempDir
    Path dir;

    private FakeFlexServer ibkr;
    private LogCapture logs;
    private Path target;
    private final List<String> thrown = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        ibkr = new FakeFlexServer();
        logs = new LogCapture();
        Path staging = Files.createDirectories(dir.resolve("staging"));
        target = Files.createFile(staging.resolve(QUERY + ".part"));
    }

    @AfterEach
    void tokenAppearsNowhere() throws IOException {
        try {
            assertThat(logs.lines()).as("log lines").noneMatch(l -> l.contains(TOKEN));
            assertThat(thrown).as("exception messages").noneMatch(m -> m.contains(TOKEN));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as("file %s", file).doesNotContain(TOKEN);
                }
            }
            for (FakeFlexServer.Request r : ibkr.requests()) {
                assertThat(r.parameters().get("t")).as("the token is sent").isEqualTo(TOKEN);
            }
        } finally {
            logs.close();
            ibkr.close();
        }
    }

    private FlexClientSettings settings(URI base) {
        return FlexClientSettings.defaults(FlexToken.of(TOKEN))
                .withBaseUrl(base)
                .withFirstWait(ms(5))
                .withPollInterval(ms(5))
                .withMaxPollInterval(ms(20))
                .withDeadline(Duration.ofSeconds(20))
                .withRateLimitWait(ms(150))
                .withRequestTimeout(ms(1_500))
                .withRetryWait(ms(5))
                .withMinRequestGap(Duration.ZERO);
    }

    private FlexWebServiceClient client(FlexClientSettings settings) {
        PollTimer recording = new PollTimer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                sleeps.add(duration);
                PollTimer.SYSTEM.sleep(duration);
            }
        };
        return new FlexWebServiceClient(settings, recording);
    }

    private FetchedStatement fetch() throws Exception {
        return fetch(client(settings(ibkr.baseUrl())), StatementRequest.monthToDate(QUERY));
    }

    private FetchedStatement fetch(FlexWebServiceClient client, StatementRequest request) throws Exception {
        try {
            return client.fetch(request, target);
        } catch (Exception e) {
            record(e);
            throw e;
        }
    }

    private Throwable fetchFails() {
        return catchThrowable(this::fetch);
    }

    private void record(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        thrown.add(trace.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            thrown.add(String.valueOf(t.getMessage()));
            thrown.add(t.toString());
        }
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private String statementUrl() {
        return ibkr.baseUrl() + "/GetStatement";
    }

    private static Reply statement() throws IOException {
        return Reply.xml(Files.readString(STATEMENT, StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private List<String> stagingFiles() throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void theStatementArrivesAfterSeveral1019s() throws Exception {
        ibkr.sendRequest(success("7301234567", statementUrl()))
                .getStatement(inProgress(), inProgress(), inProgress(), statement());

        FetchedStatement fetched = fetch();

        assertThat(Files.mismatch(target, STATEMENT)).isEqualTo(-1L);
        assertThat(fetched.bytes()).isEqualTo(Files.size(STATEMENT));
        assertThat(fetched.sha256()).isEqualTo(sha256(STATEMENT));
        List<FakeFlexServer.Request> send = ibkr.requests("SendRequest");
        assertThat(send).hasSize(1);
        assertThat(send.get(0).parameters()).containsEntry("q", QUERY).containsEntry("v", "3").doesNotContainKeys("fd", "td");
        assertThat(ibkr.requests("GetStatement")).hasSize(4)
                .allSatisfy(r -> assertThat(r.parameters()).containsEntry("q", "7301234567").containsEntry("v", "3"));
        assertThat(ibkr.requests()).allSatisfy(r -> assertThat(r.userAgent()).startsWith("Java/"));
        assertThat(stagingFiles()).containsExactly(QUERY + ".part");
        assertThat(logs.lines()).anyMatch(l -> l.contains("1019"));
    }

    @Test
    void pollingWaitsTheFirstWaitThenBacksOffToTheCap() throws Exception {
        ibkr.sendRequest(success("1", statementUrl()))
                .getStatement(inProgress(), inProgress(), inProgress(), inProgress(), inProgress(), statement());
        fetch(client(settings(ibkr.baseUrl()).withFirstWait(ms(7)).withPollInterval(ms(4)).withMaxPollInterval(ms(12))
                .withBackoffFactor(2)), StatementRequest.monthToDate(QUERY));
        assertThat(sleeps).containsExactly(ms(7), ms(4), ms(8), ms(12), ms(12), ms(12));
    }

    @Test
    void aMonthRefreshOverridesThePeriodWithFdAndTd() throws Exception {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(statement());
        fetch(client(settings(ibkr.baseUrl())), StatementRequest.month(QUERY, YearMonth.of(2025, 6)));
        assertThat(ibkr.requests("SendRequest").get(0).parameters())
                .containsEntry("fd", "20250601").containsEntry("td", "20250630").containsEntry("q", QUERY);
        assertThat(ibkr.requests("GetStatement").get(0).parameters()).doesNotContainKeys("fd", "td");
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1004, 1005, 1006, 1007, 1008, 1009, 1021})
    void aTryAgainShortlyCodeIsPolledAgain(int code) throws Exception {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(error(code, "Please try again shortly."), statement());
        fetch();
        assertThat(ibkr.requests("GetStatement")).hasSize(2);
        assertThat(Files.mismatch(target, STATEMENT)).isEqualTo(-1L);
    }

    @ParameterizedTest
    @ValueSource(ints = {1001, 1004, 1009, 1019, 1021})
    void aTryAgainShortlyCodeOnSendRequestAsksAgain(int code) throws Exception {
        ibkr.sendRequest(error(code, "Please try again shortly."), success("1", statementUrl())).getStatement(statement());
        fetch();
        assertThat(ibkr.requests("SendRequest")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {1003, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1020})
    void aCodeThatNeedsTheOperatorStopsAtOnceNamingIt(int code) throws Exception {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(error(code, "IBKR says no."), statement());
        Throwable e = fetchFails();
        assertThat(e).isInstanceOf(BrokerUnavailableException.class);
        BrokerUnavailableException b = (BrokerUnavailableException) e;
        assertThat(b.errorCode()).hasValue(code);
        assertThat(b.isTransient()).isFalse();
        assertThat(b.getMessage()).contains("error " + code).contains("IBKR says no.")
                .contains(FlexErrorCode.of(code).orElseThrow().advice());
        assertThat(ibkr.requests("GetStatement")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1003, 1010, 1011, 1012, 1013, 1014, 1015, 1016, 1020})
    void aCodeThatNeedsTheOperatorStopsSendRequestAtOnce(int code) {
        ibkr.sendRequest(error(code, "IBKR says no."));
        Throwable e = fetchFails();
        assertThat(((BrokerUnavailableException) e).errorCode()).hasValue(code);
        assertThat(ibkr.requests()).hasSize(1);
    }

    @Test
    void anExpiredTokenTellsTheOperatorToCreateANewOne() {
        ibkr.sendRequest(error(1012, "Token has expired."));
        assertThat(fetchFails()).hasMessageContaining("error 1012").hasMessageContaining("Token has expired.")
                .hasMessageContaining("token expired: create a new one in Client Portal")
                .hasMessageContaining("IBKR_FLEX_TOKEN");
    }

    @Test
    void everyDocumentedCodeHasAHandling() {
        assertThat(FlexErrorCode.values()).extracting(FlexErrorCode::code)
                .containsExactly(1001, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 1015, 1016,
                        1017, 1018, 1019, 1020, 1021);
    }

    @Test
    void anUndocumentedCodeStops() {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(error(1099, "Something new."));
        Throwable e = fetchFails();
        assertThat(((BrokerUnavailableException) e).errorCode()).hasValue(1099);
        assertThat(e).hasMessageContaining("undocumented");
    }

    @Test
    void rateLimited1018WaitsTheRateLimitWaitBeforeAskingAgain() throws Exception {
        ibkr.sendRequest(success("1", statementUrl()))
                .getStatement(error(1018, "Too many requests have been made from this token."), statement());
        fetch();
        assertThat(sleeps).contains(ms(150));
        assertThat(ibkr.requests("GetStatement")).hasSize(2);
    }

    @Test
    void rateLimited1018OnSendRequestWaitsToo() throws Exception {
        ibkr.sendRequest(error(1018, "Too many requests."), success("1", statementUrl())).getStatement(statement());
        fetch();
        assertThat(sleeps).contains(ms(150));
    }

    @Test
    void byDefault1018WaitsAtLeastSixtySeconds() throws Exception {
        ibkr.sendRequest(success("1", statementUrl()))
                .getStatement(error(1018, "Too many requests."), statement());
        VirtualTimer timer = new VirtualTimer();
        FlexClientSettings defaults = FlexClientSettings.defaults(FlexToken.of(TOKEN)).withBaseUrl(ibkr.baseUrl());
        FlexWebServiceClient client = new FlexWebServiceClient(defaults, timer);
        try {
            client.fetch(StatementRequest.monthToDate(QUERY), target);
        } catch (Exception e) {
            record(e);
            throw e;
        }
        assertThat(timer.sleeps).first().isEqualTo(Duration.ofSeconds(15)); // the first wait
        assertThat(timer.sleeps).anySatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void aRateLimitWaitBeyondTheDeadlineGivesUpAtOnce() {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(error(1018, "Too many requests."));
        Throwable e = catchThrowable(() -> fetch(client(settings(ibkr.baseUrl()).withRateLimitWait(Duration.ofSeconds(60))
                .withDeadline(Duration.ofSeconds(2))), StatementRequest.monthToDate(QUERY)));
        assertThat(((BrokerUnavailableException) e).errorCode()).hasValue(1018);
        assertThat(e).hasMessageContaining("deadline");
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
    }

    @Test
    void anInvalidReferenceCode1017StartsOverWithANewSendRequest() throws Exception {
        ibkr.sendRequest(success("111", statementUrl()), success("222", statementUrl()))
                .getStatement(error(1017, "Reference code is invalid."), statement());
        fetch();
        assertThat(ibkr.requests("SendRequest")).hasSize(2);
        assertThat(ibkr.requests("GetStatement")).extracting(FakeFlexServer.Request::q).containsExactly("111", "222");
    }

    @Test
    void aReferenceCodeThatKeepsBeingInvalidStopsAfterTheRestarts() {
        ibkr.sendRequest(success("111", statementUrl())).getStatement(error(1017, "Reference code is invalid."));
        Throwable e = fetchFails();
        assertThat(((BrokerUnavailableException) e).errorCode()).hasValue(1017);
        assertThat(ibkr.requests("SendRequest")).hasSize(3); // the first and two restarts
    }

    @Test
    void aStatementThatNeverComesGivesUpAtTheDeadlineNaming1019() {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(inProgress());
        Throwable e = catchThrowable(() -> fetch(client(settings(ibkr.baseUrl()).withDeadline(ms(300))),
                StatementRequest.monthToDate(QUERY)));
        BrokerUnavailableException b = (BrokerUnavailableException) e;
        assertThat(b.errorCode()).hasValue(1019);
        assertThat(b.isTransient()).isTrue();
        assertThat(b.getMessage()).contains("deadline of 0.3 s").contains("1019");
    }

    @Test
    void anHtml404PageIsRejectedAsNotAStatement() throws IOException {
        String page = "<!DOCTYPE html>\n<html><head><title>404 - Page Not Found</title></head><body>"
                + "x".repeat(11_000) + "</body></html>";
        ibkr.sendRequest(Reply.of(404, "text/html", page));
        Throwable e = fetchFails();
        assertThat(e).isInstanceOf(StatementRejectedException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("an HTML page").hasMessageContaining("404 - Page Not Found");
        assertThat(Files.readString(target)).isEqualTo(page);
        assertThat(ibkr.requests()).hasSize(1);
    }

    @Test
    void anHtmlPageServedWithStatus200IsRejectedToo() {
        ibkr.sendRequest(success("1", statementUrl()))
                .getStatement(Reply.of(200, "text/html", "<html><body>Maintenance</body></html>"));
        assertThat(fetchFails()).isInstanceOf(StatementRejectedException.class).hasMessageContaining("HTML page");
    }

    @Test
    void aCsvStatementIsRejectedWithWhatToChange() throws IOException {
        String csv = "\"ClientAccountID\",\"TradeDate\",\"Symbol\"\n\"U7654321\",\"20250717\",\"SPY\"\n";
        ibkr.sendRequest(success("1", statementUrl())).getStatement(Reply.of(200, "text/csv", csv));
        Throwable e = fetchFails();
        assertThat(e).isInstanceOf(StatementRejectedException.class).hasMessageContaining("CSV")
                .hasMessageContaining("output format to XML");
        assertThat(Files.readString(target)).isEqualTo(csv);
    }

    @Test
    void anUnknownXmlDocumentIsRejected() {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(Reply.xml("<Error><Message>nope</Message></Error>"));
        assertThat(fetchFails()).isInstanceOf(StatementRejectedException.class).hasMessageContaining("root <Error>");
    }

    @Test
    void anEmptyBodyIsRejected() {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(Reply.of(200, "text/xml", ""));
        assertThat(fetchFails()).isInstanceOf(StatementRejectedException.class).hasMessageContaining("empty body");
    }

    @Test
    void aResponseDeclaringADtdIsNotRead() {
        ibkr.sendRequest(Reply.xml("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]>"
                + "<FlexStatementResponse><Status>&lol;</Status></FlexStatementResponse>"));
        assertThat(fetchFails()).isInstanceOf(StatementRejectedException.class).hasMessageContaining("DTD");
    }

    @Test
    void aSlowResponseTimesOutAndIsTriedAgain() throws Exception {
        ibkr.sendRequest(success("1", statementUrl()).delayedBy(3_000), success("1", statementUrl()))
                .getStatement(statement());
        fetch();
        assertThat(ibkr.requests("SendRequest")).hasSize(2);
        assertThat(logs.lines()).anyMatch(l -> l.contains("timed out"));
    }

    @Test
    void aBodyThatStallsTimesOutAndIsTriedAgain() throws Exception {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(statement().stallingFor(3_000), statement());
        fetch();
        assertThat(ibkr.requests("GetStatement")).hasSize(2);
        assertThat(Files.mismatch(target, STATEMENT)).isEqualTo(-1L);
    }

    @Test
    void aServerThatStaysSlowIsUnavailableAfterTheRetries() {
        ibkr.sendRequest(success("1", statementUrl()).delayedBy(1_500));
        Throwable e = catchThrowable(() -> fetch(client(settings(ibkr.baseUrl()).withRequestTimeout(ms(200))
                .withHttpAttempts(3)), StatementRequest.monthToDate(QUERY)));
        assertThat(e).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("timed out");
        assertThat(((BrokerUnavailableException) e).errorCode()).isEmpty();
        assertThat(ibkr.requests()).hasSize(3);
    }

    @Test
    void aDroppedConnectionIsTriedAgain() throws Exception {
        // The JDK's HttpClient itself retries a GET once on a connection closed before the answer: drop twice so that
        // the client's own retry is what recovers.
        ibkr.sendRequest(Reply.dropped(), Reply.dropped(), success("1", statementUrl()))
                .getStatement(Reply.dropped(), Reply.dropped(), statement());
        fetch();
        assertThat(ibkr.requests("SendRequest")).hasSize(3);
        assertThat(ibkr.requests("GetStatement")).hasSize(3);
        assertThat(logs.lines()).filteredOn(l -> l.startsWith("WARN") && l.contains("trying again")).hasSize(2);
    }

    @Test
    void connectionsThatKeepDroppingAreUnavailableAfterTheRetries() {
        ibkr.sendRequest(Reply.dropped());
        Throwable e = fetchFails();
        assertThat(e).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("after 4 attempt(s)");
        assertThat(((BrokerUnavailableException) e).isTransient()).isTrue();
        assertThat(ibkr.requests()).hasSizeBetween(4, 8); // 4 attempts, each possibly retried once inside the JDK
    }

    @Test
    void aServerErrorIsTriedAgain() throws Exception {
        ibkr.sendRequest(Reply.of(503, "text/plain", "Service Unavailable"), success("1", statementUrl()))
                .getStatement(Reply.of(502, "text/html", "<html>Bad Gateway</html>"), statement());
        fetch();
        assertThat(ibkr.requests()).hasSize(4);
    }

    @Test
    void nothingListeningIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Throwable e = catchThrowable(() -> fetch(client(settings(URI.create("http://127.0.0.1:" + port + FakeFlexServer.ROOT))),
                StatementRequest.monthToDate(QUERY)));
        assertThat(e).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void getStatementGoesToTheHostIbkrNamesInUrl() throws Exception {
        try (FakeFlexServer other = new FakeFlexServer()) {
            other.getStatement(inProgress(), statement());
            ibkr.sendRequest(success("1", other.baseUrl() + "/GetStatement"));
            fetch();
            assertThat(ibkr.requests("GetStatement")).isEmpty();
            assertThat(other.requests("GetStatement")).hasSize(2);
            assertThat(other.requests()).allSatisfy(r -> assertThat(r.parameters()).containsEntry("t", TOKEN));
        }
    }

    @Test
    void aLowercaseUrlElementIsFollowedToo() throws Exception {
        try (FakeFlexServer other = new FakeFlexServer()) {
            other.getStatement(statement());
            ibkr.sendRequest(success("1", other.baseUrl() + "/GetStatement", "url"));
            fetch();
            assertThat(other.requests("GetStatement")).hasSize(1);
            assertThat(ibkr.requests("GetStatement")).isEmpty();
        }
    }

    @Test
    void whenTheUrlHostIsDownTheBaseUrlServesGetStatement() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ibkr.sendRequest(success("1", "http://127.0.0.1:" + port + FakeFlexServer.ROOT + "/GetStatement"))
                .getStatement(statement());
        fetch();
        assertThat(ibkr.requests("GetStatement")).hasSize(1);
    }

    @Test
    void onceTheBaseUrlAnsweredInsteadOfTheUrlHostPollsGoThereFirst() throws Exception {
        try (FakeFlexServer failing = new FakeFlexServer()) {
            failing.getStatement(Reply.of(503, "text/plain", "Service Unavailable"));
            ibkr.sendRequest(success("1", failing.baseUrl() + "/GetStatement"))
                    .getStatement(inProgress(), inProgress(), statement());
            fetch();
            assertThat(failing.requests()).hasSize(1);
            assertThat(ibkr.requests("GetStatement")).hasSize(3);
        }
    }

    @Test
    void whenTheUrlHostAnswersAn404PageTheBaseUrlServesGetStatement() throws Exception {
        try (FakeFlexServer other = new FakeFlexServer()) { // nothing scripted: an HTML 404 page
            ibkr.sendRequest(success("1", other.baseUrl() + "/GetStatement")).getStatement(statement());
            fetch();
            assertThat(other.requests()).hasSize(1);
            assertThat(ibkr.requests("GetStatement")).hasSize(1);
            assertThat(stagingFiles()).containsExactly(QUERY + ".part");
        }
    }

    @Test
    void withoutAUrlGetStatementGoesToTheBaseUrl() throws Exception {
        ibkr.sendRequest(success("1", null)).getStatement(statement());
        fetch();
        assertThat(ibkr.requests("GetStatement")).hasSize(1);
    }

    @Test
    void aSuccessWithoutReferenceCodeIsUnavailable() {
        ibkr.sendRequest(Reply.xml("<FlexStatementResponse><Status>Success</Status></FlexStatementResponse>"));
        assertThat(fetchFails()).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("no usable reference code");
    }

    @Test
    void requestsAreSpacedByTheMinimumGap() throws Exception {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(inProgress(), statement());
        VirtualTimer timer = new VirtualTimer(); // no time passes during a request: every gap is waited in full
        FlexWebServiceClient client = new FlexWebServiceClient(settings(ibkr.baseUrl()).withFirstWait(Duration.ZERO)
                .withPollInterval(ms(300)).withMinRequestGap(Duration.ofSeconds(1)), timer);
        client.fetch(StatementRequest.monthToDate(QUERY), target);
        // SendRequest; first wait 0, gap 1 s; GetStatement (1019); poll interval 0.3 s, the gap's other 0.7 s; GetStatement
        assertThat(timer.sleeps).containsExactly(Duration.ZERO, Duration.ofSeconds(1), ms(300), ms(700));
    }

    @Test
    void theTokenAppearsInNoLogLineMessageOrFileInAnyScenario() throws Exception {
        // Every other test checks the same after it runs; this one runs the failure paths back to back at DEBUG.
        List<Reply> sendAnswers = List.of(error(1012, "Token has expired."), error(1015, "Token is invalid."),
                error(1020, "Invalid request or unable to validate request."), Reply.dropped(),
                Reply.of(404, "text/html", "<html><title>404</title>" + TOKEN.substring(0, 4) + "</html>"),
                Reply.of(500, "text/plain", "oops"));
        for (Reply answer : sendAnswers) {
            try (FakeFlexServer server = new FakeFlexServer()) {
                server.sendRequest(answer);
                catchThrowable(() -> fetch(client(settings(server.baseUrl()).withHttpAttempts(2)),
                        StatementRequest.monthToDate(QUERY)));
                assertThat(server.requests()).allSatisfy(r -> assertThat(r.rawQuery()).contains("t=" + TOKEN));
            }
        }
        assertThat(thrown).hasSizeGreaterThan(6);
        assertThat(logs.lines()).anyMatch(l -> l.contains("t=****"));
    }

    @Test
    void aFullDiskIsThisMachinesFaultNotIbkrsAndIsNotRetried() throws Exception {
        try (TmpfsMount disk = TmpfsMount.of(dir.resolve("disk"), 16)) { // smaller than the 27 KB statement
            target = Files.createFile(disk.directory().resolve(QUERY + ".part"));
            ibkr.sendRequest(success("1", statementUrl())).getStatement(statement());

            Throwable failure = fetchFails();

            assertThat(failure).isInstanceOf(IOException.class).isNotInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("cannot write the download to " + disk.directory())
                    .hasMessageContaining("No space left on device");
            assertThat(ibkr.requests("GetStatement")).as("a local fault is not retried").hasSize(1);
            try (Stream<Path> left = Files.list(disk.directory())) {
                assertThat(left.map(p -> p.getFileName().toString())).as("the partial body is removed")
                        .containsExactly(QUERY + ".part");
            }
        }
    }

    @Test
    void aDownloadThatCannotBeWrittenFailsAsALocalWriteFailure() throws Exception {
        Path devFull = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devFull), "needs /dev/full (Linux)");
        Path body = Files.createSymbolicLink(dir.resolve("body"), devFull); // every write: ENOSPC
        ibkr.sendRequest(success("1", statementUrl())).getStatement(statement());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create(statementUrl() + "?t=" + TOKEN
                + "&q=1&v=3")).build();

        Throwable failure = catchThrowable(() -> http.send(request, DownloadFile.to(body)));

        assertThat(failure).isInstanceOf(IOException.class);
        Throwable local = failure;
        while (local != null && !(local instanceof DownloadFile.WriteFailed)) {
            local = local.getCause();
        }
        assertThat(local).as("the cause chain of %s", failure).isNotNull();
        assertThat(local.getMessage()).startsWith("cannot write the download to " + body).contains("No space left");
    }

    @Test
    void tokenAndSettingsPrintMasked() {
        FlexClientSettings s = settings(ibkr.baseUrl());
        assertThat(s.toString()).doesNotContain(TOKEN).contains("****");
        assertThat(FlexToken.of(TOKEN).redact("GET https://h/x?t=" + TOKEN + "&q=1 and " + TOKEN))
                .isEqualTo("GET https://h/x?t=****&q=1 and ****");
        assertThat(FlexToken.redactParameter("https://h/SendRequest?q=1&t=abc&v=3")).isEqualTo("https://h/SendRequest?q=1&t=****&v=3");
    }

    @Test
    void stagedBodiesArePrivate() throws Exception {
        ibkr.sendRequest(success("1", statementUrl())).getStatement(statement());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        fetch();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    /** Time that passes only by sleeping: the defaults' real waits (15 s, 60 s) cost nothing. */
    static final class VirtualTimer implements PollTimer {
        final List<Duration> sleeps = new ArrayList<>();
        private long now;

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration duration) {
            sleeps.add(duration);
            now += duration.toNanos();
        }
    }
}
