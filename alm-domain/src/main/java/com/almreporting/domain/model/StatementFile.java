package com.almreporting.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A parsed Flex file ({@code FlexQueryResponse}): the query that produced it and its statements, one per
 * account and period. Immutable.
 */
public record StatementFile(String source, String queryName, String type, List<Statement> statements) {
    public StatementFile {
        Objects.requireNonNull(source, "source");
        statements = List.copyOf(statements);
    }
}
