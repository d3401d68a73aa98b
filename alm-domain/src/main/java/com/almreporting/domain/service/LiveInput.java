package com.almreporting.domain.service;

import com.almreporting.domain.model.event.Execution;
import com.almreporting.domain.model.live.LiveExecutions;
import com.almreporting.domain.model.live.LiveSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the narrative needs of a gateway snapshot: the trading day it tells, its fills as executions, and the mark. */
record LiveInput(LocalDate day, LiveSnapshot snapshot, LiveExecutions executions) {

    List<Execution> fills() {
        return executions.executions();
    }

    Map<String, BigDecimal> rates() {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        executions.rates().forEach((currency, used) -> rates.put(currency, used.rateToBase()));
        return rates;
    }
}
