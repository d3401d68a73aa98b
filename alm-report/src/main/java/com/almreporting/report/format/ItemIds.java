package com.almreporting.report.format;

import com.almreporting.domain.report.NarrativeItem;
import com.almreporting.domain.report.TradingDayReport;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identifiers of the parts of a trading day, the same in every format: items are {@code 2025-07-18-3}, numbered
 * in narrative order over the day's overnight, pre-market and intraday items; the open and close are
 * {@code 2025-07-18-open} and {@code 2025-07-18-close}. JSON carries them as {@code id}, HTML as anchors.
 * Immutable and thread-safe.
 */
public final class ItemIds {
    private ItemIds() {
    }

    /** The id of every item of the day, by identity. */
    public static Map<NarrativeItem, String> of(TradingDayReport day) {
        Map<NarrativeItem, String> ids = new IdentityHashMap<>();
        int n = 0;
        for (List<NarrativeItem> items : List.of(day.overnight(), day.preMarket(), day.intraday())) {
            for (NarrativeItem item : items) {
                ids.put(item, day.day() + "-" + (++n));
            }
        }
        return Collections.unmodifiableMap(ids);
    }

    public static String open(LocalDate day) {
        return day + "-open";
    }

    public static String close(LocalDate day) {
        return day + "-close";
    }

    /** The anchor of a trading day's section in HTML. */
    public static String day(LocalDate day) {
        return "day-" + day;
    }
}
