package com.almreporting.cli;

import com.almreporting.domain.model.live.LiveSnapshot;
import com.almreporting.domain.port.out.LiveAccountUnavailableException;
import com.almreporting.gateway.GatewayConfig;
import com.almreporting.gateway.TwsLiveAccount;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where IB Gateway is: options override the environment ({@code IB_GATEWAY_HOST}, {@code _PORT}, {@code _CLIENT_ID}, {@code _TIMEOUT}). */
final class GatewayOptions {

    @Option(names = "--host", description = "Gateway host (default: $IB_GATEWAY_HOST or 127.0.0.1).")
    String host;

    @Option(names = "--port", description = "Gateway API port (default: $IB_GATEWAY_PORT or 4002).")
    Integer port;

    @Option(names = "--client-id", description = "API client id (default: $IB_GATEWAY_CLIENT_ID or 17).")
    Integer clientId;

    @Option(names = "--timeout", description = "Seconds to wait for the gateway (default: $IB_GATEWAY_TIMEOUT or 10).")
    Double timeoutSeconds;

    GatewayConfig config() {
        GatewayConfig c = GatewayConfig.fromEnvironment();
        if (host != null) {
            c = c.withHost(host);
        }
        if (port != null) {
            c = c.withPort(port);
        }
        if (clientId != null) {
            c = c.withClientId(clientId);
        }
        if (timeoutSeconds != null) {
            c = c.withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        }
        return c;
    }

    /** A snapshot, within the configured timeout. */
    LiveSnapshot snapshot() throws LiveAccountUnavailableException {
        GatewayConfig config = config();
        return new TwsLiveAccount(config).snapshot(config.timeout());
    }
}
