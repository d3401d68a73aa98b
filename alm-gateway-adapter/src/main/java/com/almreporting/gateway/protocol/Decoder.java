package com.almreporting.gateway.protocol;

import com.almreporting.gateway.protocol.ContractData.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one incoming frame into an {@link Incoming} message, for a negotiated server version in
 * [{@link Handshake#MIN_SERVER_VERSION}, {@link Handshake#MAX_CLIENT_VERSION}]. Field orders are those of
 * TWS-FACTS §4.1 (cited per message); fields after the last one a layout defines are ignored, a message shorter
 * than its layout or with a field that is not the number it must be is a {@link TwsProtocolException}.
 * Immutable and thread-safe.
 */
public final class Decoder {

    public static final int ERR_MSG = 4;
    public static final int ACCT_VALUE = 6;
    public static final int PORTFOLIO_VALUE = 7;
    public static final int ACCT_UPDATE_TIME = 8;
    public static final int NEXT_VALID_ID = 9;
    public static final int EXECUTION_DATA = 11;
    public static final int MANAGED_ACCTS = 15;
    public static final int CURRENT_TIME = 49;
    public static final int ACCT_DOWNLOAD_END = 54;
    public static final int EXECUTION_DATA_END = 55;
    public static final int COMMISSION_REPORT = 59;
    public static final int POSITION = 61;
    public static final int POSITION_END = 62;
    public static final int ACCOUNT_SUMMARY = 63;
    public static final int ACCOUNT_SUMMARY_END = 64;

    /** execDetails carries pendingPriceRevision from this server version on (TWS-FACTS §4.3, §6). */
    static final int MIN_SERVER_VER_PENDING_PRICE_REVISION = 178;

    private final int serverVersion;

    public Decoder(int serverVersion) {
        this.serverVersion = serverVersion;
    }

    public int serverVersion() {
        return serverVersion;
    }

    public Incoming decode(byte[] payload) throws TwsProtocolException {
        return decode(Fields.parse(payload));
    }

    public Incoming decode(Fields f) throws TwsProtocolException {
        int id = f.describing("message").intValue("message id");
        return switch (id) {
            case ERR_MSG -> error(f.describing("error (4)"));
            case ACCT_VALUE -> accountValue(f.describing("updateAccountValue (6)"));
            case PORTFOLIO_VALUE -> portfolioValue(f.describing("updatePortfolio (7)"));
            case ACCT_UPDATE_TIME -> accountUpdateTime(f.describing("updateAccountTime (8)"));
            case NEXT_VALID_ID -> nextValidId(f.describing("nextValidId (9)"));
            case EXECUTION_DATA -> execDetails(f.describing("execDetails (11)"));
            case MANAGED_ACCTS -> managedAccounts(f.describing("managedAccounts (15)"));
            case CURRENT_TIME -> currentTime(f.describing("currentTime (49)"));
            case ACCT_DOWNLOAD_END -> accountDownloadEnd(f.describing("accountDownloadEnd (54)"));
            case EXECUTION_DATA_END -> execDetailsEnd(f.describing("execDetailsEnd (55)"));
            case COMMISSION_REPORT -> commissionReport(f.describing("commissionReport (59)"));
            case POSITION -> position(f.describing("position (61)"));
            case POSITION_END -> positionEnd(f.describing("positionEnd (62)"));
            case ACCOUNT_SUMMARY -> accountSummary(f.describing("accountSummary (63)"));
            case ACCOUNT_SUMMARY_END -> accountSummaryEnd(f.describing("accountSummaryEnd (64)"));
            default -> new Incoming.Unknown(id, f.size());
        };
    }

    // TWS-FACTS §4.1 / §7: 4|v=2|id|errorCode|errorMsg|advancedOrderRejectJson| (the JSON field since server 166).
    private static Incoming error(Fields f) throws TwsProtocolException {
        requireVersion(f, 2);
        int id = f.intValue("id");
        int code = f.intValue("errorCode");
        String message = unescape(f.text("errorMsg"));
        if (f.remaining() > 0) {
            f.skip("advancedOrderRejectJson");
        }
        return new Incoming.ErrorMessage(id, code, message);
    }

    // TWS-FACTS §4.1, §8.1: 6|v=2|key|value|currency|accountName|
    private static Incoming accountValue(Fields f) throws TwsProtocolException {
        requireVersion(f, 2);
        return new Incoming.AccountValue(f.text("key"), f.text("value"), f.text("currency"), f.text("accountName"));
    }

    // TWS-FACTS §4.1 + §5 Contract-P: 7|v=8|Contract-P(11)|position|marketPrice|marketValue|averageCost|
    // unrealizedPNL|realizedPNL|accountName|
    private static Incoming portfolioValue(Fields f) throws TwsProtocolException {
        requireVersion(f, 8);
        ContractData contract = ContractData.read(f, Layout.PORTFOLIO);
        return new Incoming.PortfolioValue(contract, f.requiredDecimal("position"), f.decimal("marketPrice"),
                f.decimal("marketValue"), f.decimal("averageCost"), f.decimal("unrealizedPNL"), f.decimal("realizedPNL"),
                f.text("accountName"));
    }

    // TWS-FACTS §4.1: 8|v=1|timeStamp|
    private static Incoming accountUpdateTime(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.AccountUpdateTime(f.text("timeStamp"));
    }

    // TWS-FACTS §1.4, §4.1: 9|v=1|orderId|
    private static Incoming nextValidId(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.NextValidId(f.longValue("orderId"));
    }

    // TWS-FACTS §4.1 + §5 Contract-E + §6: 11|reqId|orderId|Contract-E(11)|18 execution fields| — no version field
    // since server 136; pendingPriceRevision since 178.
    private Incoming execDetails(Fields f) throws TwsProtocolException {
        int reqId = f.intValue("reqId");
        long orderId = f.longValue("orderId");
        ContractData contract = ContractData.read(f, Layout.EXEC_DETAILS);
        String execId = f.text("execId");
        if (execId.isBlank()) {
            throw new TwsProtocolException("execDetails (11): empty execId");
        }
        String time = f.text("time");
        String account = f.text("acctNumber");
        String exchange = f.textOrNull("exchange");
        String side = f.text("side");
        var shares = f.requiredDecimal("shares");
        var price = f.requiredDecimal("price");
        long permId = f.longValue("permId");
        int clientId = f.intValue("clientId");
        int liquidation = f.intValue("liquidation");
        var cumQty = f.decimal("cumQty");
        var avgPrice = f.decimal("avgPrice");
        String orderRef = f.textOrNull("orderRef");
        String evRule = f.textOrNull("evRule");
        var evMultiplier = f.decimal("evMultiplier");
        String modelCode = f.textOrNull("modelCode");
        int lastLiquidity = f.intValue("lastLiquidity");
        boolean pendingPriceRevision = serverVersion >= MIN_SERVER_VER_PENDING_PRICE_REVISION
                && f.bool("pendingPriceRevision");
        return new Incoming.ExecDetails(reqId, orderId, contract, new ExecutionData(execId, time, account, exchange, side,
                shares, price, permId, clientId, liquidation, cumQty, avgPrice, orderRef, evRule, evMultiplier,
                modelCode, lastLiquidity, pendingPriceRevision));
    }

    // TWS-FACTS §1.4, §4.1: 15|v=1|accountsList(csv)| — empty items (a trailing comma) dropped.
    private static Incoming managedAccounts(Fields f) throws TwsProtocolException {
        f.skip("version");
        List<String> accounts = new ArrayList<>();
        for (String a : f.text("accountsList").split(",")) {
            if (!a.isBlank()) {
                accounts.add(a.strip());
            }
        }
        return new Incoming.ManagedAccounts(accounts);
    }

    // TWS-FACTS §4.1: 49|v=1|epochSeconds|
    private static Incoming currentTime(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.CurrentTime(f.longValue("time"));
    }

    // TWS-FACTS §4.1: 54|v=1|accountName|
    private static Incoming accountDownloadEnd(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.AccountDownloadEnd(f.text("accountName"));
    }

    // TWS-FACTS §4.1: 55|v=1|reqId|
    private static Incoming execDetailsEnd(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.ExecDetailsEnd(f.intValue("reqId"));
    }

    // TWS-FACTS §4.1, §6.1: 59|v=1|execId|commission|currency|realizedPNL|yield|yieldRedemptionDate|
    private static Incoming commissionReport(Fields f) throws TwsProtocolException {
        f.skip("version");
        String execId = f.text("execId");
        if (execId.isBlank()) {
            throw new TwsProtocolException("commissionReport (59): empty execId");
        }
        return new Incoming.CommissionReport(execId, f.decimal("commission"), f.textOrNull("currency"),
                f.decimal("realizedPNL"), f.decimal("yield"), f.intValue("yieldRedemptionDate"));
    }

    // TWS-FACTS §4.1 + §5 Contract-S: 61|v=3|account|Contract-S(11)|position|avgCost|
    private static Incoming position(Fields f) throws TwsProtocolException {
        requireVersion(f, 3);
        String account = f.text("account");
        ContractData contract = ContractData.read(f, Layout.POSITION);
        return new Incoming.Position(account, contract, f.requiredDecimal("position"), f.decimal("avgCost"));
    }

    // TWS-FACTS §4.1: 62|v=1|
    private static Incoming positionEnd(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.PositionEnd();
    }

    // TWS-FACTS §4.1, §8.2: 63|v=1|reqId|account|tag|value|currency|
    private static Incoming accountSummary(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.AccountSummary(f.intValue("reqId"), f.text("account"), f.text("tag"), f.text("value"),
                f.text("currency"));
    }

    // TWS-FACTS §4.1: 64|v=1|reqId|
    private static Incoming accountSummaryEnd(Fields f) throws TwsProtocolException {
        f.skip("version");
        return new Incoming.AccountSummaryEnd(f.intValue("reqId"));
    }

    /** Layouts below these versions differ (the official decoder gates fields on them); refuse rather than misread. */
    private static void requireVersion(Fields f, int minimum) throws TwsProtocolException {
        int v = f.intValue("version");
        if (v < minimum) {
            throw new TwsProtocolException(describe(f) + ": message version " + v + " is older than the layout this client "
                    + "reads (" + minimum + ")");
        }
    }

    private static String describe(Fields f) {
        return "message " + f.all().get(0);
    }

    /** Error text escapes non-ASCII as {@code \\uXXXX} since server 153 (TWS-FACTS §2). */
    static String unescape(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'u' && isHex(s, i + 2, i + 6)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
