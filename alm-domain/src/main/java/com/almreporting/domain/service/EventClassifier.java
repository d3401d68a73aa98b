package com.almreporting.domain.service;

import com.almreporting.domain.calendar.TradingCalendar;
import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.CashTransactionRow;
import com.almreporting.domain.model.OptionEaeRow;
import com.almreporting.domain.model.OptionEaeType;
import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.TradeType;
import com.almreporting.domain.model.event.AccountEvent;
import com.almreporting.domain.model.event.Assignment;
import com.almreporting.domain.model.event.BookingLeg;
import com.almreporting.domain.model.event.CashEvent;
import com.almreporting.domain.model.event.CashKind;
import com.almreporting.domain.model.event.ClassificationBasis;
import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.event.Exercise;
import com.almreporting.domain.model.event.Expiration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns statement rows into account events (DESIGN §4): cancels and the trades they cancel are left out,
 * corrections replace their originals, BookTrades become assignments, exercises and expirations (legs of one
 * assignment or exercise merged), DETAIL cash rows become cash events; everything is placed on the timeline
 * and ordered. Stateless apart from the calendar: immutable and thread-safe.
 */
public final class EventClassifier {

    private static final Comparator<AccountEvent> TIME_ORDER =
            Comparator.comparing(AccountEvent::at).thenComparing(EventClassifier::keyOrder);

    private final TradingCalendar calendar;

