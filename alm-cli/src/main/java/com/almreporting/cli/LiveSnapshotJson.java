package com.almreporting.cli;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.live.LiveSnapshot;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The live snapshot as JSON, written by {@code alm live --format json} and served by {@code alm serve} at
 * {@code /live.json}: every amount an exact decimal string, instants in ISO-8601, the account masked.
 */
final class LiveSnapshotJson {
    private LiveSnapshotJson() {
    }

    /** The snapshot, one line. */
    static String of(LiveSnapshot s) {
        String positions = s.positions().stream().map(p -> "{\"symbol\":" + Json.string(p.instrument().symbol())
                + ",\"conId\":" + p.conId() + ",\"currency\":" + Json.string(p.currency())
                + ",\"quantity\":" + num(p.quantity()) + ",\"averageCost\":" + num(p.averageCost())
                + ",\"marketPrice\":" + num(p.marketPrice()) + ",\"marketValue\":" + num(p.marketValue())
                + ",\"unrealizedPnl\":" + num(p.unrealizedPnl()) + ",\"realizedPnl\":" + num(p.realizedPnl()) + "}")
                .collect(Collectors.joining(","));
        String fills = s.fills().stream().map(f -> "{\"execId\":" + Json.string(f.execId())
                + ",\"time\":" + Json.string(f.time()) + ",\"symbol\":" + Json.string(f.instrument().symbol())
                + ",\"side\":" + Json.string(f.side()) + ",\"quantity\":" + num(f.quantity())
                + ",\"price\":" + num(f.price()) + ",\"currency\":" + Json.string(f.currency())
                + ",\"commission\":" + num(f.commission()) + ",\"commissionCurrency\":" + Json.string(f.commissionCurrency())
                + ",\"realizedPnl\":" + num(f.realizedPnl()) + ",\"exchange\":" + Json.string(f.exchange()) + "}")
                .collect(Collectors.joining(","));
        String rates = s.exchangeRates().entrySet().stream()
                .map(e -> Json.string(e.getKey()) + ":" + num(e.getValue())).collect(Collectors.joining(","));
        String warnings = s.warnings().stream().map(Json::string).collect(Collectors.joining(","));
        return "{\"live\":true,\"account\":" + Json.string(masked(s.account())) + ",\"takenAt\":" + Json.string(s.takenAt())
                + ",\"serverTime\":" + Json.string(s.serverTime()) + ",\"serverVersion\":" + s.serverVersion()
                + ",\"baseCurrency\":" + Json.string(s.baseCurrency())
                + ",\"netLiquidation\":" + num(s.netLiquidation()) + ",\"totalCash\":" + num(s.totalCash())
                + ",\"exchangeRates\":{" + rates + "}"
                + ",\"positions\":[" + positions + "],\"fills\":[" + fills + "],\"warnings\":[" + warnings + "]}\n";
    }

    /** No snapshot: {@code reason} is a {@code LiveAccountUnavailableException.Reason} name (or NOT_CONFIGURED). */
    static String unavailable(String reason, String message) {
        return "{\"live\":false,\"reason\":" + Json.string(reason) + ",\"message\":" + Json.string(message) + "}\n";
    }

    private static String num(BigDecimal v) {
        return v == null ? "null" : Json.string(v.toPlainString());
    }

    private static String masked(AccountId account) {
        return account == null ? null : account.masked();
    }
}
