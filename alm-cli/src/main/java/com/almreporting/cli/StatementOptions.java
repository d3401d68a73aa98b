package com.almreporting.cli;

import com.almreporting.flex.parser.DateOrder;
import com.almreporting.flex.parser.FlexStatementParser;
import com.almreporting.flex.parser.MissingColumnPolicy;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** How to read Flex files: the zone of times without a suffix and the order of slash dates. */
final class StatementOptions {

    @Option(names = "--statement-zone", defaultValue = "America/New_York",
            description = "Zone of Flex times that carry no zone suffix (default: ${DEFAULT-VALUE}).")
    ZoneId statementZone;

    @Option(names = "--date-order", defaultValue = "US",
            description = "Order of ambiguous slash dates: US (MM/dd) or EUROPEAN (dd/MM) (default: ${DEFAULT-VALUE}).")
    DateOrder dateOrder;

    @Option(names = "--missing-columns", defaultValue = "REJECT",
            description = "A trimmed export without transactionID/proceeds: REJECT it (default) or DERIVE a stable key "
                    + "and proceeds from the other attributes.")
    MissingColumnPolicy missingColumns;

    FlexStatementParser parser() {
        return new FlexStatementParser(statementZone, dateOrder, missingColumns);
    }
}
