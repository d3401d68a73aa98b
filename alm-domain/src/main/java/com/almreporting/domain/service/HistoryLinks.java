package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.port.out.AccountHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a history in groups that the classifier may only judge together: a cancel with the rows of the
 * transaction and trade it names, a correction with the rows of its tradeID, a BookTrade with its OptionEAE row and
 * the other legs at its instant. Rows share a group when they share a transactionID (own or orig), a tradeID (own or
 * orig), a booking instant and underlying, or a contract and date (BookTrade and OptionEAE). Whatever a row changes
 * in the narrative lies within its group's <em>reach</em>: from its earliest to its latest placed time (an OptionEAE
 * row reaches to the end of its date). A checkpoint uses this to know which rows it still depends on. Immutable.
 */
final class HistoryLinks {

    /** One group: the business dates and reach of its rows, and the ids that name them. */
    private static final class Group {
        LocalDate firstDate;
        LocalDate lastDate;
        Instant firstReach;
        Instant lastReach;
        final Set<String> transactionIds = new HashSet<>();
        final Set<String> tradeIds = new HashSet<>();

        void add(Node n) {
            firstDate = firstDate == null || n.date.isBefore(firstDate) ? n.date : firstDate;
            lastDate = lastDate == null || n.date.isAfter(lastDate) ? n.date : lastDate;
            firstReach = firstReach == null || n.reach.isBefore(firstReach) ? n.reach : firstReach;
            lastReach = lastReach == null || n.reach.isAfter(lastReach) ? n.reach : lastReach;
            transactionIds.addAll(n.transactionIds);
            tradeIds.addAll(n.tradeIds);
        }
    }

    private record Node(LocalDate date, Instant reach, List<String> keys, List<String> transactionIds,
                        List<String> tradeIds) {
    }

    private final List<Group> groups;
    private final TradingCalendar calendar;

    private HistoryLinks(List<Group> groups, TradingCalendar calendar) {
        this.groups = groups;
        this.calendar = calendar;
    }

    static HistoryLinks of(AccountHistory history, TradingCalendar calendar) {
        List<Node> nodes = new ArrayList<>();
        for (TradeRow t : history.trades()) {
            Instant at = Timeline.place(t.time(), calendar);
            List<String> keys = new ArrayList<>();
            List<String> transactions = new ArrayList<>();
            List<String> trades = new ArrayList<>();
            transactions.add(t.transactionId().value());
            if (present(t.origTransactionId())) {
                transactions.add(t.origTransactionId());
            }
            if (present(t.tradeId())) {
                trades.add(t.tradeId());
            }
            if (present(t.origTradeId())) {
                trades.add(t.origTradeId());
            }
            transactions.forEach(id -> keys.add("X:" + id));
            trades.forEach(id -> keys.add("T:" + id));
            if (t.transactionType() == TradeType.BOOK_TRADE) {
                keys.add("B:" + at + "|" + t.instrument().underlying());
                keys.add("E:" + t.instrument().symbol() + "|" + at.atZone(calendar.zone()).toLocalDate());
            }
            nodes.add(new Node(t.businessDate(), at, keys, transactions, trades));
        }
        for (OptionEaeRow e : history.optionEae()) {
            List<String> keys = new ArrayList<>();
            List<String> trades = new ArrayList<>();
            if (present(e.tradeId())) {
                trades.add(e.tradeId());
                keys.add("T:" + e.tradeId());
            }
            keys.add("E:" + e.instrument().symbol() + "|" + e.date());
            Instant endOfDate = e.date().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
            nodes.add(new Node(e.date(), endOfDate, keys, List.of(), trades));
        }
        for (CashTransactionRow c : history.cashTransactions()) {
            if (c.isDetail()) {
                nodes.add(new Node(c.businessDate(), Timeline.place(c.time(), calendar), List.of(), List.of(), List.of()));
            }
        }
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String key : nodes.get(i).keys()) {
                Integer other = owner.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, i, other);
                }
            }
        }
        Map<Integer, Group> byRoot = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            byRoot.computeIfAbsent(find(parent, i), r -> new Group()).add(nodes.get(i));
        }
        return new HistoryLinks(List.copyOf(byRoot.values()), calendar);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank() && !s.equals("0");
    }

    /**
     * For each of {@code days} (ascending), where a checkpoint of that day may stand: its bounds ({@code since}: the
     * first business date of any group reaching past the day's close, at most the day itself; {@code horizon}: the
     * day plus {@code lookAheadDays}), or null when a group has rows dated after the horizon that reach back to or
     * before the close. Those rows would classify differently without the rows after the horizon, so the state a
     * walk over all of these rows has at that close is not the state of the checkpoint's definition.
     */
    Map<LocalDate, CheckpointBounds> bounds(List<LocalDate> days, int lookAheadDays) {
        Map<LocalDate, CheckpointBounds> out = new HashMap<>();
        List<Group> byLastReach = new ArrayList<>(groups);
        byLastReach.sort(Comparator.comparing((Group g) -> g.lastReach).reversed());
        List<Group> crossing = groups.stream()
                .filter(g -> g.lastDate.isAfter(calendar.tradingDayOf(g.firstReach).plusDays(lookAheadDays))).toList();
        LocalDate earliestOpen = null;
        int next = 0;
        for (int i = days.size() - 1; i >= 0; i--) {
            LocalDate day = days.get(i);
            Instant close = calendar.close(day);
            while (next < byLastReach.size() && byLastReach.get(next).lastReach.isAfter(close)) {
                LocalDate first = byLastReach.get(next++).firstDate;
                earliestOpen = earliestOpen == null || first.isBefore(earliestOpen) ? first : earliestOpen;
            }
            LocalDate horizon = day.plusDays(lookAheadDays);
            boolean consistent = crossing.stream()
                    .noneMatch(g -> g.lastDate.isAfter(horizon) && !g.firstReach.isAfter(close));
            if (consistent) {
                LocalDate since = earliestOpen == null || earliestOpen.isAfter(day) ? day : earliestOpen;
                out.put(day, new CheckpointBounds(since, horizon));
            }
        }
        return out;
    }

    /** The transactionIDs of the groups that have a row dated after {@code horizon}. */
    Set<String> transactionIdsOfGroupsAfter(LocalDate horizon) {
        Set<String> ids = new HashSet<>();
        groups.stream().filter(g -> g.lastDate.isAfter(horizon)).forEach(g -> ids.addAll(g.transactionIds));
        return ids;
    }

    /** The tradeIDs of the groups that have a row dated after {@code horizon}. */
    Set<String> tradeIdsOfGroupsAfter(LocalDate horizon) {
        Set<String> ids = new HashSet<>();
        groups.stream().filter(g -> g.lastDate.isAfter(horizon)).forEach(g -> ids.addAll(g.tradeIds));
        return ids;
    }
}
