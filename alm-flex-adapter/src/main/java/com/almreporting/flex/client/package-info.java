/**
 * The IBKR Flex Web Service v3 client: SendRequest → reference code → GetStatement polled until the statement arrives.
 *
 * <p>{@link com.almreporting.flex.client.FlexWebServiceClient} is the {@code StatementSource} adapter; its settings
 * ({@link com.almreporting.flex.client.FlexClientSettings}) come from {@code ALM_FLEX_*} variables and CLI options, the
 * token ({@link com.almreporting.flex.client.FlexToken}) from {@code IBKR_FLEX_TOKEN} or {@code IBKR_FLEX_TOKEN_FILE}.
 *
 * <p>Decisions, with their reasons (facts in {@code docs/FLEX-FACTS.md} §3):
 * <ul>
 *   <li>Every documented error code has a fixed handling ({@code FlexErrorCode}): "try again shortly" codes are polled
 *       again until the deadline, 1018 only after a rate-limit wait of at least 60 s, 1017 starts over with a new
 *       SendRequest, the rest stop at once with a message that names the code and what to do.</li>
 *   <li>GetStatement tries the {@code Url} IBKR returns, then the configured base URL: IBKR's hosts are in flux and
 *       hard-coding one broke other clients. An {@code https} base never falls back to a plain {@code http} Url (the
 *       token travels in the query string).</li>
 *   <li>Bodies are sniffed before anything reads them as a statement: an HTML page (a wrong path gives an 11 KB 404
 *       page) or a CSV export is rejected, never ingested.</li>
 *   <li>The token is a secret: it is only ever in the request URL; every message is redacted.</li>
 * </ul>
 */
package com.almreporting.flex.client;
