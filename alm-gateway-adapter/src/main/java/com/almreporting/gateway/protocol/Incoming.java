package com.almreporting.gateway.protocol;

import java.math.BigDecimal;
import java.util.List;

/**
 * The server → client messages this client reads (TWS-FACTS §4.1, layouts at server version 178…187), one record
 * per message; everything else is {@link Unknown} and skipped. Records hold the wire values, unset numbers as null.
 */
public sealed interface Incoming {

    /** ERR_MSG (4): {@code id} is a request id, an order id, or −1 for "none". */
    record ErrorMessage(int id, int code, String message) implements Incoming {
    }

    /** ACCT_VALUE (6), from reqAccountUpdates. */
    record AccountValue(String key, String value, String currency, String account) implements Incoming {
    }

    /** PORTFOLIO_VALUE (7), from reqAccountUpdates. */
    record PortfolioValue(ContractData contract, BigDecimal position, BigDecimal marketPrice, BigDecimal marketValue,
                          BigDecimal averageCost, BigDecimal unrealizedPnl, BigDecimal realizedPnl, String account)
            implements Incoming {
    }

    /** ACCT_UPDATE_TIME (8): an opaque time of day. */
    record AccountUpdateTime(String time) implements Incoming {
    }

    /** nextValidId (9): part of the session bootstrap. */
    record NextValidId(long orderId) implements Incoming {
    }

    /** EXECUTION_DATA (11): {@code reqId} −1 for a live fill. */
    record ExecDetails(int reqId, long orderId, ContractData contract, ExecutionData execution) implements Incoming {
    }

    /** MANAGED_ACCTS (15): part of the session bootstrap. */
    record ManagedAccounts(List<String> accounts) implements Incoming {
        public ManagedAccounts {
            accounts = List.copyOf(accounts);
        }
    }

    /** currentTime (49): epoch seconds. */
    record CurrentTime(long epochSeconds) implements Incoming {
    }

    /** ACCT_DOWNLOAD_END (54): the account-update subscription has sent its initial values. */
    record AccountDownloadEnd(String account) implements Incoming {
    }

    /** EXECUTION_DATA_END (55). */
    record ExecDetailsEnd(int reqId) implements Incoming {
    }

    /** COMMISSION_REPORT (59): joined to its fill by {@code execId}; may come before or after it. */
    record CommissionReport(String execId, BigDecimal commission, String currency, BigDecimal realizedPnl,
                            BigDecimal yield, int yieldRedemptionDate) implements Incoming {
    }

    /** POSITION (61), from reqPositions: no market values on the wire. */
    record Position(String account, ContractData contract, BigDecimal position, BigDecimal averageCost)
            implements Incoming {
    }

    /** positionEnd (62). */
    record PositionEnd() implements Incoming {
    }

    /** accountSummary (63). */
    record AccountSummary(int reqId, String account, String tag, String value, String currency) implements Incoming {
    }

    /** accountSummaryEnd (64). */
    record AccountSummaryEnd(int reqId) implements Incoming {
    }

    /** Any other message id: skipped (safe with length-prefixed frames, TWS-FACTS §1.4, §11). */
    record Unknown(int id, int fieldCount) implements Incoming {
    }
}
