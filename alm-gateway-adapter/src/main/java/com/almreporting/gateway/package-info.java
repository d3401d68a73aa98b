/**
 * IB Gateway live data over the TWS socket protocol (DESIGN §11): the adapter behind the domain's
 * {@link com.almreporting.domain.port.out.LiveAccount} port.
 *
 * <p>The official TWS API jar is not on Maven Central, so this module speaks the documented text protocol itself,
 * for the few messages a snapshot needs, at the client version range {@code v100..187} (TWS-FACTS §0: below 201,
 * where binary ids and protobuf begin; refusing servers below 178). {@link com.almreporting.gateway.TwsLiveAccount}
 * runs one short session per snapshot; {@link com.almreporting.gateway.GatewayConfig} reads
 * {@code IB_GATEWAY_HOST}, {@code IB_GATEWAY_PORT}, {@code IB_GATEWAY_CLIENT_ID} and {@code IB_GATEWAY_TIMEOUT}.
 * The wire format (frames, fields, message layouts) lives in {@link com.almreporting.gateway.protocol}.
 *
 * <p>Every wait is bounded: name resolution, connect and every read end at the snapshot's deadline. What happens
 * on each fault:
 * <ul>
 *   <li>nothing listening → {@code REFUSED}; unknown host, no route, connect timeout → {@code NOT_REACHABLE};</li>
 *   <li>accepted but no answer → {@code TIMEOUT}; closed during the handshake or mid-session → {@code DISCONNECTED};</li>
 *   <li>server version below 178 → {@code VERSION_TOO_OLD}; another service on the port, an oversized or malformed
 *       frame → {@code PROTOCOL} (connection closed);</li>
 *   <li>error 326 → {@code CLIENT_ID_IN_USE}; 502 → {@code REFUSED}; 504 → {@code DISCONNECTED};</li>
 *   <li>a list without its end marker (IBKR sometimes never sends execDetailsEnd) → the snapshot with what arrived
 *       and a warning, at the deadline; no NetLiquidation at all → {@code TIMEOUT};</li>
 *   <li>1100/1101/1102, 2100–2199 and other notices → warnings; farm-OK notices 2104/2106/2158 → logged only.</li>
 * </ul>
 */
package com.almreporting.gateway;
