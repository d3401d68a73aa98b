package com.almreporting.domain.port.out;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where statements come from: the broker's statement service (for IBKR, the Flex Web Service). A fetch asks for
 * the newest statement of a saved query and writes its bytes to a file the caller provides (a staging file of
 * the {@link StatementArchive}); it never parses or stores it.
 */
public interface StatementSource {

    /**
     * Downloads the newest statement of {@code request} into {@code target} (replacing its content).
     *
     * @throws BrokerUnavailableException the broker refused, was not ready in time, or could not be reached
     * @throws StatementRejectedException the broker answered with something that is not a statement (an HTML
     *                                    page, a CSV export, an unknown XML document); {@code target} then holds it
     * @throws IOException                {@code target} could not be written
     */
    FetchedStatement fetch(StatementRequest request, Path target)
            throws BrokerUnavailableException, StatementRejectedException, IOException;
}
