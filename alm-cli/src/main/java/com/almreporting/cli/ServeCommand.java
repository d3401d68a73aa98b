package com.almreporting.cli;

import com.almreporting.gateway.GatewayConfig;
import com.almreporting.gateway.TwsLiveAccount;
import com.almreporting.persistence.PersistenceModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code alm serve}: the local, read-only web dashboard ({@link Dashboard}) until interrupted. Binds to 127.0.0.1
 * unless {@code --bind} says otherwise (no setting of the environment can), and then warns on standard error: the
 * pages show account figures to whoever can reach them.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a local, read-only web dashboard: the trading days in the ledger, the report of a date "
                + "range (HTML, JSON or Markdown) and, when a gateway is configured (IB_GATEWAY_* or --gateway-port), the "
                + "live NAV. Pages: /, /report?from=YYYY-MM-DD&to=YYYY-MM-DD[&account=][&format=html|json|md], "
                + "/live.json, /healthz. Stops on Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    /** The longest a live reading answers later requests (the page's reload interval when shorter). */
    private static final Duration LIVE_REUSE = Duration.ofSeconds(5);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--port", defaultValue = "8080", description = "TCP port of the dashboard; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Anything else exposes the "
                    + "account's figures, without authentication, to whoever can reach it.")
    String bind;

    @Option(names = "--refresh-seconds", defaultValue = "60",
            description = "How often the index reloads itself to refresh the live row; 0 never (default: ${DEFAULT-VALUE}).")
    int refreshSeconds;

    @Option(names = "--zone", defaultValue = "Asia/Hong_Kong", description = "Observer's time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--gateway-host", description = "IB Gateway host (default: $IB_GATEWAY_HOST or 127.0.0.1).")
    String gatewayHost;

    @Option(names = "--gateway-port", description = "IB Gateway API port (default: $IB_GATEWAY_PORT or 4002). Giving it, "
            + "or any IB_GATEWAY_* variable, turns the live row on.")
    Integer gatewayPort;

    @Option(names = "--gateway-client-id", description = "API client id (default: $IB_GATEWAY_CLIENT_ID or 17).")
    Integer gatewayClientId;

    @Option(names = "--gateway-timeout", description = "Seconds to wait for the gateway (default: $IB_GATEWAY_TIMEOUT or 10); "
            + "no page waits longer for it.")
    Double gatewayTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            err.println("alm serve: --port must be 0..65535, was " + port);
            return ExitCode.USAGE;
        }
        if (refreshSeconds < 0) {
            err.println("alm serve: --refresh-seconds must not be negative, was " + refreshSeconds);
            return ExitCode.USAGE;
        }
        InetAddress address;
        GatewayConfig gateway;
        try {
            address = InetAddress.getByName(bind);
            gateway = gatewayConfig();
        } catch (UnknownHostException e) {
            err.println("alm serve: --bind '" + bind + "' cannot be resolved to an address");
            return ExitCode.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("alm serve: " + e.getMessage());
            return ExitCode.USAGE;
        }
        boolean interrupted;
        try (PersistenceModule db = DatabaseSession.open(database, true)) {
            LiveStatus live = gateway == null ? null : new LiveStatus(new TwsLiveAccount(gateway), gateway.address(),
                    gateway.timeout(), refreshSeconds > 0 && refreshSeconds < LIVE_REUSE.toSeconds()
                            ? Duration.ofSeconds(refreshSeconds) : LIVE_REUSE, Clock.systemUTC());
            Dashboard dashboard;
            try {
                dashboard = Dashboard.start(new InetSocketAddress(address, port), db.ledger(), live, zone, refreshSeconds);
            } catch (IOException e) {
                err.println("alm serve: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
                return ExitCode.BROKER_UNAVAILABLE;
            }
            interrupted = serveUntilStopped(dashboard, address, live, out, err);
        } catch (DatabaseSession.Unavailable e) {
            err.println("alm serve: " + e.getMessage());
            return ExitCode.DATABASE;
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // restored only now: stopping the embedded database waits on its process
        }
        return ExitCode.OK;
    }

    /**
     * Serves until the thread is interrupted (in-process use) or the JVM shuts down (Ctrl-C, SIGTERM); returns
     * whether it was interrupted.
     */
    private boolean serveUntilStopped(Dashboard dashboard, InetAddress address, LiveStatus live, PrintWriter out,
                                      PrintWriter err) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            dashboard.close();
            stopped.countDown();
        }, "alm-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // as the operator wrote it (0.0.0.0 rather than the JDK's [0:0:0:0:0:0:0:0]), with the port actually bound
        String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + dashboard.address().getPort() + "/";
        try {
            if (!address.isLoopbackAddress()) {
                // On stderr, not in the log: no log level may hide it.
                err.println("alm serve: warning: listening on " + url + ", not on loopback: the account's figures are"
                        + " readable, without authentication, by whoever can reach " + (address.isAnyLocalAddress()
                        ? "any address of this machine" : "this address"));
                err.flush();
            }
            out.println("alm serve: dashboard on " + url + " (read-only; "
                    + (live == null ? "no gateway configured" : "live from IB Gateway at " + live.address())
                    + "; Ctrl-C stops it)");
            out.flush();
            stopped.await();
            return false;
        } catch (InterruptedException e) {
            return true;
        } finally {
            dashboard.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it closed the dashboard
            }
        }
    }

    /** The gateway to read the live row from, or null when none is configured (no option, no IB_GATEWAY_* variable). */
    private GatewayConfig gatewayConfig() {
        boolean configured = gatewayHost != null || gatewayPort != null || System.getenv().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("IB_GATEWAY_") && !e.getValue().isBlank());
        if (!configured) {
            return null;
        }
        GatewayOptions options = new GatewayOptions(); // its --host/--port would clash with the dashboard's --port
        options.host = gatewayHost;
        options.port = gatewayPort;
        options.clientId = gatewayClientId;
        options.timeoutSeconds = gatewayTimeoutSeconds;
        return options.config();
    }
}
