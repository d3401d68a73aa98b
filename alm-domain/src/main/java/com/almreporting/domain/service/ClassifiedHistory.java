package com.almreporting.domain.service;

import com.almreporting.domain.model.TradeRow;
import com.almreporting.domain.model.event.AccountEvent;
import java.util.List;

/**
 * The account's events in time order, plus the trade rows left out and why: cancelled (TradeCancel rows and the
 * rows they cancel) and superseded (originals replaced by a correction with the same tradeID). Immutable.
 */
public record ClassifiedHistory(List<AccountEvent> events, List<TradeRow> cancelled, List<TradeRow> superseded) {
    public ClassifiedHistory {
        events = List.copyOf(events);
        cancelled = List.copyOf(cancelled);
        superseded = List.copyOf(superseded);
    }

    public <T extends AccountEvent> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
