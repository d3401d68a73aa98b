package com.almreporting.cli;

import static com.almreporting.flex.client.FakeFlexServer.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.flex.client.FakeFlexServer;
import com.almreporting.flex.client.FakeFlexServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The hostile Flex corpus of the parser's tests ({@code alm-flex-adapter/src/test/resources/hostile/}, plus
 * truncations and 10 MB attributes built from {@code valid-small.xml}) through the operator's commands. A file the
 * corpus expects rejected makes {@code alm ingest} and {@code alm flex check} exit 2 with a message naming the file,
 * the line and, where there is one, the element and attribute, and every table of the ledger is as before, row for
 * row. Served by IBKR to {@code alm update}, it exits 2 and leaves the ledger and the archived statement as they were;
 * the answer is only kept aside as {@code ….failed.xml}. A file the corpus expects accepted is stored as it reads.
 *
 * <p>The ledger is a database on a server this class owns ({@link TestServer}), holding the ground-truth statement
 * throughout, so that "unchanged" compares real rows.
 */
class HostileInputCliIT {

    private static final Path RESOURCES = Path.of("..", "alm-flex-adapter", "src", "test", "resources");
    private static final Path CORPUS = RESOURCES.resolve("hostile");
    private static final String XXE_SECRET = "TOP-SECRET-LOCAL-FILE-7d1c";

    @TempDir
    static Path serverDir;

    private static TestServer server;
    private static TestServer.Database ledger;