    public EventClassifier(TradingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public ClassifiedHistory classify(List<TradeRow> trades, List<OptionEaeRow> optionEae, List<CashTransactionRow> cash) {
        List<TradeRow> ordered = new ArrayList<>(trades);
        ordered.sort(Comparator.comparing(TradeRow::transactionId));

        Set<String> cancelledIds = cancelledTransactionIds(ordered);
        List<TradeRow> cancelled = ordered.stream().filter(r -> cancelledIds.contains(r.transactionId().value())).toList();
        List<TradeRow> live = ordered.stream().filter(r -> !cancelledIds.contains(r.transactionId().value())).toList();

        Set<String> supersededIds = supersededTransactionIds(live);
        List<TradeRow> superseded = live.stream().filter(r -> supersededIds.contains(r.transactionId().value())).toList();

        List<AccountEvent> events = new ArrayList<>();
        List<TradeRow> bookTrades = new ArrayList<>();
        for (TradeRow row : live) {
            if (supersededIds.contains(row.transactionId().value())) {
                continue;
            }
            if (row.transactionType() == TradeType.BOOK_TRADE) {
                bookTrades.add(row);
            } else {
                events.add(execution(row));
            }
        }
        events.addAll(bookings(bookTrades, optionEae));
        for (CashTransactionRow row : cash) {
            if (row.isDetail() && row.account() != null) {
                events.add(cashEvent(row));
            }
        }
        events.sort(TIME_ORDER);
        return new ClassifiedHistory(events, cancelled, superseded);
    }

    /** Cancel rows, and for each the row it cancels: by origTransactionID, else the earliest live row of origTradeID. */
    private static Set<String> cancelledTransactionIds(List<TradeRow> rows) {
        Set<String> out = new HashSet<>();
        Map<String, TradeRow> byTransaction = new HashMap<>();
        for (TradeRow r : rows) {
            byTransaction.put(r.transactionId().value(), r);
        }
        for (TradeRow cancel : rows) {
            if (!cancel.transactionType().isCancel()) {
                continue;
            }
            out.add(cancel.transactionId().value());
            TradeRow target = null;
            if (present(cancel.origTransactionId())) {
                target = byTransaction.get(cancel.origTransactionId());
            }
            if (target == null && present(cancel.origTradeId())) {
                target = rows.stream()
                        .filter(r -> !r.transactionType().isCancel())
                        .filter(r -> cancel.origTradeId().equals(r.tradeId()))
                        .filter(r -> !out.contains(r.transactionId().value()))
                        .findFirst().orElse(null);
            }
            if (target != null) {
                out.add(target.transactionId().value());
            }
        }
        return out;
    }

    /** A correction (TradeCorrect, or notes {@code Co}) replaces the earlier rows that carry its tradeID. */
    private static Set<String> supersededTransactionIds(List<TradeRow> live) {
        Set<String> out = new HashSet<>();
        for (TradeRow correction : live) {
            boolean isCorrection = correction.transactionType() == TradeType.TRADE_CORRECT || correction.notes().has("Co");
            if (!isCorrection || !present(correction.tradeId())) {
                continue;
            }
            for (TradeRow other : live) {
                if (other != correction && correction.tradeId().equals(other.tradeId())
                        && other.transactionType() != TradeType.BOOK_TRADE
                        && other.transactionId().compareTo(correction.transactionId()) < 0) {
                    out.add(other.transactionId().value());
                }
            }
        }
        return out;
    }

    private Execution execution(TradeRow row) {
        return new Execution(row.transactionId(), row.account(), Timeline.place(row.time(), calendar), row.instrument(),
                row.currency(), row.fxRateToBase(), row.quantity(), row.tradePrice(), row.proceeds(), row.ibCommission(),
                row.cost(), row.fifoPnlRealized(), row.openClose(), row.tradeId());
    }

    private CashEvent cashEvent(CashTransactionRow row) {
        return new CashEvent(row.key(), row.account(), Timeline.place(row.time(), calendar),
                CashKind.fromFlexType(row.type()), row.type(), row.currency(), row.fxRateToBase(), row.amount(),
                row.description());
    }

    private record ClassifiedLeg(TradeRow row, Instant at, BookTradeRule.Decision decision) {
        BookingLeg leg() {
            return new BookingLeg(row.transactionId(), row.instrument(), row.quantity(), row.tradePrice(),
                    row.ibCommission(), row.cost(), row.fifoPnlRealized(), row.currency(), row.fxRateToBase());
        }

        boolean isContract() {
            return BookTradeRule.isDatedContract(row.instrument());
        }
    }

    private List<AccountEvent> bookings(List<TradeRow> bookTrades, List<OptionEaeRow> optionEae) {
        List<ClassifiedLeg> legs = new ArrayList<>();
        for (TradeRow row : bookTrades) {
            Instant at = Timeline.place(row.time(), calendar);
            Optional<OptionEaeType> eae = BookTradeRule.isDatedContract(row.instrument())
                    ? eaeFor(row, at, optionEae) : Optional.empty();
            legs.add(new ClassifiedLeg(row, at, BookTradeRule.classify(row.instrument(), row.notes(), eae)));
        }
        // Legs of one assignment or exercise share the account, the instant and the underlying.
        Map<String, List<ClassifiedLeg>> groups = new LinkedHashMap<>();
        for (ClassifiedLeg leg : legs) {
            groups.computeIfAbsent(leg.row().account() + "|" + leg.at() + "|" + leg.row().instrument().underlying(),
                    k -> new ArrayList<>()).add(leg);
        }
        List<AccountEvent> events = new ArrayList<>();
        for (List<ClassifiedLeg> group : groups.values()) {
            List<ClassifiedLeg> contracts = new ArrayList<>();
            List<ClassifiedLeg> underlyings = new ArrayList<>();
            for (ClassifiedLeg leg : group) {
                if (leg.isContract() && leg.decision().kind() == BookTradeRule.Kind.EXPIRATION) {
                    events.add(new Expiration(leg.row().account(), leg.at(), leg.leg(), leg.decision().basis()));
                } else if (leg.isContract()) {
                    contracts.add(leg);
                } else {
                    underlyings.add(leg);
                }
            }
            for (ClassifiedLeg option : contracts) {
                ClassifiedLeg stock = takeMatchingStockLeg(option, underlyings);
                events.add(merged(option, stock));
            }
            for (ClassifiedLeg stock : underlyings) {
                events.add(merged(null, stock));
            }
        }
        return events;
    }

    /** The stock leg for an option leg: the one whose share count equals contracts × multiplier, else the first. */
    private static ClassifiedLeg takeMatchingStockLeg(ClassifiedLeg option, List<ClassifiedLeg> underlyings) {
        if (underlyings.isEmpty()) {
            return null;
        }
        BigDecimal shares = option.row().quantity().abs().multiply(option.row().instrument().multiplier());
        ClassifiedLeg match = underlyings.stream()
                .filter(s -> s.row().quantity().abs().compareTo(shares) == 0)
                .findFirst().orElse(underlyings.get(0));
        underlyings.remove(match);
        return match;
    }

    /** The option leg's kind decides (it saw the OptionEAE row and the notes); a lone stock leg decides for itself. */
    private static AccountEvent merged(ClassifiedLeg option, ClassifiedLeg stock) {
        ClassifiedLeg decider = option != null ? option : stock;
        BookTradeRule.Decision decision = decider.decision();
        BookingLeg optionLeg = option == null ? null : option.leg();
        BookingLeg stockLeg = stock == null ? null : stock.leg();
        AccountId account = decider.row().account();
        if (decision.kind() == BookTradeRule.Kind.EXERCISE) {
            return new Exercise(account, decider.at(), optionLeg, stockLeg, decision.basis());
        }
        if (decision.kind() == BookTradeRule.Kind.EXPIRATION) {
            // Only a stock leg can get here (contracts with EXPIRATION were handled before): the heuristic's
            // expiration of a stock makes no sense, so the specification's stock rule applies.
            return new Assignment(account, decider.at(), optionLeg, stockLeg, ClassificationBasis.HEURISTIC);
        }
        return new Assignment(account, decider.at(), optionLeg, stockLeg, decision.basis());
    }

    /** The OptionEAE kind for a contract's BookTrade: same tradeID first, else same contract on the same date. */
    private Optional<OptionEaeType> eaeFor(TradeRow row, Instant at, List<OptionEaeRow> optionEae) {
        if (optionEae.isEmpty()) {
            return Optional.empty();
        }
        java.time.LocalDate date = at.atZone(calendar.zone()).toLocalDate();
        Optional<OptionEaeType> byTrade = Optional.empty();
        Optional<OptionEaeType> byContract = Optional.empty();
        for (OptionEaeRow eae : optionEae) {
            if (!eae.account().equals(row.account()) || !isKind(eae.type())) {
                continue;
            }
            if (present(row.tradeId()) && row.tradeId().equals(eae.tradeId())) {
                byTrade = Optional.of(eae.type());
            } else if (eae.instrument().symbol().equals(row.instrument().symbol()) && eae.date().equals(date)) {
                byContract = Optional.of(eae.type());
            }
        }
        return byTrade.isPresent() ? byTrade : byContract;
    }

    private static boolean isKind(OptionEaeType type) {
        return type == OptionEaeType.ASSIGNMENT || type == OptionEaeType.EXERCISE || type == OptionEaeType.EXPIRATION;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank() && !s.equals("0");
    }

    private static String keyOrder(AccountEvent e) {
        String k = e.key();
        // Numeric transaction ids sort by value: pad to a common width.
        return k.chars().allMatch(Character::isDigit) ? "%030d".formatted(new java.math.BigInteger(k)) : k;
    }
}
