package com.almreporting.domain.port.out;

import com.almreporting.domain.model.live.LiveSnapshot;
import java.time.Duration;

/**
 * The broker's live view of the account (DESIGN §11): NAV, cash, positions with market values and today's fills,
 * from IB Gateway. Every call is bounded: it returns or fails within {@code timeout}; it never hangs.
 */
public interface LiveAccount {

    /**
     * Connects, collects one snapshot and disconnects. Parts the gateway did not finish within the timeout (an
     * executions list without its end marker, say) are returned as they arrived and named in the snapshot's
     * warnings; no NAV at all is a failure.
     *
     * @throws LiveAccountUnavailableException when no usable snapshot could be taken; its reason says why and its
     *                                         message what to check
     */
    LiveSnapshot snapshot(Duration timeout) throws LiveAccountUnavailableException;
}
