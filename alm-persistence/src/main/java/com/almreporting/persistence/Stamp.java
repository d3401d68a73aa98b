package com.almreporting.persistence;

import com.almreporting.domain.model.AccountId;
import java.time.Instant;

/** What every stored row records about its writer: the ledger account, the statement run and its whenGenerated. */
record Stamp(AccountId account, long statementId, Instant whenGenerated) {
}
