package com.almreporting.cli;

import com.almreporting.domain.model.AccountId;
import com.almreporting.domain.model.live.LiveFill;
import com.almreporting.domain.model.live.LivePosition;
import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alm live}: the account as IB Gateway sees it now (DESIGN §11). Exit 3 when the gateway is unavailable. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Print the live snapshot from IB Gateway: NAV, cash, exchange rates, positions with market values "
                + "and today's fills.")
final class LiveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "md", description = "md (default) or json.")
    String format;

    @Option(names = "--zone", defaultValue = "Asia/Hong_Kong", description = "Zone for printed times (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @CommandLine.Mixin
    GatewayOptions gateway = new GatewayOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format.equalsIgnoreCase("json");
        if (!json && !format.equalsIgnoreCase("md")) {
            err.println("alm live: unknown --format '" + format + "' (expected md or json)");
            return ExitCode.USAGE;
        }
        LiveSnapshot s;
        try {
            s = gateway.snapshot();
        } catch (IllegalArgumentException e) {
            err.println("alm live: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (LiveAccountUnavailableException e) {
            err.println("alm live: IB Gateway unavailable (" + e.reason() + "): " + e.getMessage());
            return ExitCode.BROKER_UNAVAILABLE;
        }
        out.print(json ? LiveSnapshotJson.of(s) : markdown(s));
        out.flush();
        s.warnings().forEach(w -> err.println("alm live: warning: " + w));
        return ExitCode.OK;
    }

    private static String masked(AccountId account) {
        return account == null ? null : account.masked();
    }

    private String markdown(LiveSnapshot s) {
        DateTimeFormatter t = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);
        StringBuilder sb = new StringBuilder();
        sb.append("# Live snapshot: account ").append(masked(s.account())).append("\n\n");
        sb.append("Taken ").append(s.takenAt().atZone(zone).format(t)).append(" (live, IB Gateway server version ")
                .append(s.serverVersion()).append(")\n\n");
        sb.append("| | ").append(s.baseCurrency()).append(" |\n|---|--:|\n");
        sb.append("| Net liquidation | ").append(s.netLiquidation().toPlainString()).append(" |\n");
        sb.append("| Total cash | ").append(s.totalCash() == null ? "n/a" : s.totalCash().toPlainString()).append(" |\n");
        for (Map.Entry<String, BigDecimal> r : s.exchangeRates().entrySet()) {
            if (!r.getKey().equals(s.baseCurrency())) {
                sb.append("| ").append(r.getKey()).append(" to ").append(s.baseCurrency()).append(" | ")
                        .append(r.getValue().toPlainString()).append(" |\n");
            }
        }
        sb.append("\n## Positions\n\n| instrument | qty | price | market value | ccy | unrealized |\n|---|--:|--:|--:|---|--:|\n");
        for (LivePosition p : s.positions()) {
            sb.append("| ").append(p.instrument().symbol()).append(" | ").append(p.quantity().toPlainString())
                    .append(" | ").append(p.marketPrice() == null ? "n/a" : p.marketPrice().toPlainString())
                    .append(" | ").append(p.marketValue() == null ? "n/a" : p.marketValue().toPlainString())
                    .append(" | ").append(p.currency())
                    .append(" | ").append(p.unrealizedPnl() == null ? "n/a" : p.unrealizedPnl().toPlainString()).append(" |\n");
        }
        sb.append("\n## Today's fills\n\n| time | instrument | qty | price | commission | realized |\n|---|---|--:|--:|--:|--:|\n");
        for (LiveFill f : s.fills()) {
            sb.append("| ").append(f.time().atZone(zone).format(t)).append(" | ").append(f.instrument().symbol())
                    .append(" | ").append(f.quantity().toPlainString()).append(" | ").append(f.price().toPlainString())
                    .append(" | ").append(f.commission() == null ? "pending" : f.commission().toPlainString() + " " + f.commissionCurrency())
                    .append(" | ").append(f.realizedPnl() == null ? "n/a" : f.realizedPnl().toPlainString()).append(" |\n");
        }
        if (!s.warnings().isEmpty()) {
            sb.append("\n## Warnings\n\n");
            s.warnings().forEach(w -> sb.append("- ").append(w).append('\n'));
        }
        return sb.toString();
    }
}
