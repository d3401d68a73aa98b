package com.almreporting.domain.port.in;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one run of the daily job did: an outcome per fetch, in order, and the leftovers of an interrupted earlier
 * run that it cleared from the staging area. Immutable.
 */
public record UpdateReport(List<UpdateOutcome> outcomes, List<String> clearedLeftovers) {

    public UpdateReport {
        outcomes = List.copyOf(outcomes);
        clearedLeftovers = List.copyOf(clearedLeftovers);
    }

    public boolean succeeded() {
        return failures().isEmpty();
    }

    public List<UpdateOutcome.Failed> failures() {
        return outcomes.stream()
                .filter(UpdateOutcome.Failed.class::isInstance)
                .map(UpdateOutcome.Failed.class::cast)
                .toList();
    }

    /** The most serious failure ({@link UpdateOutcome.Kind} order), the first of its kind. */
    public Optional<UpdateOutcome.Failed> worstFailure() {
        return failures().stream().min(Comparator.comparing(UpdateOutcome.Failed::kind));
    }
}
