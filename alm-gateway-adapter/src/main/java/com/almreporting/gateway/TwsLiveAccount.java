package com.almreporting.gateway;

import com.almreporting.domain.calendar.NyseCalendar;
import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccount;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.out.LiveAccountUnavailableException.Reason;
import com.almreporting.gateway.protocol.ExecTimes;
import com.almreporting.gateway.protocol.Handshake;
import com.almreporting.gateway.protocol.Handshake.ServerHello;
import com.almreporting.gateway.protocol.Incoming;
import com.almreporting.gateway.protocol.Requests;
import com.almreporting.gateway.protocol.TwsProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LiveAccount} over the TWS socket protocol (DESIGN §11, TWS-FACTS): one short session per snapshot.
 *
 * <ol>
 *   <li>connect; handshake {@code API\0} + {@code v100..187}; refuse a server below 178 (VERSION_TOO_OLD) or outside
 *       the range (PROTOCOL);</li>
 *   <li>startApi with the configured client id; wait for managedAccounts and nextValidId (326 → CLIENT_ID_IN_USE);</li>
 *   <li>request, all at once: current time, account summary ({@link #SUMMARY_TAGS}, group {@code All}), account
 *       updates for the account (values incl. {@code ExchangeRate}, portfolio with market values), positions, and
 *       executions since the close before the current session's trading day;</li>
 *   <li>read until every list has ended, then wait a short grace for commission reports that trail their fills;</li>
 *   <li>unsubscribe, close, and build the snapshot.</li>
 * </ol>
 * The whole call is bounded by the timeout. A list that never ends (IBKR sometimes never sends execDetailsEnd)
 * does not fail the snapshot: what arrived is returned and a warning says what is missing; only a snapshot without
 * any NetLiquidation fails. Thread-safe: each call has its own connection.
 */
public final class TwsLiveAccount implements LiveAccount {

    /**
     * The account-summary tags (TWS-FACTS §8.2): the NAV and cash figures plus the usual margin figures, and
     * {@code $LEDGER}, the cash-balance tags in the base currency.
     */
    public static final String SUMMARY_TAGS = "NetLiquidation,TotalCashValue,SettledCash,AccruedCash,BuyingPower,"
            + "EquityWithLoanValue,GrossPositionValue,InitMarginReq,MaintMarginReq,AvailableFunds,ExcessLiquidity,$LEDGER";

    private static final Logger LOG = LoggerFactory.getLogger(TwsLiveAccount.class);

    private final GatewayConfig config;
    private final TradingCalendar calendar;
    private final Clock clock;

    public TwsLiveAccount(GatewayConfig config) {
        this(config, NyseCalendar.instance(), Clock.systemUTC());
    }

    public TwsLiveAccount(GatewayConfig config, TradingCalendar calendar, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public GatewayConfig config() {
        return config;
    }

    /** A snapshot within the configured timeout. */
    public LiveSnapshot snapshot() throws LiveAccountUnavailableException {
        return snapshot(config.timeout());
    }

    @Override
    public LiveSnapshot snapshot(Duration timeout) throws LiveAccountUnavailableException {
        Duration limit = timeout == null || timeout.isZero() || timeout.isNegative() ? config.timeout() : timeout;
        Deadline deadline = Deadline.after(limit);
        TwsConnection connection = connect(deadline, limit);
        try {
            return new Session(connection, deadline, limit).run();
        } finally {
            connection.close();
        }
    }

    /**
     * The start of the executions filter: the close before the trading day of the last session that has opened, so
     * that the fills of the current (or just finished) trading-day window and everything after it are asked for.
     */
    static Instant executionsSince(Instant now, TradingCalendar calendar) {
        LocalDate day = now.atZone(calendar.zone()).toLocalDate();
        if (!calendar.isTradingDay(day)) {
            day = calendar.previousTradingDay(day);
        }
        if (calendar.open(day).isAfter(now)) {
            day = calendar.previousTradingDay(day);
        }
        return calendar.close(calendar.previousTradingDay(day));
    }

    private TwsConnection connect(Deadline deadline, Duration limit) throws LiveAccountUnavailableException {
        String where = config.address();
        try {
            return TwsConnection.open(config.host(), config.port(), deadline);
        } catch (ConnectException e) {
            throw new LiveAccountUnavailableException(Reason.REFUSED,
                    "nothing accepted a connection at " + where + " (" + e.getMessage() + ")", e);
        } catch (SocketTimeoutException e) {
            throw new LiveAccountUnavailableException(Reason.NOT_REACHABLE,
                    "no answer from " + where + " within " + seconds(limit), e);
        } catch (UnknownHostException e) {
            throw new LiveAccountUnavailableException(Reason.NOT_REACHABLE,
                    "could not resolve the host name " + e.getMessage(), e);
        } catch (NoRouteToHostException e) {
            throw new LiveAccountUnavailableException(Reason.NOT_REACHABLE, "no route to " + where, e);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw new LiveAccountUnavailableException(Reason.NOT_REACHABLE,
                    "could not connect to " + where + " (" + e + ")", e);
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** One session: the phases of the class comment, over one connection. */
    private final class Session {
        private final TwsConnection connection;
        private final Deadline deadline;
        private final Duration limit;
        private final String where = config.address();
        private SnapshotCollector collector;
        private int serverVersion;

        Session(TwsConnection connection, Deadline deadline, Duration limit) {
            this.connection = connection;
            this.deadline = deadline;
            this.limit = limit;
        }

        LiveSnapshot run() throws LiveAccountUnavailableException {
            handshake();
            collector = new SnapshotCollector(where, config.clientId(), new ExecTimes(config.gatewayZone()));
            send(Requests.startApi(config.clientId()), "startApi");
            while (!collector.ready()) {
                Incoming m = read(deadline, "waiting for the API session (managedAccounts, nextValidId)");
                if (m == null) {
                    throw new LiveAccountUnavailableException(Reason.TIMEOUT, "IB Gateway at " + where + " (server version "
                            + serverVersion + ") did not open the API session for client id " + config.clientId()
                            + " within " + seconds(limit));
                }
                accept(m);
            }
            String account = chooseAccount();
            collector.account(account);
            Instant since = executionsSince(clock.instant(), calendar);
            send(Requests.reqCurrentTime(), "reqCurrentTime");
            send(Requests.reqAccountSummary(SnapshotCollector.SUMMARY_REQ_ID, "All", SUMMARY_TAGS), "reqAccountSummary");
            send(Requests.reqAccountUpdates(true, account), "reqAccountUpdates");
            send(Requests.reqPositions(), "reqPositions");
            send(Requests.reqExecutions(SnapshotCollector.EXECUTIONS_REQ_ID, 0, account, ExecTimes.filterTime(since),
                    "", "", "", ""), "reqExecutions");
            boolean disconnected = false;
            try {
                while (!collector.requestsComplete()) {
                    Incoming m = read(deadline, "reading the account");
                    if (m == null) {
                        break;
                    }
                    accept(m);
                }
                if (collector.requestsComplete() && !collector.commissionsComplete()) {
                    Deadline grace = deadline.atMost(config.commissionGrace());
                    while (!collector.commissionsComplete()) {
                        Incoming m = read(grace, "waiting for commission reports");
                        if (m == null) {
                            break;
                        }
                        accept(m);
                    }
                }
            } catch (Closed e) {
                if (!collector.requestsComplete()) {
                    throw new LiveAccountUnavailableException(Reason.DISCONNECTED, "IB Gateway at " + where
                            + " closed the connection in the middle of the snapshot (" + e.getMessage() + ")", e);
                }
                collector.warn("IB Gateway closed the connection while this client waited for commission reports");
                disconnected = true;
            }
            boolean timedOut = !collector.requestsComplete();
            if (timedOut) {
                collector.noteMissingEnds(seconds(limit));
            }
            if (!disconnected) {
                unsubscribe(account);
            }
            LiveSnapshot snapshot = collector.build(clock.instant(), serverVersion,
                    timedOut ? Reason.TIMEOUT : Reason.PROTOCOL);
            LOG.info("IB Gateway {}: snapshot of {} with {} positions, {} fills, {} warnings", where, account,
                    snapshot.positions().size(), snapshot.fills().size(), snapshot.warnings().size());
            return snapshot;
        }

        private void handshake() throws LiveAccountUnavailableException {
            send(Handshake.clientHello(), "the handshake");
            byte[] frame;
            try {
                frame = connection.nextFrame(deadline);
            } catch (EOFException e) {
                throw new LiveAccountUnavailableException(Reason.DISCONNECTED, "IB Gateway at " + where
                        + " accepted the connection and closed it during the handshake (a gateway does this when this "
                        + "host is not a trusted API client)", e);
            } catch (TwsProtocolException e) {
                throw new LiveAccountUnavailableException(Reason.PROTOCOL,
                        "the handshake answer from " + where + " is not TWS protocol: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new LiveAccountUnavailableException(Reason.DISCONNECTED,
                        "the connection to " + where + " failed during the handshake (" + e + ")", e);
            }
            if (frame == null) {
                throw new LiveAccountUnavailableException(Reason.TIMEOUT, "IB Gateway at " + where
                        + " accepted the connection but sent no server version within " + seconds(limit));
            }
            ServerHello hello;
            try {
                hello = ServerHello.parse(frame);
            } catch (TwsProtocolException e) {
                throw new LiveAccountUnavailableException(Reason.PROTOCOL,
                        "the handshake answer from " + where + " is not TWS protocol: " + e.getMessage(), e);
            }
            int v = hello.serverVersion();
            if (v > 0 && v < Handshake.MIN_SERVER_VERSION) {
                throw new LiveAccountUnavailableException(Reason.VERSION_TOO_OLD, "IB Gateway at " + where
                        + " speaks API server version " + v + "; this client needs at least "
                        + Handshake.MIN_SERVER_VERSION);
            }
            if (v < Handshake.MIN_CLIENT_VERSION || v > Handshake.MAX_CLIENT_VERSION) {
                throw new LiveAccountUnavailableException(Reason.PROTOCOL, "IB Gateway at " + where + " answered server "
                        + "version " + v + ", outside the range v" + Handshake.MIN_CLIENT_VERSION + ".."
                        + Handshake.MAX_CLIENT_VERSION + " this client offered" + (v == -1 ? " (a redirect)" : ""));
            }
            serverVersion = v;
            connection.negotiated(v);
            LOG.info("IB Gateway {}: server version {}, connection time {}", where, v, hello.connectionTime());
        }

        private String chooseAccount() throws LiveAccountUnavailableException {
            List<String> managed = collector.managedAccounts();
            if (config.account() != null) {
                if (!managed.contains(config.account())) {
                    throw new LiveAccountUnavailableException(Reason.REFUSED, "account " + config.account()
                            + " (IB_GATEWAY_ACCOUNT) is not managed by the login at " + where + ", which manages "
                            + managed + "; set IB_GATEWAY_ACCOUNT to one of them");
                }
                return config.account();
            }
            if (managed.isEmpty()) {
                throw new LiveAccountUnavailableException(Reason.REFUSED,
                        "IB Gateway at " + where + " reported no managed account");
            }
            if (managed.size() > 1) {
                collector.warn("the login manages " + managed + "; the snapshot is of " + managed.get(0)
                        + " (set IB_GATEWAY_ACCOUNT to choose)");
            }
            return managed.get(0);
        }

        private void accept(Incoming m) throws LiveAccountUnavailableException {
            collector.accept(m);
            if (collector.fatal() != null) {
                throw collector.fatal();
            }
        }

        /** The next message, or null at {@code until}; a closed connection is {@link Closed}. */
        private Incoming read(Deadline until, String doing) throws LiveAccountUnavailableException {
            try {
                return connection.next(until);
            } catch (TwsProtocolException e) {
                throw new LiveAccountUnavailableException(Reason.PROTOCOL, "IB Gateway at " + where + " sent a message this "
                        + "client cannot read while " + doing + ": " + e.getMessage(), e);
            } catch (EOFException e) {
                if (collector.ready()) {
                    throw new Closed(e.getMessage(), e);
                }
                throw new LiveAccountUnavailableException(Reason.DISCONNECTED, "IB Gateway at " + where
                        + " closed the connection while " + doing, e);
            } catch (IOException e) {
                if (collector.ready()) {
                    throw new Closed(e.toString(), e);
                }
                throw new LiveAccountUnavailableException(Reason.DISCONNECTED,
                        "the connection to " + where + " failed while " + doing + " (" + e + ")", e);
            }
        }

        private void send(byte[] frame, String what) throws LiveAccountUnavailableException {
            try {
                connection.send(frame);
            } catch (IOException e) {
                throw new LiveAccountUnavailableException(Reason.DISCONNECTED,
                        "the connection to " + where + " failed while sending " + what + " (" + e + ")", e);
            }
        }

        /** Ends the subscriptions before closing (closing alone would too; this is the polite way). */
        private void unsubscribe(String account) {
            try {
                connection.send(Requests.cancelAccountSummary(SnapshotCollector.SUMMARY_REQ_ID));
                connection.send(Requests.reqAccountUpdates(false, account));
                connection.send(Requests.cancelPositions());
            } catch (IOException e) {
                LOG.debug("IB Gateway {}: unsubscribing failed ({}); closing anyway", where, e.toString());
            }
        }
    }

    /** The gateway closed the connection after the session was ready: fatal unless every list had ended. */
    private static final class Closed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Closed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
