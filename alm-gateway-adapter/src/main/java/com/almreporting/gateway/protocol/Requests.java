package com.almreporting.gateway.protocol;

/**
 * The client → server messages this client sends, at negotiated server version 178…187. Field orders are those
 * of TWS-FACTS §3 (captured byte for byte from the official 10.30.01 client, §12.3, where marked ✔ there).
 */
public final class Requests {

    public static final int REQ_ACCOUNT_DATA = 6;
    public static final int REQ_EXECUTIONS = 7;
    public static final int REQ_CURRENT_TIME = 49;
    public static final int REQ_POSITIONS = 61;
    public static final int REQ_ACCOUNT_SUMMARY = 62;
    public static final int CANCEL_ACCOUNT_SUMMARY = 63;
    public static final int CANCEL_POSITIONS = 64;
    public static final int START_API = 71;

    private Requests() {
    }

    /** TWS-FACTS §1.3, §3: {@code 71|2|clientId|optionalCapabilities|} (capabilities empty). */
    public static byte[] startApi(int clientId) {
        return Frames.message(START_API, 2, clientId, "");
    }

    /** TWS-FACTS §3, §8.2: {@code 62|1|reqId|group|tags|}; tags comma-separated. */
    public static byte[] reqAccountSummary(int reqId, String group, String tags) {
        return Frames.message(REQ_ACCOUNT_SUMMARY, 1, reqId, group, tags);
    }

    /** TWS-FACTS §3: {@code 63|1|reqId|}. */
    public static byte[] cancelAccountSummary(int reqId) {
        return Frames.message(CANCEL_ACCOUNT_SUMMARY, 1, reqId);
    }

    /** TWS-FACTS §3, §8.1: {@code 6|2|subscribe|acctCode|}; unsubscribe is the same message with 0. */
    public static byte[] reqAccountUpdates(boolean subscribe, String account) {
        return Frames.message(REQ_ACCOUNT_DATA, 2, subscribe ? 1 : 0, account);
    }

    /** TWS-FACTS §3: {@code 61|1|}. */
    public static byte[] reqPositions() {
        return Frames.message(REQ_POSITIONS, 1);
    }

    /** TWS-FACTS §3: {@code 64|1|}. */
    public static byte[] cancelPositions() {
        return Frames.message(CANCEL_POSITIONS, 1);
    }

    /**
     * TWS-FACTS §3: {@code 7|3|reqId|clientId|acctCode|time|symbol|secType|exchange|side|}. A filter clientId of 0
     * means no filter on the client; {@code time} is {@code yyyyMMdd-HH:mm:ss} in UTC (no zone warning 2174).
     */
    public static byte[] reqExecutions(int reqId, int filterClientId, String account, String time, String symbol,
                                       String secType, String exchange, String side) {
        return Frames.message(REQ_EXECUTIONS, 3, reqId, filterClientId, account, time, symbol, secType, exchange, side);
    }

    /** TWS-FACTS §3: {@code 49|1|}. */
    public static byte[] reqCurrentTime() {
        return Frames.message(REQ_CURRENT_TIME, 1);
    }
}
