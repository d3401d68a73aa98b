package com.almreporting.domain.port.out;

import java.util.Objects;

/**
 * No live snapshot could be taken. The {@link Reason} says what went wrong; the message says what happened and
 * then what the operator should check, so that a CLI can print it as it is (and exit 3).
 */
public class LiveAccountUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the gateway could not be used, each with what to check. */
    public enum Reason {
        /** The host could not be reached at all (unknown host, no route, connect attempt timed out). */
        NOT_REACHABLE("that IB_GATEWAY_HOST names the machine running IB Gateway/TWS and that it is reachable "
                + "from here (firewall, VPN)"),
        /** The connection was refused, or the session was (nothing listening, account not managed). */
        REFUSED("that IB Gateway or TWS is running and logged in, that the API is enabled (Configure → Settings → "
                + "API → Settings: \"Enable ActiveX and Socket Clients\"), and that IB_GATEWAY_PORT is its socket port "
                + "(IB Gateway 4001 live / 4002 paper, TWS 7496 live / 7497 paper)"),
        /** Another API client holds this client id (error 326). */
        CLIENT_ID_IN_USE("that no other program is connected with the same client id; set IB_GATEWAY_CLIENT_ID "
                + "to an unused number"),
        /** The gateway speaks an API version older than this client supports. */
        VERSION_TOO_OLD("the IB Gateway/TWS version: update it to a current release"),
        /** The gateway accepted the connection but did not answer in time. */
        TIMEOUT("that the gateway is logged in (not waiting at the login or two-factor dialog), that it is not "
                + "showing an \"accept incoming connection\" prompt (add this host to Trusted IPs), and "
                + "IB_GATEWAY_TIMEOUT"),
        /** The gateway closed the connection. */
        DISCONNECTED("the API settings (Trusted IPs, \"Allow connections from localhost only\"), whether the "
                + "gateway restarted or lost its session, and the gateway's log"),
        /** The gateway sent something this client cannot read. */
        PROTOCOL("that IB_GATEWAY_HOST/IB_GATEWAY_PORT point at IB Gateway/TWS and not at another service");

        private final String whatToCheck;

        Reason(String whatToCheck) {
            this.whatToCheck = whatToCheck;
        }

        /** What the operator should check, as a sentence fragment ("that …"). */
        public String whatToCheck() {
            return whatToCheck;
        }
    }

    private final Reason reason;
    private final String detail;

    public LiveAccountUnavailableException(Reason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail") + ". Check " + Objects.requireNonNull(reason, "reason").whatToCheck()
                + ".", cause);
        this.reason = reason;
        this.detail = detail;
    }

    public LiveAccountUnavailableException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public Reason reason() {
        return reason;
    }

    /** What happened, without the advice. */
    public String detail() {
        return detail;
    }
}
