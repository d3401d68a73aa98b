package com.almreporting.gateway;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.live.LiveFill;
import com.almreporting.domain.model.live.LivePosition;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.domain.port.out.LiveAccountUnavailableException.Reason;
import com.almreporting.gateway.protocol.ExecTimes;
import com.almreporting.gateway.protocol.Incoming;
import com.almreporting.gateway.protocol.TwsProtocolException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one session received, and the rules that turn it into a {@link LiveSnapshot}: which of the requested
 * lists have ended, which gateway messages are fatal, which are warnings, how fills, corrections and commission
 * reports are joined. Fed one message at a time by {@link TwsLiveAccount}; not thread-safe.
 */
final class SnapshotCollector {

    static final int SUMMARY_REQ_ID = 9001;
    static final int EXECUTIONS_REQ_ID = 9002;

    /** Farm-status "connection is OK" notices at every login: logged, not warnings (TWS-FACTS §1.4). */
    private static final Set<Integer> FARM_OK = Set.of(2104, 2106, 2158);

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCollector.class);

    private final String address;
    private final int clientId;
    private final ExecTimes execTimes;

    private List<String> managedAccounts;
    private boolean nextValidId;
    private String account;
    private LiveAccountUnavailableException fatal;

    /** tag → currency → value; the same shape for account summary rows and account values. */
    private final Map<String, Map<String, String>> summary = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> accountValues = new LinkedHashMap<>();
    private final Map<Long, Incoming.PortfolioValue> portfolio = new LinkedHashMap<>();
    private final Map<Long, Incoming.Position> positions = new LinkedHashMap<>();
    private final Map<String, Incoming.ExecDetails> executions = new LinkedHashMap<>();
    private final Map<String, Incoming.CommissionReport> commissions = new LinkedHashMap<>();
    private boolean summaryEnd;
    private boolean downloadEnd;
    private boolean positionEnd;
    private boolean executionsEnd;
    private Long serverTime;
    private boolean connectivityLost;
    private final Set<String> warnings = new LinkedHashSet<>();

    SnapshotCollector(String address, int clientId, ExecTimes execTimes) {
        this.address = address;
        this.clientId = clientId;
        this.execTimes = execTimes;
    }

    // ---- the session's progress

    /** Both bootstrap messages have arrived (TWS-FACTS §1.4): the API session is usable. */
    boolean ready() {
        return managedAccounts != null && nextValidId;
    }

    List<String> managedAccounts() {
        return managedAccounts == null ? List.of() : managedAccounts;
    }

    void account(String chosen) {
        this.account = chosen;
    }

    /** A message that ends the session (326, 502, 504), once seen. */
    LiveAccountUnavailableException fatal() {
        return fatal;
    }

    /** Every requested list has sent its end marker (or failed with an error addressed to it). */
    boolean requestsComplete() {
        return summaryEnd && downloadEnd && positionEnd && executionsEnd;
    }

    /** Every fill kept so far has its commission report. */
    boolean commissionsComplete() {
        for (Incoming.ExecDetails e : executions.values()) {
            if (isOurs(e) && !commissions.containsKey(e.execution().execId())) {
                return false;
            }
        }
        return true;
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** Warnings for each list that never ended, after the session's time ran out. */
    void noteMissingEnds(String waited) {
        if (!summaryEnd) {
            warn("no accountSummaryEnd within " + waited + ": the account summary is what arrived; NAV and cash fall back "
                    + "to the account updates where the summary lacks them");
        }
        if (!downloadEnd) {
            warn("no accountDownloadEnd within " + waited + ": account values and portfolio may be incomplete");
        }
        if (!positionEnd) {
            warn("no positionEnd within " + waited + ": the cross-check against reqPositions may be incomplete");
        }
        if (!executionsEnd) {
            warn("no execDetailsEnd within " + waited + ": today's fills are those that arrived (IBKR sometimes never "
                    + "ends this list; setting the gateway's \"Send instrument-specific attributes for dual-mode API "
                    + "client in\" to UTC format cured it for some users)");
        }
    }

    // ---- messages

    void accept(Incoming m) {
        if (m instanceof Incoming.ErrorMessage e) {
            error(e);
        } else if (m instanceof Incoming.ManagedAccounts a) {
            managedAccounts = a.accounts();
        } else if (m instanceof Incoming.NextValidId) {
            nextValidId = true;
        } else if (m instanceof Incoming.AccountSummary s) {
            if (s.reqId() == SUMMARY_REQ_ID && isAccount(s.account())) {
                summary.computeIfAbsent(s.tag(), t -> new LinkedHashMap<>()).put(s.currency(), s.value());
            }
        } else if (m instanceof Incoming.AccountSummaryEnd e) {
            summaryEnd |= e.reqId() == SUMMARY_REQ_ID;
        } else if (m instanceof Incoming.AccountValue v) {
            if (isAccountOrUnnamed(v.account())) {
                accountValues.computeIfAbsent(v.key(), k -> new LinkedHashMap<>()).put(v.currency(), v.value());
            }
        } else if (m instanceof Incoming.PortfolioValue p) {
            if (isAccountOrUnnamed(p.account())) {
                portfolio.put(p.contract().conId(), p);
            }
        } else if (m instanceof Incoming.AccountDownloadEnd e) {
            downloadEnd |= isAccountOrUnnamed(e.account());
        } else if (m instanceof Incoming.Position p) {
            if (isAccount(p.account())) {
                positions.put(p.contract().conId(), p);
            }
        } else if (m instanceof Incoming.PositionEnd) {
            positionEnd = true;
        } else if (m instanceof Incoming.ExecDetails e) {
            executions.put(e.execution().execId(), e);
        } else if (m instanceof Incoming.ExecDetailsEnd e) {
            executionsEnd |= e.reqId() == EXECUTIONS_REQ_ID;
        } else if (m instanceof Incoming.CommissionReport c) {
            commissions.put(c.execId(), c);
        } else if (m instanceof Incoming.CurrentTime t) {
            serverTime = t.epochSeconds();
        } else if (m instanceof Incoming.Unknown u) {
            LOG.debug("skipped message id {} ({} fields)", u.id(), u.fieldCount());
        }
        // AccountUpdateTime: nothing to keep.
    }

    private void error(Incoming.ErrorMessage e) {
        int code = e.code();
        String text = code + " \"" + e.message() + "\"";
        switch (code) {
            case 326 -> fatal = new LiveAccountUnavailableException(Reason.CLIENT_ID_IN_USE,
                    "IB Gateway at " + address + " refused client id " + clientId + " (error " + text + ")");
            case 502 -> fatal = new LiveAccountUnavailableException(Reason.REFUSED,
                    "IB Gateway at " + address + " could not connect the API session (error " + text + ")");
            case 504 -> fatal = new LiveAccountUnavailableException(Reason.DISCONNECTED,
                    "IB Gateway at " + address + " reports the API session not connected (error " + text + ")");
            case 1100 -> {
                connectivityLost = true;
                warn("IB Gateway lost its connection to IBKR during the snapshot (error " + text + "): values may be stale");
            }
            case 1101, 1102 -> {
                connectivityLost = false;
                warn("IB Gateway's connection to IBKR was restored during the snapshot (error " + text + ")"
                        + (code == 1101 ? ": market data was lost, values may be incomplete" : ""));
            }
            default -> {
                if (FARM_OK.contains(code)) {
                    LOG.debug("gateway notice {}", text);
                } else if (e.id() == SUMMARY_REQ_ID) {
                    summaryEnd = true;
                    warn("the account summary request failed (error " + text + "); NAV and cash come from account updates");
                } else if (e.id() == EXECUTIONS_REQ_ID) {
                    executionsEnd = true;
                    warn("the executions request failed (error " + text + "); today's fills are those that arrived");
                } else {
                    warn("gateway message " + text + (e.id() == -1 ? "" : " for request " + e.id()));
                }
            }
        }
    }

    private boolean isAccount(String name) {
        return account != null && account.equals(name);
    }

    private boolean isAccountOrUnnamed(String name) {
        return account != null && (name == null || name.isEmpty() || account.equals(name));
    }

    private boolean isOurs(Incoming.ExecDetails e) {
        return account != null && account.equals(e.execution().account());
    }

    // ---- the snapshot

    /**
     * The snapshot from what arrived. No NetLiquidation at all is a failure: {@code missingNavReason} (TIMEOUT when
     * time ran out, PROTOCOL when the gateway ended every list without one).
     */
    LiveSnapshot build(Instant takenAt, int serverVersion, Reason missingNavReason) throws LiveAccountUnavailableException {
        List<String> notes = new ArrayList<>();
        String base = baseCurrency();
        BigDecimal nav = base == null ? null : firstNumber(base, "NetLiquidation");
        if (nav == null) {
            throw new LiveAccountUnavailableException(missingNavReason, "IB Gateway at " + address
                    + " sent no NetLiquidation for account " + account
                    + (missingNavReason == Reason.TIMEOUT ? " before the timeout" : ""));
        }
        BigDecimal cash = firstNumber(base, "TotalCashValue");
        if (cash == null) {
            cash = number(accountValues, "TotalCashBalance", "BASE");
        }
        if (cash == null) {
            notes.add("no TotalCashValue in " + base + " from the gateway");
        }
        List<LivePosition> livePositions = positions(notes);
        List<LiveFill> fills = fills(notes);
        if (connectivityLost) {
            notes.add("IB Gateway's connection to IBKR was not restored by the end of the snapshot: values may be stale");
        }
        if (serverTime == null) {
            notes.add("no currentTime reply from the gateway");
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(notes);
        return new LiveSnapshot(AccountId.of(account), managedAccounts().stream().map(AccountId::of).toList(), takenAt,
                serverTime == null ? null : Instant.ofEpochSecond(serverTime), serverVersion, base, nav, cash,
                baseSummary(base), exchangeRates(), livePositions, fills, all);
    }

    /** TWS-FACTS §8.3: the currency column of NetLiquidation; else the ExchangeRate row equal to 1 that is not BASE. */
    private String baseCurrency() {
        for (Map<String, Map<String, String>> source : List.of(summary, accountValues)) {
            for (String ccy : source.getOrDefault("NetLiquidation", Map.of()).keySet()) {
                if (isCurrencyCode(ccy)) {
                    return ccy;
                }
            }
        }
        String candidate = null;
        for (Map.Entry<String, String> e : accountValues.getOrDefault("ExchangeRate", Map.of()).entrySet()) {
            BigDecimal v = parse(e.getValue());
            if (isCurrencyCode(e.getKey()) && v != null && v.compareTo(BigDecimal.ONE) == 0) {
                if (candidate != null) {
                    return null;
                }
                candidate = e.getKey();
            }
        }
        return candidate;
    }

    /** The tag in the base currency: from the account summary first, then the account updates. */
    private BigDecimal firstNumber(String base, String tag) {
        BigDecimal v = number(summary, tag, base);
        if (v == null) {
            v = number(summary, tag, "BASE");
        }
        if (v == null) {
            v = number(accountValues, tag, base);
        }
        return v;
    }

    private Map<String, BigDecimal> baseSummary(String base) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : summary.entrySet()) {
            String value = e.getValue().get(base);
            if (value == null) {
                value = e.getValue().get("BASE");
            }
            BigDecimal v = parse(value);
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** TWS-FACTS §8.1: ExchangeRate[X] = units of base per one X; the BASE pseudo-row is left out. */
    private Map<String, BigDecimal> exchangeRates() {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Map.Entry<String, String> e : accountValues.getOrDefault("ExchangeRate", Map.of()).entrySet()) {
            BigDecimal v = parse(e.getValue());
            if (isCurrencyCode(e.getKey()) && v != null && v.signum() > 0) {
                out.put(e.getKey(), v);
            }
        }
        return new LinkedHashMap<>(out);
    }

    private List<LivePosition> positions(List<String> notes) {
        AccountId id = AccountId.of(account);
        List<LivePosition> out = new ArrayList<>();
        for (Incoming.PortfolioValue p : portfolio.values()) {
            if (p.position().signum() == 0) {
                continue; // a position closed today (TWS-FACTS §8.1)
            }
            out.add(new LivePosition(id, p.contract().conId(), Contracts.instrument(p.contract(), notes),
                    p.contract().currency(), p.position(), p.averageCost(), p.marketPrice(), p.marketValue(),
                    p.unrealizedPnl(), p.realizedPnl()));
        }
        for (Incoming.Position p : positions.values()) {
            if (p.position().signum() != 0 && !portfolio.containsKey(p.contract().conId())) {
                notes.add("position " + Contracts.display(p.contract()) + " (conId " + p.contract().conId()
                        + ") came from reqPositions only: no market value");
                out.add(new LivePosition(id, p.contract().conId(), Contracts.instrument(p.contract(), notes),
                        p.contract().currency(), p.position(), p.averageCost(), null, null, null, null));
            }
        }
        out.sort(Comparator.comparing((LivePosition p) -> p.instrument().symbol()).thenComparingLong(LivePosition::conId));
        return out;
    }

    private List<LiveFill> fills(List<String> notes) {
        Map<String, LiveFill> byPrefix = new LinkedHashMap<>();
        boolean assumedZone = false;
        for (Incoming.ExecDetails e : executions.values()) {
            if (!isOurs(e)) {
                continue;
            }
            LiveFill fill;
            try {
                ExecTimes.ExecTime time = execTimes.parse(e.execution().time());
                assumedZone |= time.assumedZone();
                fill = fill(e, time.instant(), notes);
            } catch (TwsProtocolException ex) {
                notes.add("fill " + e.execution().execId() + " left out: " + ex.getMessage());
                continue;
            }
            if (fill == null) {
                continue;
            }
            LiveFill earlier = byPrefix.get(fill.execIdPrefix());
            if (earlier == null) {
                byPrefix.put(fill.execIdPrefix(), fill);
            } else if (fill.supersedes(earlier)) {
                byPrefix.put(fill.execIdPrefix(), fill);
                notes.add("fill " + earlier.execId() + " was corrected by " + fill.execId() + "; the correction is kept");
            } else {
                notes.add("fill " + fill.execId() + " was corrected by " + earlier.execId() + "; the correction is kept");
            }
        }
        if (assumedZone) {
            notes.add("some execution times named no zone this client knows; they were read in the gateway zone "
                    + execTimes.gatewayZone() + " (IB_GATEWAY_ZONE)");
        }
        List<LiveFill> out = new ArrayList<>();
        for (LiveFill f : byPrefix.values()) {
            Incoming.CommissionReport r = commissions.get(f.execId());
            if (r != null && r.commission() != null) {
                out.add(f.withCommissionReport(r.commission(), r.currency(), r.realizedPnl()));
            } else {
                notes.add("no commission report yet for fill " + f.execId() + " (" + f.instrument().symbol() + " "
                        + f.side() + " " + f.quantity().abs().toPlainString() + "): commission unknown");
                out.add(f);
            }
        }
        out.sort(Comparator.comparing(LiveFill::time).thenComparing(LiveFill::execId));
        return out;
    }

    private LiveFill fill(Incoming.ExecDetails e, Instant time, List<String> notes) {
        var x = e.execution();
        LiveFill.Side side;
        if ("BOT".equalsIgnoreCase(x.side())) {
            side = LiveFill.Side.BUY;
        } else if ("SLD".equalsIgnoreCase(x.side())) {
            side = LiveFill.Side.SELL;
        } else {
            notes.add("fill " + x.execId() + " left out: side '" + x.side() + "' is neither BOT nor SLD");
            return null;
        }
        BigDecimal quantity = side == LiveFill.Side.BUY ? x.shares().abs() : x.shares().abs().negate();
        return new LiveFill(x.execId(), AccountId.of(x.account()), time, Contracts.instrument(e.contract(), notes),
                e.contract().currency(), side, quantity, x.price(), null, null, null, x.orderRef(), x.permId(),
                e.orderId(), x.exchange(), e.contract().conId());
    }

    private static BigDecimal number(Map<String, Map<String, String>> source, String tag, String currency) {
        return parse(source.getOrDefault(tag, Map.of()).get(currency));
    }

    private static BigDecimal parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(value.strip());
            return v.abs().compareTo(new BigDecimal(Double.toString(Double.MAX_VALUE))) == 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isCurrencyCode(String s) {
        return s != null && s.length() == 3 && !s.equals("BASE") && s.chars().allMatch(Character::isLetter);
    }
}
