package com.almreporting.domain.service;

import java.time.LocalDate;

/**
 * Where a checkpoint's dependence on the ledger's rows starts and ends: rows dated before {@code since} no longer
 * affect anything after its day's close; it was computed from the rows dated on or before {@code horizon}.
 */
record CheckpointBounds(LocalDate since, LocalDate horizon) {
}
