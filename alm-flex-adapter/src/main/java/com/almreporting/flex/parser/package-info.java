/**
 * IBKR Activity Flex XML → domain rows.
 *
 * <p>{@link com.almreporting.flex.parser.FlexStatementParser} is the {@code StatementParser} adapter: it streams
 * the file with StAX, reads one row element at a time straight from the reader (every attribute kept in the row's
 * {@code raw} map), maps it to the domain records of {@code com.almreporting.domain.model} and hands each to the
 * caller's {@code StatementHandler} as it is read.
 * {@link com.almreporting.flex.parser.FlexDateTimes} reads every date/time format a Flex query can be set to.
 *
 * <p>Decisions, with their reasons (facts in {@code docs/FLEX-FACTS.md}):
 * <ul>
 *   <li>Tolerant where IBKR drifts (new sections, attributes and codes appear every year), strict where the ledger
 *       depends: a missing transaction id, amount or time rejects the file, naming line, element and attribute.</li>
 *   <li>Slash dates are read in a configured {@link com.almreporting.flex.parser.DateOrder}, never guessed.</li>
 *   <li>Times without a zone suffix are in the configured statement zone (IBKR's default: America/New_York).</li>
 *   <li>No DTDs, no entities: statements never need them, and they are the way to XXE and billion laughs.</li>
 * </ul>
 */
package com.almreporting.flex.parser;
