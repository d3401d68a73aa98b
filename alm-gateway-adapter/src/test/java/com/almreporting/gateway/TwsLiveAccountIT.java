package com.almreporting.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.OptionRight;
import com.almreporting.domain.model.Stock;
import com.almreporting.domain.model.live.LiveFill;
import com.almreporting.domain.model.live.LivePosition;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.out.LiveAccountUnavailableException.Reason;
import com.almreporting.gateway.fake.FakeAccount;
import com.almreporting.gateway.fake.FakeGateway;
import com.almreporting.gateway.fake.FakeGateway.Delivery;
import com.almreporting.gateway.fake.FakeGateway.Fault;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TwsLiveAccount} against the {@link FakeGateway} on loopback: the whole snapshot, and every fault mode ending
 * within its timeout with the right reason — never a hang (each test is also cut off preemptively).
 */
class TwsLiveAccountIT {

    private static final LocalDate DAY = LocalDate.of(2025, 7, 17);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 11:30 ET on DAY: mid-session. */
    private static final Clock CLOCK = Clock.fixed(DAY.atTime(11, 30).atZone(NEW_YORK).toInstant(), ZoneOffset.UTC);
    /** Long enough for a loopback session on a busy machine, short enough for the faults that wait it out. */
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /** A hang guard well above every timeout used here. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final BigDecimal USD_HKD = new BigDecimal("7.8493");

    private static TwsLiveAccount client(FakeGateway gateway) {
        GatewayConfig config = GatewayConfig.defaults().withPort(gateway.port()).withTimeout(TIMEOUT)
                .withCommissionGrace(Duration.ofMillis(150)).withGatewayZone(NEW_YORK);
        return new TwsLiveAccount(config, NyseCalendar.instance(), CLOCK);
    }

    private static LiveSnapshot snapshot(FakeGateway gateway) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> client(gateway).snapshot(TIMEOUT));
    }

    private static LiveAccountUnavailableException failure(FakeGateway gateway) {
        return failure(client(gateway));
    }

    private static LiveAccountUnavailableException failure(TwsLiveAccount client) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> {
            long start = System.nanoTime();
            LiveAccountUnavailableException e = catchThrowableOfType(LiveAccountUnavailableException.class,
                    () -> client.snapshot(TIMEOUT));
            assertThat(e).as("a failure").isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(500));
            return e;
        });
    }

    private static FakeGateway.Builder sample() {
        return FakeGateway.serving(FakeAccount.sample(DAY));
    }

    private static OptionContract call630() {
        return new OptionContract("SPY", DAY, OptionRight.CALL, new BigDecimal("630"), new BigDecimal("100"));
    }

    // ---- the whole snapshot

    @Test
    void snapshotHasNavCashExchangeRatesPositionsAndFillsWithCommissions() throws Exception {
        try (FakeGateway gateway = sample().start()) {
            LiveSnapshot s = snapshot(gateway);

            assertThat(s.account()).isEqualTo(AccountId.of("DU1234567"));
            assertThat(s.serverVersion()).isEqualTo(187);
            assertThat(s.takenAt()).isEqualTo(CLOCK.instant());
            assertThat(s.serverTime()).isEqualTo(DAY.atTime(11, 30).atZone(NEW_YORK).toInstant());
            assertThat(s.baseCurrency()).isEqualTo("HKD");
            assertThat(s.netLiquidation()).isEqualByComparingTo("1234567.89");
            assertThat(s.totalCash()).isEqualByComparingTo("745123.45");
            assertThat(s.summary()).containsEntry("BuyingPower", new BigDecimal("4938271.56"))
                    .containsEntry("CashBalance", new BigDecimal("745123.45"))
                    .doesNotContainKeys("AccountType", "Cushion");
            assertThat(s.exchangeRates()).containsExactly(entry("HKD", new BigDecimal("1.00")), entry("USD", USD_HKD));
            assertThat(s.exchangeRate("USD")).contains(USD_HKD);

            assertThat(s.positions()).extracting(LivePosition::instrument, LivePosition::quantity,
                            LivePosition::marketPrice, LivePosition::marketValue, LivePosition::averageCost,
                            LivePosition::unrealizedPnl, LivePosition::currency)
                    .containsExactly(
                            tuple(Stock.of("SPY"), new BigDecimal("100"), new BigDecimal("628.5"),
                                    new BigDecimal("62850.0"), new BigDecimal("625.11"), new BigDecimal("339.0"), "USD"),
                            tuple(call630(), new BigDecimal("-2"), new BigDecimal("0.35"), new BigDecimal("-70.0"),
                                    new BigDecimal("94.35"), new BigDecimal("118.7"), "USD"));

            assertThat(s.fills()).extracting(LiveFill::execId, LiveFill::instrument, LiveFill::side,
                            LiveFill::quantity, LiveFill::price, LiveFill::commission, LiveFill::commissionCurrency,
                            LiveFill::realizedPnl)
                    .containsExactly(
                            // its commission report arrived before it
                            tuple(FakeAccount.OPTION_SOLD, call630(), LiveFill.Side.SELL, new BigDecimal("-3"),
                                    new BigDecimal("0.95"), new BigDecimal("1.95"), "USD", null),
                            tuple(FakeAccount.STOCK_BOUGHT, Stock.of("SPY"), LiveFill.Side.BUY, new BigDecimal("100"),
                                    new BigDecimal("625.1"), new BigDecimal("1.0"), "USD", null),
                            // the correction replaced the original fill, with its own report
                            tuple(FakeAccount.OPTION_BOUGHT_CORRECTED, call630(), LiveFill.Side.BUY, BigDecimal.ONE,
                                    new BigDecimal("0.38"), new BigDecimal("0.65"), "USD", new BigDecimal("55.92")));
            assertThat(s.fills()).extracting(LiveFill::time).containsExactly(
                    DAY.atTime(10, 15, 2).atZone(NEW_YORK).toInstant(),
                    DAY.atTime(10, 31).atZone(NEW_YORK).toInstant(),
                    DAY.atTime(11, 2, 40).atZone(NEW_YORK).toInstant());
            LiveFill first = s.fills().get(0);
            assertThat(first.orderRef()).isEqualTo("wheel");
            assertThat(first.permId()).isEqualTo(1_111_111_111L);
            assertThat(first.exchange()).isEqualTo("CBOE");
            assertThat(s.warnings()).containsExactly("fill " + FakeAccount.OPTION_BOUGHT + " was corrected by "
                    + FakeAccount.OPTION_BOUGHT_CORRECTED + "; the correction is kept");
        }
    }

    @Test
    void requestsAreThoseOfTheFactSheetAndTheSessionEndsCleanly() throws Exception {
        try (FakeGateway gateway = sample().start()) {
            snapshot(gateway);
            assertThat(gateway.awaitConnectionEnded(Duration.ofSeconds(2))).isTrue();

            assertThat(gateway.versionOffers()).containsExactly("v100..187");
            assertThat(gateway.protocolErrors()).isEmpty();
            assertThat(gateway.requests()).containsExactly(
                    List.of("71", "2", "17", ""),
                    List.of("49", "1"),
                    List.of("62", "1", "9001", "All", TwsLiveAccount.SUMMARY_TAGS),
                    List.of("6", "2", "1", "DU1234567"),
                    List.of("61", "1"),
                    // executions since the close before today's session: 2025-07-16 16:00 ET = 20:00 UTC
                    List.of("7", "3", "9002", "0", "DU1234567", "20250716-20:00:00", "", "", "", ""),
                    // clean disconnect: every subscription ended before the socket closes
                    List.of("63", "1", "9001"),
                    List.of("6", "2", "0", "DU1234567"),
                    List.of("64", "1"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {178, 187})
    void serverVersionsFrom178To187AreRead(int version) throws Exception {
        try (FakeGateway gateway = sample().serverVersion(version).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.serverVersion()).isEqualTo(version);
            assertThat(s.fills()).hasSize(3);
            assertThat(s.netLiquidation()).isEqualByComparingTo("1234567.89");
        }
    }

    @ParameterizedTest
    @EnumSource(Delivery.class)
    void everyTcpSegmentationGivesTheSameSnapshot(Delivery delivery) throws Exception {
        LiveSnapshot reference;
        try (FakeGateway gateway = sample().start()) {
            reference = snapshot(gateway);
        }
        try (FakeGateway gateway = sample().delivery(delivery).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s).usingRecursiveComparison().isEqualTo(reference);
        }
    }

    @Test
    void reorderedBootstrapUnknownMessagesAndFarmNoticesAreTolerated() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.BOOTSTRAP_REORDERED, Fault.UNKNOWN_MESSAGES)
                .delivery(Delivery.COALESCED).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.fills()).hasSize(3);
            assertThat(s.positions()).hasSize(2);
            assertThat(s.warnings()).noneMatch(w -> w.contains("2104") || w.contains("2106") || w.contains("2158"));
        }
    }

    @Test
    void commissionReportsAfterTheEndMarkerAreAwaitedWithinTheGrace() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.COMMISSIONS_AFTER_END).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.fills()).allMatch(LiveFill::hasCommissionReport);
        }
    }

    @Test
    void disconnectWhileAwaitingCommissionsKeepsTheSnapshotAndSaysWhatIsMissing() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.COMMISSIONS_AFTER_END, Fault.DISCONNECT_BEFORE_LATE_COMMISSIONS)
                .start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.fills()).hasSize(3).noneMatch(LiveFill::hasCommissionReport);
            assertThat(s.warnings()).anyMatch(w -> w.contains("closed the connection while this client waited"))
                    .anyMatch(w -> w.startsWith("no commission report yet for fill " + FakeAccount.OPTION_SOLD));
        }
    }

    @Test
    void connectivityNoticesBecomeWarnings() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.CONNECTIVITY_NOTICES).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.warnings()).anyMatch(w -> w.contains("1100")).anyMatch(w -> w.contains("1102"))
                    .noneMatch(w -> w.contains("not restored"));
        }
    }

    @Test
    void noCurrentTimeReplyLeavesServerTimeEmpty() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.NO_CURRENT_TIME).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.serverTime()).isNull();
            assertThat(s.warnings()).contains("no currentTime reply from the gateway");
        }
    }

    @Test
    void severalManagedAccountsTakeTheConfiguredOne() throws Exception {
        FakeAccount account = FakeAccount.sample(DAY).managedAccounts("DU7654321", "DU1234567");
        try (FakeGateway gateway = FakeGateway.serving(account).start()) {
            TwsLiveAccount client = new TwsLiveAccount(client(gateway).config().withAccount("DU1234567"),
                    NyseCalendar.instance(), CLOCK);
            LiveSnapshot s = assertTimeoutPreemptively(HANG_GUARD, () -> client.snapshot(TIMEOUT));
            assertThat(s.account()).isEqualTo(AccountId.of("DU1234567"));
            assertThat(s.managedAccounts()).extracting(AccountId::value).containsExactly("DU7654321", "DU1234567");
        }
    }

    @Test
    void anAccountTheLoginDoesNotManageIsRefused() throws Exception {
        try (FakeGateway gateway = sample().start()) {
            TwsLiveAccount client = new TwsLiveAccount(client(gateway).config().withAccount("U999"),
                    NyseCalendar.instance(), CLOCK);
            LiveAccountUnavailableException e = failure(client);
            assertThat(e.reason()).isEqualTo(Reason.REFUSED);
            assertThat(e.getMessage()).contains("U999", "[DU1234567]", "IB_GATEWAY_ACCOUNT");
        }
    }

    // ---- lists that never end: what arrived, with a warning, within the timeout

    @Test
    void missingExecDetailsEndReturnsTheFillsThatArrivedWithAWarning() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.NO_EXEC_DETAILS_END).start()) {
            long start = System.nanoTime();
            LiveSnapshot s = snapshot(gateway);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusMillis(500));
            assertThat(s.fills()).hasSize(3).allMatch(LiveFill::hasCommissionReport);
            assertThat(s.warnings()).anyMatch(w -> w.startsWith("no execDetailsEnd within 0.7 s"));
        }
    }

    @Test
    void missingAccountSummaryEndStillGivesNavFromTheSummaryRows() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.NO_ACCOUNT_SUMMARY_END).delivery(Delivery.COALESCED).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.netLiquidation()).isEqualByComparingTo("1234567.89");
            assertThat(s.warnings()).anyMatch(w -> w.startsWith("no accountSummaryEnd within"));
        }
    }

    @Test
    void rejectedAccountSummaryFallsBackToAccountUpdates() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.SUMMARY_REJECTED).start()) {
            LiveSnapshot s = snapshot(gateway);
            assertThat(s.netLiquidation()).isEqualByComparingTo("1234567.89");
            assertThat(s.totalCash()).isEqualByComparingTo("745123.45");
            assertThat(s.summary()).isEmpty();
            assertThat(s.warnings()).anyMatch(w -> w.contains("account summary request failed (error 322"));
        }
    }

    @Test
    void noNavAtAllIsATimeout() throws Exception {
        FakeAccount empty = new FakeAccount("DU1234567");
        try (FakeGateway gateway = FakeGateway.serving(empty).fault(Fault.NO_ACCOUNT_DOWNLOAD_END).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("no NetLiquidation");
        }
    }

    // ---- faults that fail the snapshot

    @Test
    void clientIdInUse() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.CLIENT_ID_IN_USE).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.CLIENT_ID_IN_USE);
            assertThat(e.getMessage()).contains("client id 17", "326", "IB_GATEWAY_CLIENT_ID");
        }
    }

    @Test
    void disconnectMidSession() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.DISCONNECT_BEFORE_EXECUTIONS).delivery(Delivery.BYTE_BY_BYTE)
                .start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.DISCONNECTED);
            assertThat(e.getMessage()).contains("closed the connection in the middle of the snapshot");
        }
    }

    @Test
    void serverVersionBelow178IsRefusedWithAClearMessage() throws Exception {
        try (FakeGateway gateway = sample().serverVersion(170).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.VERSION_TOO_OLD);
            assertThat(e.getMessage()).contains("server version 170", "at least 178", "update");
            assertThat(gateway.awaitConnectionEnded(Duration.ofSeconds(2))).isTrue();
            assertThat(gateway.requests()).as("no START_API after a refused version").isEmpty();
        }
    }

    @Test
    void nothingListeningIsRefused() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        TwsLiveAccount client = new TwsLiveAccount(GatewayConfig.defaults().withPort(port).withTimeout(TIMEOUT),
                NyseCalendar.instance(), CLOCK);
        LiveAccountUnavailableException e = failure(client);
        assertThat(e.reason()).isEqualTo(Reason.REFUSED);
        assertThat(e.getMessage()).contains("127.0.0.1:" + port, "Enable ActiveX and Socket Clients", "4002");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.SILENT).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).contains("sent no server version within 0.7 s", "Trusted IPs");
        }
    }

    @Test
    void aServerThatClosesOnAcceptIsADisconnect() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.CLOSE_ON_ACCEPT).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.DISCONNECTED);
            assertThat(e.getMessage()).contains("during the handshake");
        }
    }

    @Test
    void anOversizedFrameIsAProtocolErrorAndClosesTheConnection() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.OVERSIZED_FRAME).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.PROTOCOL);
            assertThat(e.getMessage()).contains("frame length 2147483647 exceeds the limit");
            assertThat(gateway.awaitConnectionEnded(Duration.ofSeconds(2))).as("the client closed the socket").isTrue();
        }
    }

    @Test
    void anotherServiceOnThePortIsAProtocolError() throws Exception {
        try (FakeGateway gateway = sample().fault(Fault.NOT_TWS).start()) {
            LiveAccountUnavailableException e = failure(gateway);
            assertThat(e.reason()).isEqualTo(Reason.PROTOCOL);
            assertThat(e.getMessage()).contains("not TWS protocol", "48545450", "not at another service");
        }
    }

    @Test
    void anUnknownHostIsNotReachable() {
        TwsLiveAccount client = new TwsLiveAccount(GatewayConfig.defaults().withHost("no-such-host.invalid")
                .withTimeout(TIMEOUT), NyseCalendar.instance(), CLOCK);
        LiveAccountUnavailableException e = failure(client);
        assertThat(e.reason()).isEqualTo(Reason.NOT_REACHABLE);
        assertThat(e.getMessage()).contains("no-such-host.invalid", "IB_GATEWAY_HOST");
    }

    // ---- the executions filter

    @Test
    void executionsAreAskedFromTheCloseBeforeTheLastOpenedSession() {
        NyseCalendar nyse = NyseCalendar.instance();
        Instant fridayClose = LocalDate.of(2025, 7, 11).atTime(16, 0).atZone(NEW_YORK).toInstant();
        Instant mondayClose = LocalDate.of(2025, 7, 14).atTime(16, 0).atZone(NEW_YORK).toInstant();
        Instant tuesdayClose = LocalDate.of(2025, 7, 15).atTime(16, 0).atZone(NEW_YORK).toInstant();
        // before Tuesday's open: Monday's window and Tuesday's pre-market
        assertThat(TwsLiveAccount.executionsSince(at(2025, 7, 15, 8, 0), nyse)).isEqualTo(fridayClose);
        // Tuesday in session and after its close
        assertThat(TwsLiveAccount.executionsSince(at(2025, 7, 15, 11, 0), nyse)).isEqualTo(mondayClose);
        assertThat(TwsLiveAccount.executionsSince(at(2025, 7, 15, 19, 0), nyse)).isEqualTo(mondayClose);
        // Saturday: Friday's window
        assertThat(TwsLiveAccount.executionsSince(at(2025, 7, 19, 12, 0), nyse))
                .isEqualTo(LocalDate.of(2025, 7, 17).atTime(16, 0).atZone(NEW_YORK).toInstant());
        assertThat(TwsLiveAccount.executionsSince(at(2025, 7, 16, 9, 30), nyse)).isEqualTo(tuesdayClose);
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return LocalDate.of(y, m, d).atTime(h, min).atZone(NEW_YORK).toInstant();
    }

    @Test
    void theFakeCanBeReusedForSeveralSessions() throws IOException {
        try (FakeGateway gateway = sample().start()) {
            assertThat(snapshot(gateway).fills()).hasSize(3);
            assertThat(snapshot(gateway).fills()).hasSize(3);
        }
    }
}
