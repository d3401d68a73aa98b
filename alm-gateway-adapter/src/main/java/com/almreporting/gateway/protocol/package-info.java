/**
 * The TWS text protocol at server versions 178…187, as TWS-FACTS.md documents it: length-prefixed frames of
 * NUL-terminated ASCII fields ({@link com.almreporting.gateway.protocol.FrameReader},
 * {@link com.almreporting.gateway.protocol.Frames}), the handshake
 * ({@link com.almreporting.gateway.protocol.Handshake}), the requests this client sends
 * ({@link com.almreporting.gateway.protocol.Requests}, §3) and the messages it reads
 * ({@link com.almreporting.gateway.protocol.Decoder}, §4–§7). Each layout cites its section of TWS-FACTS.
 *
 * <p>Malformed input is always a {@link com.almreporting.gateway.protocol.TwsProtocolException}, never an
 * unchecked exception, and never unbounded memory: frames above 16 MiB − 1 are refused before their payload is read.
 */
package com.almreporting.gateway.protocol;
