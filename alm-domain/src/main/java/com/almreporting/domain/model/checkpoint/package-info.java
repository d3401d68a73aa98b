/**
 * What a report carries from one trading day into the next (open FIFO lots, recognised premiums, the calculated
 * close), kept by the ledger as checkpoints so that a report reads only the rows of its own range.
 */
package com.almreporting.domain.model.checkpoint;
