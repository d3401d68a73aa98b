package com.almreporting.gateway;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Where IB Gateway listens and how long to wait for it (DESIGN §11).
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code IB_GATEWAY_HOST}</td><td>host of IB Gateway/TWS</td><td>{@code 127.0.0.1}</td></tr>
 *   <tr><td>{@code IB_GATEWAY_PORT}</td><td>its API socket port (IBKR's defaults: Gateway 4001 live / 4002 paper,
 *       TWS 7496 / 7497)</td><td>{@code 4002}</td></tr>
 *   <tr><td>{@code IB_GATEWAY_CLIENT_ID}</td><td>API client id, unique among connected clients</td><td>{@code 17}</td></tr>
 *   <tr><td>{@code IB_GATEWAY_TIMEOUT}</td><td>seconds for the whole snapshot (decimals allowed)</td><td>{@code 10}</td></tr>
 *   <tr><td>{@code IB_GATEWAY_ACCOUNT}</td><td>account to read when the login manages several</td><td>the first</td></tr>
 *   <tr><td>{@code IB_GATEWAY_ZONE}</td><td>the gateway's local zone, for execution times sent without one</td>
 *       <td>this machine's zone</td></tr>
 * </table>
 * {@code commissionGrace}: after every requested list has ended, how long to wait for commission reports still
 * missing (they may trail their fills); always within the overall timeout. Immutable and thread-safe.
 */
public record GatewayConfig(String host, int port, int clientId, Duration timeout, String account, ZoneId gatewayZone,
                            Duration commissionGrace) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4002;
    public static final int DEFAULT_CLIENT_ID = 17;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMISSION_GRACE = Duration.ofMillis(500);

    public GatewayConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("IB Gateway host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("IB Gateway port must be 1..65535, was " + port);
        }
        if (clientId < 0) {
            throw new IllegalArgumentException("IB Gateway client id must not be negative, was " + clientId);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("IB Gateway timeout must be positive, was " + timeout);
        }
        account = account == null || account.isBlank() ? null : account.strip();
        gatewayZone = gatewayZone == null ? ZoneId.systemDefault() : gatewayZone;
        commissionGrace = commissionGrace == null || commissionGrace.isNegative() ? DEFAULT_COMMISSION_GRACE : commissionGrace;
        host = host.strip();
    }

    /** Every default. */
    public static GatewayConfig defaults() {
        return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_CLIENT_ID, DEFAULT_TIMEOUT, null, null, null);
    }

    /** From the process environment; see the class comment. */
    public static GatewayConfig fromEnvironment() {
        return fromEnv(System.getenv());
    }

    /**
     * From a map of environment variables; unset or blank variables take their defaults.
     *
     * @throws IllegalArgumentException naming the variable when a value cannot be used
     */
    public static GatewayConfig fromEnv(Map<String, String> env) {
        String host = value(env, "IB_GATEWAY_HOST");
        int port = integer(env, "IB_GATEWAY_PORT", DEFAULT_PORT, 1, 65_535);
        int clientId = integer(env, "IB_GATEWAY_CLIENT_ID", DEFAULT_CLIENT_ID, 0, Integer.MAX_VALUE);
        Duration timeout = DEFAULT_TIMEOUT;
        String t = value(env, "IB_GATEWAY_TIMEOUT");
        if (t != null) {
            try {
                BigDecimal seconds = new BigDecimal(t);
                if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                    throw new NumberFormatException();
                }
                timeout = Duration.ofMillis(seconds.movePointRight(3).longValue());
                if (timeout.isZero()) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("IB_GATEWAY_TIMEOUT must be a number of seconds between 0.001 and "
                        + "86400, was '" + t + "'");
            }
        }
        ZoneId zone = null;
        String z = value(env, "IB_GATEWAY_ZONE");
        if (z != null) {
            try {
                zone = ZoneId.of(z);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("IB_GATEWAY_ZONE must be a zone id such as America/New_York, was '"
                        + z + "'");
            }
        }
        return new GatewayConfig(host == null ? DEFAULT_HOST : host, port, clientId, timeout,
                value(env, "IB_GATEWAY_ACCOUNT"), zone, null);
    }

    public GatewayConfig withHost(String newHost) {
        return new GatewayConfig(newHost, port, clientId, timeout, account, gatewayZone, commissionGrace);
    }

    public GatewayConfig withPort(int newPort) {
        return new GatewayConfig(host, newPort, clientId, timeout, account, gatewayZone, commissionGrace);
    }

    public GatewayConfig withClientId(int newClientId) {
        return new GatewayConfig(host, port, newClientId, timeout, account, gatewayZone, commissionGrace);
    }

    public GatewayConfig withTimeout(Duration newTimeout) {
        return new GatewayConfig(host, port, clientId, newTimeout, account, gatewayZone, commissionGrace);
    }

    public GatewayConfig withAccount(String newAccount) {
        return new GatewayConfig(host, port, clientId, timeout, newAccount, gatewayZone, commissionGrace);
    }

    public GatewayConfig withGatewayZone(ZoneId newZone) {
        return new GatewayConfig(host, port, clientId, timeout, account, newZone, commissionGrace);
    }

    public GatewayConfig withCommissionGrace(Duration newGrace) {
        return new GatewayConfig(host, port, clientId, timeout, account, gatewayZone, newGrace);
    }

    /** {@code host:port}, for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static int integer(Map<String, String> env, String name, int defaultValue, int min, int max) {
        String v = value(env, name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", was '"
                    + v + "'");
        }
    }
}
