/**
 * The account as IB Gateway sees it right now (DESIGN §11): the T+0 half of the hybrid architecture.
 *
 * <p>A {@link com.almreporting.domain.model.live.LiveSnapshot} is what one gateway session returned: NAV and cash
 * in the base currency, the gateway's own {@code ExchangeRate} per currency, positions with market values, and
 * today's fills with their commission reports. {@link com.almreporting.domain.model.live.LiveExecutions} turns
 * those fills into the same {@link com.almreporting.domain.model.event.Execution} events a statement yields, so
 * the live day is grouped and valued exactly like a historical one.
 *
 * <p>Sign conventions: a {@link com.almreporting.domain.model.live.LiveFill} keeps the broker's commission report
 * as sent (a cost is a positive number); the {@code Execution} carries it negative, as the statement books it.
 */
package com.almreporting.domain.model.live;
