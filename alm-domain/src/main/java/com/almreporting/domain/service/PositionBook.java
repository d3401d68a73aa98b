package com.almreporting.domain.service;

import com.almreporting.domain.model.Instrument;
import com.almreporting.domain.model.OptionContract;
import com.almreporting.domain.model.checkpoint.CarriedHolding;
import com.almreporting.domain.model.checkpoint.CarriedLot;
import com.almreporting.domain.report.HeldPosition;
import com.almreporting.domain.report.PremiumTerm;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open positions as FIFO lots, as IBKR matches them. Each lot remembers its opening cost (IBKR's {@code cost}
 * sign: negative for a short sale's net premium) and whether its premium is already in the calculated NAV, so
 * that buying it back later realizes only the buy-back proceeds. Each holding keeps its running quantity and count
 * of unrecognised lots, so asking for a position costs the same however many lots it has. Mutable; confined to one
 * report build.
 */
final class PositionBook {

    /** A lot: signed quantity, its share of the opening cost, sale/buy price, block that opened it. */
    private static final class Lot {
        BigDecimal quantity;
        BigDecimal openingCost;
        final BigDecimal price;
        final int block;
        boolean premiumRecognised;

        Lot(BigDecimal quantity, BigDecimal openingCost, BigDecimal price, int block) {
            this.quantity = quantity;
            this.openingCost = openingCost;
            this.price = price;
            this.block = block;
        }
    }

    /** The lots of one instrument with their running total and how many of them are not recognised. */
    private static final class Holding {
        final Instrument instrument;
        final Deque<Lot> lots = new ArrayDeque<>();
        BigDecimal quantity = BigDecimal.ZERO;
        int unrecognised;

        Holding(Instrument instrument) {
            this.instrument = instrument;
        }
    }

    /**
     * What closing took from the book: how much closed, the opening cost of all lots consumed (IBKR's FIFO basis,
     * negated: a closing row's {@code cost} is minus this) and that of the recognised lots among them.
     */
    record Closed(BigDecimal quantity, BigDecimal openingCost, BigDecimal recognisedOpeningCost) {
        static final Closed NONE = new Closed(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private final Map<String, Holding> holdings = new LinkedHashMap<>();

    BigDecimal position(Instrument instrument) {
        Holding h = holdings.get(instrument.symbol());
        return h == null ? BigDecimal.ZERO : h.quantity;
    }

    /**
     * Applies a signed quantity: the part opposite to the current position closes lots FIFO, the rest opens a
     * lot carrying {@code openingCostOfRest}. Returns what was closed.
     */
    Closed apply(Instrument instrument, BigDecimal quantity, BigDecimal openingCostOfRest, BigDecimal price, int block) {
        BigDecimal closeQty = closingPart(instrument, quantity);
        Closed closed = closeQty.signum() > 0 ? close(instrument, closeQty) : Closed.NONE;
        BigDecimal openQty = quantity.abs().subtract(closeQty);
        if (openQty.signum() > 0) {
            Holding h = holdings.computeIfAbsent(instrument.symbol(), k -> new Holding(instrument));
            BigDecimal signed = openQty.multiply(BigDecimal.valueOf(quantity.signum()));
            h.lots.addLast(new Lot(signed, openingCostOfRest, price, block));
            h.quantity = h.quantity.add(signed);
            h.unrecognised++;
        }
        return closed;
    }

    /** The quantity {@link #apply} would close. */
    BigDecimal closingPart(Instrument instrument, BigDecimal quantity) {
        BigDecimal position = position(instrument);
        if (position.signum() != 0 && position.signum() != quantity.signum()) {
            return quantity.abs().min(position.abs());
        }
        return BigDecimal.ZERO;
    }

    private Closed close(Instrument instrument, BigDecimal quantity) {
        Holding h = holdings.get(instrument.symbol());
        BigDecimal remaining = quantity;
        BigDecimal recognisedCost = BigDecimal.ZERO;
        BigDecimal totalCost = BigDecimal.ZERO;
        while (remaining.signum() > 0 && h != null && !h.lots.isEmpty()) {
            Lot lot = h.lots.peekFirst();
            BigDecimal lotQty = lot.quantity.abs();
            BigDecimal take = lotQty.min(remaining);
            BigDecimal signedTake = take.multiply(BigDecimal.valueOf(lot.quantity.signum()));
            BigDecimal costTaken = lot.openingCost;
            if (take.compareTo(lotQty) < 0) {
                costTaken = lot.openingCost.multiply(take).divide(lotQty, MathContext.DECIMAL128);
                lot.openingCost = lot.openingCost.subtract(costTaken);
                lot.quantity = lot.quantity.subtract(signedTake);
            } else {
                h.lots.removeFirst();
                if (!lot.premiumRecognised) {
                    h.unrecognised--;
                }
            }
            h.quantity = h.quantity.subtract(signedTake);
            totalCost = totalCost.add(costTaken);
            if (lot.premiumRecognised) {
                recognisedCost = recognisedCost.add(costTaken);
            }
            remaining = remaining.subtract(take);
        }
        if (h != null && h.lots.isEmpty()) {
            holdings.remove(instrument.symbol());
        }
        return new Closed(quantity.subtract(remaining), totalCost, recognisedCost);
    }

    /**
     * Marks up to {@code contracts} short contracts opened in {@code block} as recognised, newest first, and
     * returns their premium terms (contracts × sale price × multiplier).
     */
    List<PremiumTerm> recognise(Instrument instrument, BigDecimal contracts, int block) {
        List<PremiumTerm> terms = new ArrayList<>();
        Holding h = holdings.get(instrument.symbol());
        if (h == null) {
            return terms;
        }
        List<Lot> ordered = new ArrayList<>(h.lots);
        BigDecimal remaining = contracts;
        for (int i = ordered.size() - 1; i >= 0 && remaining.signum() > 0; i--) {
            Lot lot = ordered.get(i);
            if (lot.block != block || lot.premiumRecognised || lot.quantity.signum() >= 0) {
                continue;
            }
            BigDecimal qty = lot.quantity.abs();
            if (qty.compareTo(remaining) > 0) {
                // Only part of this lot is recognised: split off the unrecognised rest just before it.
                BigDecimal restQty = qty.subtract(remaining);
                BigDecimal restCost = lot.openingCost.multiply(restQty).divide(qty, MathContext.DECIMAL128);
                ordered.add(i, new Lot(restQty.negate(), restCost, lot.price, lot.block));
                h.unrecognised++;
                lot.quantity = remaining.negate();
                lot.openingCost = lot.openingCost.subtract(restCost);
                qty = remaining;
            }
            lot.premiumRecognised = true;
            h.unrecognised--;
            terms.add(0, new PremiumTerm(qty, lot.price, instrument.multiplier()));
            remaining = remaining.subtract(qty);
        }
        h.lots.clear();
        h.lots.addAll(ordered);
        return terms;
    }

    /** Non-zero positions, stock first, then options, each by underlying and symbol. */
    List<HeldPosition> openPositions() {
        List<HeldPosition> out = new ArrayList<>();
        for (Holding h : holdings.values()) {
            if (h.quantity.signum() != 0) {
                out.add(held(h));
            }
        }
        out.sort(Comparator.comparing((HeldPosition p) -> p.instrument() instanceof OptionContract ? 1 : 0)
                .thenComparing(p -> p.instrument().underlying())
                .thenComparing(p -> p.instrument().symbol()));
        return out;
    }

    /** The current position in one instrument, if open. */
    HeldPosition held(Instrument instrument) {
        Holding h = holdings.get(instrument.symbol());
        return h == null || h.quantity.signum() == 0 ? null : held(h);
    }

    private static HeldPosition held(Holding h) {
        return new HeldPosition(h.instrument, h.quantity, h.unrecognised == 0);
    }

    /** The open holdings and their lots as values, in the book's own order: what a checkpoint carries. */
    List<CarriedHolding> carried() {
        List<CarriedHolding> out = new ArrayList<>(holdings.size());
        for (Holding h : holdings.values()) {
            List<CarriedLot> lots = new ArrayList<>(h.lots.size());
            for (Lot lot : h.lots) {
                lots.add(new CarriedLot(lot.quantity, lot.openingCost, lot.price, lot.block, lot.premiumRecognised));
            }
            out.add(new CarriedHolding(h.instrument, h.quantity, lots));
        }
        return out;
    }

    /** Replaces the book's content with carried holdings, so that it continues exactly where they were taken. */
    void restore(List<CarriedHolding> carried) {
        holdings.clear();
        for (CarriedHolding c : carried) {
            Holding h = new Holding(c.instrument());
            for (CarriedLot l : c.lots()) {
                Lot lot = new Lot(l.quantity(), l.openingCost(), l.price(), l.block());
                lot.premiumRecognised = l.premiumRecognised();
                h.lots.addLast(lot);
                if (!lot.premiumRecognised) {
                    h.unrecognised++;
                }
            }
            h.quantity = c.quantity();
            holdings.put(c.instrument().symbol(), h);
        }
    }
}
