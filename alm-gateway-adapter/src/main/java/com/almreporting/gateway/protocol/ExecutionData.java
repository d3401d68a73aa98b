package com.almreporting.gateway.protocol;

import java.math.BigDecimal;

/**
 * The execution fields of execDetails (11) after the contract, in wire order (TWS-FACTS §6, server 178…187).
 * {@code time} is the raw text; see {@link ExecTimes}. Immutable.
 */
public record ExecutionData(
        String execId,
        String time,
        String account,
        String exchange,
        String side,
        BigDecimal shares,
        BigDecimal price,
        long permId,
        int clientId,
        int liquidation,
        BigDecimal cumQty,
        BigDecimal avgPrice,
        String orderRef,
        String evRule,
        BigDecimal evMultiplier,
        String modelCode,
        int lastLiquidity,
        boolean pendingPriceRevision) {
}