    @BeforeAll
    static void ledgerWithTheGroundTruth() throws Exception {
        server = TestServer.start(serverDir);
        ledger = server.create("alm_hostile");
        CliRun run = alm("ingest", UpdateFixtures.GROUND_TRUTH.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(table("chronological_events")).hasSize(14);
    }

    @AfterAll
    static void stop() throws SQLException {
        try {
            server.drop(ledger);
        } finally {
            server.close();
        }
    }

    /** A rejected file: its bytes, and the line, element, attribute (null: none) and reason its rejection names. */
    record Rejected(String name, Supplier<byte[]> bytes, int line, String element, String attribute, String reason) {

        Path write(Path dir) throws IOException {
            return Files.write(dir.resolve(name), bytes.get());
        }

        /** The message's start: {@code name:line: } and {@code <Element> attribute 'name': } when there is one. */
        String where() {
            return name + ":" + line + ": " + (element == null ? "" : "<" + element + "> attribute '" + attribute + "': ");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rejected> rejected() {
        byte[] valid = resource("valid-small.xml");
        return Stream.of(
                corpus("xxe-local-file.xml", 4, null, null, "DTDs/entities are not allowed"),
                new Rejected("xxe-test-secret.xml", HostileInputCliIT::xxeOfTheTestSecret, 4, null, null,
                        "DTDs/entities are not allowed"),
                corpus("billion-laughs.xml", 13, null, null, "DTDs/entities are not allowed"),
                corpus("latin1-declared-utf8.xml", 6, null, null, "not valid in the declared encoding"),
                corpus("utf16le-undeclared.xml", 1, null, null, "not an XML document"),
                corpus("utf16be-undeclared.xml", 1, null, null, "not an XML document"),
                corpus("nan-quantity.xml", 6, "Trade", "quantity", "expected a decimal number, got 'NaN'"),
                corpus("infinity-price.xml", 6, "Trade", "tradePrice", "expected a decimal number, got 'Infinity'"),
                corpus("negative-infinity-proceeds.xml", 6, "Trade", "proceeds",
                        "expected a decimal number, got '-Infinity'"),
                corpus("date-february-30.xml", 6, "Trade", "dateTime", "got '2025-02-30'"),
                corpus("date-month-13.xml", 6, "Trade", "dateTime", "got '2025-13-01'"),
                new Rejected("huge-trade-attribute.xml", () -> withHugeValue(valid, "<Trade "), 6, "Trade", "description",
                        "exceeds the limit of 65536 characters"),
                new Rejected("huge-statement-attribute.xml", () -> withHugeValue(valid, "<FlexStatement "), 4,
                        "FlexStatement", "description", "exceeds the limit of 65536 characters"),
                new Rejected("empty.xml", () -> new byte[0], 1, null, null, "not an XML document"),
                truncated(valid, 300),
                truncated(valid, valid.length / 2),
                truncated(valid, valid.length - 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void ingestRejectsTheFileNamingItsLineAndAttributeAndChangesNoRow(Rejected file, @TempDir Path dir) throws Exception {
        Path path = file.write(dir);
        Map<String, List<String>> before = TestServer.dump(ledger.dataSource());

        CliRun run = alm("ingest", path.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("alm ingest: statement rejected, nothing stored: " + file.where())
                .contains(file.reason()).hasSizeLessThan(2_000).doesNotContain(XXE_SECRET).doesNotContain("root:x:0:0");
        assertThat(TestServer.dump(ledger.dataSource())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void flexCheckRejectsTheFileNamingItsLineAndAttribute(Rejected file, @TempDir Path dir) throws IOException {
        Path path = file.write(dir);

        CliRun text = CliRun.of("flex", "check", path.toString());
        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).startsWith("alm flex check: statement rejected: " + file.where()).contains(file.reason())
                .hasSizeLessThan(2_000).doesNotContain(XXE_SECRET);

        CliRun json = CliRun.of("flex", "check", "--format", "json", path.toString());
        assertThat(json.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(json.out()).contains("\"line\":" + file.line() + ",\"element\":" + quoted(file.element())
                + ",\"attribute\":" + quoted(file.attribute()) + "}").doesNotContain(XXE_SECRET);
    }

    /** What the fake IBKR can serve: it sends text as UTF-8, so the files in other encodings stay with ingest and check. */
    static Stream<Rejected> rejectedUtf8() {
        return rejected().filter(r -> !r.name().startsWith("latin1") && !r.name().startsWith("utf16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedUtf8")
    void updateRejectsTheStatementAndLeavesTheLedgerAndTheArchivedFileAsTheyWere(Rejected file, @TempDir Path dataDir)
            throws Exception {
        Path previous = UpdateFixtures.previousDayFile(dataDir);
        byte[] previousBytes = Files.readAllBytes(previous);
        Path archive = dataDir.resolve("ibkr_flexquery");
        List<String> archivedBefore = UpdateFixtures.files(archive);
        Map<String, List<String>> before = TestServer.dump(ledger.dataSource());
        byte[] served = file.bytes().get();

        CliRun run;
        try (FakeFlexServer ibkr = new FakeFlexServer()) {
            ibkr.sendRequest(success("1", ibkr.baseUrl() + "/GetStatement"))
                    .getStatement(Reply.xml(new String(served, StandardCharsets.UTF_8)));
            List<String> args = UpdateFixtures.updateArgs(ibkr, dataDir);
            args.addAll(List.of("--data-dir", dataDir.toString(), "--db-url", ledger.url()));
            run = CliRun.of(args.toArray(String[]::new));
        }

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("not a usable statement, nothing was stored").contains(".failed.xml")
                .doesNotContain(XXE_SECRET).hasSizeLessThan(2_000);
        if (file.element() != null) {
            assertThat(run.err()).contains(":" + file.line() + ": <" + file.element() + "> attribute '" + file.attribute()
                    + "': ").contains(file.reason());
        }
        assertThat(TestServer.dump(ledger.dataSource())).isEqualTo(before);
        assertThat(previous).hasBinaryContent(previousBytes);
        List<String> added = new ArrayList<>(UpdateFixtures.files(archive));
        added.removeAll(archivedBefore);
        assertThat(added).singleElement().satisfies(f -> assertThat(f).endsWith(".failed.xml"));
        assertThat(archive.resolve(added.get(0))).hasBinaryContent(served);
        assertThat(UpdateFixtures.files(archive)).containsAll(archivedBefore).noneMatch(f -> f.startsWith(".staging/"));
    }

    @Test
    void aGoodFileIngestedWithABadOneIsNotStoredEither(@TempDir Path dir) throws Exception {
        Path good = Files.write(dir.resolve("another-account.xml"), resource("hostile/another-account.xml"));
        Path bad = Files.write(dir.resolve("nan-quantity.xml"), resource("hostile/nan-quantity.xml"));
        Map<String, List<String>> before = TestServer.dump(ledger.dataSource());

        CliRun run = alm("ingest", good.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INPUT_REJECTED);
        assertThat(run.err()).contains("nan-quantity.xml:6: <Trade> attribute 'quantity'");
        assertThat(TestServer.dump(ledger.dataSource())).isEqualTo(before);
    }

    /** An accepted file, and the trades it stores: "account transactionID quantity proceeds", sorted. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("utf8-bom.xml", List.of("U1234567 1001 100 -62800 Société Générale")),
                Arguments.of("utf16le-bom.xml", List.of("U1234567 1001 100 -62800 Société Générale")),
                Arguments.of("nested-50-unknown.xml", List.of("U1234567 1001 100 -62800 ")),
                Arguments.of("unknown-sections.xml", List.of("U1234567 1001 100 -62800 ")),
                Arguments.of("duplicate-transaction-ids.xml", List.of("U1234567 1001 200 -125600 ")),
                Arguments.of("another-account.xml", List.of("U7654321 2001 100 -62800 ")),
                Arguments.of("two-accounts.xml", List.of("U1234567 1001 100 -62800 ", "U7654321 2001 100 -62800 ")),
                Arguments.of("negative-and-exponent-numbers.xml",
                        List.of("U1234567 1001 -100 62800 ", "U1234567 1002 1000 -628000 ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void anAcceptedFileIsCheckedAndStoredAsItReads(String name, List<String> trades) throws Exception {
        Path path = CORPUS.resolve(name);
        CliRun check = CliRun.of("flex", "check", path.toString());
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains(": query hostile, ");

        TestServer.Database fresh = server.create("alm_accepted");
        try {
            CliRun run = CliRun.of("ingest", path.toString(), "--db-url", fresh.url());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out().lines()).hasSize((int) trades.stream().map(t -> t.split(" ")[0]).distinct().count())
                    .allMatch(l -> l.startsWith(name + ": account U***"));
            assertThat(strings(fresh.dataSource(), "SELECT account_id || ' ' || transaction_id || ' ' || quantity::float8"
                    + " || ' ' || proceeds::float8 || ' ' || coalesce(description, '') FROM alm_reporting.chronological_events"
                    + " ORDER BY 1")).containsExactlyElementsOf(trades);
        } finally {
            server.drop(fresh);
        }
    }

    // --- helpers

    private static CliRun alm(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--db-url", ledger.url()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> table(String name) throws SQLException {
        return TestServer.dump(ledger.dataSource()).get(name);
    }

    private static List<String> strings(PGSimpleDataSource db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    private static Rejected corpus(String name, int line, String element, String attribute, String reason) {
        return new Rejected(name, () -> resource("hostile/" + name), line, element, attribute, reason);
    }

    /** valid-small.xml cut after {@code at} bytes: rejected at the line where the input ends. */
    private static Rejected truncated(byte[] valid, int at) {
        byte[] cut = Arrays.copyOf(valid, at);
        int lines = 1 + (int) new String(cut, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        return new Rejected("cut-at-" + at + ".xml", () -> cut, lines, null, null, "malformed or truncated XML");
    }

    /** The XXE file with its entity pointing at a file of this test's, whose content must appear nowhere. */
    private static byte[] xxeOfTheTestSecret() {
        try {
            Path secret = serverDir.resolve("secret.txt");
            Files.writeString(secret, XXE_SECRET + "\n");
            return new String(resource("hostile/xxe-local-file.xml"), StandardCharsets.UTF_8)
                    .replace("file:///etc/passwd", secret.toUri().toString()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withHugeValue(byte[] valid, String tag) {
        String xml = new String(valid, StandardCharsets.UTF_8);
        String huge = "description=\"" + "A".repeat(10 * 1024 * 1024) + "\" ";
        return xml.replaceFirst(tag, tag + huge).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) {
        try {
            return Files.readAllBytes(RESOURCES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
