/**
 * The download-and-replace archive of fetched Flex statements on the file system.
 *
 * <p>{@link com.almreporting.flex.archive.FileStatementArchive} is the {@code StatementArchive} adapter:
 * {@code <data-dir>/ibkr_flexquery/YYYY/MM/<queryName>_MTD_YYYYMMDD.xml}, one file per query and month (the newest),
 * written through a staging file, forced to disk and renamed atomically, 0600 in 0700 directories. Which file
 * replaces which, and when, is the domain's {@code UpdateFromBrokerService}'s decision: only after the new file's
 * statements are stored.
 */
package com.almreporting.flex.archive;
