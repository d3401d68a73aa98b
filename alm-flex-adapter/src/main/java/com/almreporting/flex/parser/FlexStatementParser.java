package com.almreporting.flex.parser;

import com.almreporting.domain.model.StatementEnd;
import com.almreporting.domain.port.out.StatementHandler;
import com.almreporting.domain.port.out.StatementParser;
import com.almreporting.domain.port.out.StatementRejectedException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an IBKR Activity Flex XML file ({@code FlexQueryResponse}) into domain rows.
 *
 * <p>Streaming: StAX walks the document; the attributes of each data row are read straight from the reader
 * ({@link RowReader}), mapped to the row's domain record and handed to the {@link StatementHandler} at once
 * ({@link #stream}); nothing of the row is kept, so memory does not grow with the file. {@link #parse} collects
 * every row instead. Rows read: {@code Trades/Trade} (execution level; {@code Order}, {@code Lot},
 * {@code SymbolSummary}, {@code AssetSummary} rows are other aggregation levels of the same trades and are
 * skipped), {@code OptionEAE/OptionEAE}, {@code CashTransactions/CashTransaction},
 * {@code EquitySummaryInBase/EquitySummaryByReportDateInBase}, {@code ChangeInNAV},
 * {@code OpenPositions/OpenPosition}, {@code ConversionRates/ConversionRate} and {@code AccountInformation}.
 *
 * <p>Secure: DTDs and external entities are off; a document that declares a DTD is refused before any entity
 * could be expanded. Tolerant: unknown sections, elements and attributes are skipped (attributes stay in each
 * row's {@code raw} map). Strict where the ledger depends: a missing or malformed attribute it needs, a
 * truncated or non-XML body, or a different root element rejects the whole file with a
 * {@link StatementRejectedException} naming source, line, element and attribute. The line is StAX's location
 * at the row's start element, i.e. the line where its start tag ends (Flex rows are written on one line).
 *
 * <p>Why no JAXB for the rows: a Flex row keeps all its data in 40 to 90 attributes whose set changes with every
 * IBKR release, so JAXB could only bind them to an {@code @XmlAnyAttribute} map of {@code QName}s, which was then
 * copied twice. Unmarshalling took most of the parse time, and creating the context added about 0.2 s to the first
 * parse in a fresh JVM.
 *
 * <p>Immutable and thread-safe; each call parses with its own reader.
 */
public final class FlexStatementParser implements StatementParser {

    private static final Logger LOG = LoggerFactory.getLogger(FlexStatementParser.class);

    static final String ROOT = "FlexQueryResponse";
    private static final String STATEMENTS = "FlexStatements";
    private static final String STATEMENT = "FlexStatement";
    private static final String CHANGE_IN_NAV = "ChangeInNAV";

    private final FlexDateTimes times;
    private final MissingColumnPolicy missingColumns;

    /** IBKR's defaults: times in America/New_York unless suffixed, US slash dates, strict about missing ids. */
    public FlexStatementParser() {
        this(ZoneId.of("America/New_York"), DateOrder.US);
    }

    /**
     * @param statementZone zone of Flex times that carry no zone suffix (IBKR's default is America/New_York; it
     *                      follows a per-user setting, FLEX-FACTS §2.4)
     * @param dateOrder     how the query writes slash dates
     */
    public FlexStatementParser(ZoneId statementZone, DateOrder dateOrder) {
        this(statementZone, dateOrder, MissingColumnPolicy.REJECT);
    }

    public FlexStatementParser(ZoneId statementZone, DateOrder dateOrder, MissingColumnPolicy missingColumns) {
        this.times = new FlexDateTimes(statementZone, dateOrder);
        this.missingColumns = Objects.requireNonNull(missingColumns, "missingColumns");
    }

    @Override
    public void stream(Path file, StatementHandler handler) throws StatementRejectedException {
        Objects.requireNonNull(handler, "handler");
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            stream(in, source, handler);
        } catch (IOException e) {
            throw new StatementRejectedException(source, 0, null, null, "cannot read the file: " + e, e);
        }
    }

    @Override
    public void stream(InputStream in, String sourceName, StatementHandler handler)
            throws StatementRejectedException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        String source = sourceName == null ? "<stream>" : sourceName;
        XMLStreamReader reader = null;
        Walk walk = null;
        try {
            reader = newInputFactory().createXMLStreamReader(unclosable(in));
            walk = new Walk(source, reader, handler);
            walk.run();
        } catch (RowRejection r) {
            throw new StatementRejectedException(source, r.line(), r.element(), r.attribute(), r.reason(), r);
        } catch (XMLStreamException e) {
            throw notWellFormed(source, e, reader, walk != null && walk.rootSeen);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    LOG.debug("closing the XML reader of {} failed", source, e);
                }
            }
        }
    }

    /** The JDK's StAX reader closes its stream at the end of the document; the port promises the caller it stays open. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's stream: the caller closes it
            }
        };
    }

    private static XMLInputFactory newInputFactory() {
        // The JDK's own StAX implementation, whatever else is on the class path, with the features that could
        // read local files (XXE) or expand entities (billion laughs) switched off.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static StatementRejectedException notWellFormed(String source, XMLStreamException e,
                                                            XMLStreamReader reader, boolean rootSeen) {
        Location location = e.getLocation();
        int line = location != null && location.getLineNumber() > 0 ? location.getLineNumber() : line(reader);
        String detail = message(e);
        if (hasCause(e, CharConversionException.class)) {
            detail += " (the bytes are not valid in the declared encoding, UTF-8 unless declared otherwise:"
                    + " a Latin-1/Windows-1252 file, or UTF-16 without a byte-order mark?)";
        }
        String reason = rootSeen
                ? "malformed or truncated XML: " + detail
                : "not an XML document (an HTML page, a CSV/text statement, or an empty body?): " + detail;
        return new StatementRejectedException(source, line, null, null, reason, e);
    }

    /** The JDK's message without its "ParseError at [row,col]" preamble (the line is reported separately). */
    private static String message(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (type.isInstance(t) || t instanceof XMLStreamException x && type.isInstance(x.getNestedException())) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    private static int line(XMLStreamReader reader) {
        if (reader == null) {
            return 0;
        }
        Location location = reader.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    /** The state of one parse: where we are in the document, and the statement being read. */
    private final class Walk {
        private final String source;
        private final XMLStreamReader reader;
        private final StatementHandler handler;
        private final RowReader rows;
        private final Instruments instruments = new Instruments();
        private final Deque<String> path = new ArrayDeque<>();
        private boolean rootSeen;
        private int statements;
        private StatementMapper current;
        private Integer declaredCount;
        private int countedInBlock;

        Walk(String source, XMLStreamReader reader, StatementHandler handler) {
            this.source = source;
            this.reader = reader;
            this.handler = handler;
            this.rows = new RowReader(reader, new RepeatedValues(times));
        }

        void run() throws XMLStreamException {
            int event = reader.getEventType();
            while (true) {
                boolean consumed = false;
                switch (event) {
                    case XMLStreamConstants.DTD -> throw dtd();
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                            throw new RowRejection(path.peek(), line(reader), null,
                                    "entity references are not allowed in a Flex statement", null);
                    case XMLStreamConstants.START_ELEMENT -> consumed = start(reader.getLocalName());
                    case XMLStreamConstants.END_ELEMENT -> end(reader.getLocalName());
                    default -> {
                        // text, comments, processing instructions: nothing in Flex lives there
                    }
                }
                if (consumed) {
                    event = reader.getEventType();
                } else if (reader.hasNext()) {
                    event = reader.next();
                } else {
                    break;
                }
            }
            if (!rootSeen) {
                throw new RowRejection(null, line(reader), null,
                        "not an XML document: no root element <" + ROOT + "> found", null);
            }
            LOG.debug("{}: {} statement(s) read", source, statements);
        }

        /** Handles a start tag; returns true when the whole element was consumed (a row). */
        private boolean start(String name) throws XMLStreamException {
            if (!rootSeen) {
                root(name);
                return false;
            }
            String parent = path.peek();
            if (STATEMENT.equals(name)) {
                if (current != null) {
                    throw new RowRejection(name, line(reader), null,
                            "a <FlexStatement> inside another <FlexStatement>", null);
                }
                current = new StatementMapper(startTagRow(name), instruments, missingColumns);
                countedInBlock++;
                path.push(name);
                handler.startStatement(current.header());
                return false;
            }
            if (STATEMENTS.equals(name)) {
                declaredCount = count(startTagRow(name));
                countedInBlock = 0;
            }
            if (current != null && isRow(parent, name)) {
                dispatch(rows.read(name, line(reader)));
                skipRest();
                return true;
            }
            path.push(name);
            return false;
        }

        /**
         * Moves past the rest of the row at whose start tag the reader stands, to the event after its end tag. A
         * row's content is no part of it (Flex rows are empty elements); whatever is there is skipped unread, as
         * unknown elements are.
         */
        private void skipRest() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new RowRejection(path.peek(), line(reader),
                            null, "entity references are not allowed in a Flex statement", null);
                    default -> {
                        // text, comments, processing instructions
                    }
                }
            }
            reader.next();
        }

        private void end(String name) {
            path.poll();
            if (STATEMENT.equals(name) && current != null) {
                StatementEnd end = current.end(source);
                current = null;
                statements++;
                handler.endStatement(end);
            } else if (STATEMENTS.equals(name) && declaredCount != null && declaredCount != countedInBlock) {
                throw new RowRejection(name, line(reader), "count", "the file declares " + declaredCount
                        + " statement(s) but holds " + countedInBlock + " <FlexStatement> element(s)", null);
            }
        }

        private void root(String name) {
            rootSeen = true;
            if (!ROOT.equals(name)) {
                String hint = switch (name.toLowerCase(Locale.ROOT)) {
                    case "html" -> " (an HTML page, e.g. a web error page, not a Flex statement)";
                    case "flexstatementresponse" -> " (a Flex Web Service status/error response, not a statement)";
                    default -> "";
                };
                throw new RowRejection(name, line(reader), null,
                        "expected the root element <" + ROOT + "> of an Activity Flex statement, got <" + name + ">"
                                + hint, null);
            }
            Row row = startTagRow(name);
            path.push(name);
            handler.file(source, row.raw().get("queryName"), row.raw().get("type"));
        }

        private boolean isRow(String parent, String name) {
            if (parent == null) {
                return false;
            }
            return switch (name) {
                case "Trade" -> parent.equals("Trades");
                case "CashTransaction" -> parent.equals("CashTransactions");
                case "EquitySummaryByReportDateInBase" -> parent.equals("EquitySummaryInBase");
                case "OpenPosition" -> parent.equals("OpenPositions");
                case "OptionEAE" -> parent.equals("OptionEAE");
                case "ConversionRate" -> parent.equals("ConversionRates");
                case "AccountInformation" -> parent.equals(STATEMENT);
                // The row itself sits in the statement; an attribute-less ChangeInNAV is a container of rows.
                case CHANGE_IN_NAV -> parent.equals(CHANGE_IN_NAV)
                        || parent.equals(STATEMENT) && reader.getAttributeCount() > 0;
                default -> false;
            };
        }

        /** Maps the row and hands the record to the handler; some rows only complete the statement's end. */
        private void dispatch(Row row) {
            switch (row.element()) {
                case "Trade" -> deliver(row, current::trade, handler::trade);
                case "CashTransaction" -> deliver(row, current::cashTransaction, handler::cashTransaction);
                case "OpenPosition" -> deliver(row, current::openPosition, handler::openPosition);
                case "OptionEAE" -> deliver(row, current::optionEae, handler::optionEae);
                case "ConversionRate" -> deliver(row, current::conversionRate, handler::conversionRate);
                case "EquitySummaryByReportDateInBase" -> map(row, current::officialNav);
                case "AccountInformation" -> map(row, current::accountInformation);
                case CHANGE_IN_NAV -> map(row, current::changeInNav);
                default -> throw new IllegalStateException("no mapping for row <" + row.element() + ">");
            }
        }

        /** The handler is called outside the mapping's try: what it throws reaches the caller as it is. */
        private <T> void deliver(Row row, Function<Row, T> mapping, Consumer<T> to) {
            T record;
            try {
                record = mapping.apply(row);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw refused(row, e);
            }
            if (record != null) {
                to.accept(record);
            }
        }

        private void map(Row row, Consumer<Row> mapping) {
            try {
                mapping.accept(row);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw refused(row, e);
            }
        }

        /** A domain record refused a value the row readers let through. */
        private RowRejection refused(Row row, RuntimeException e) {
            return new RowRejection(row.element(), row.line(), null, "cannot use this row: " + e.getMessage(), e);
        }

        /** The attributes of a start tag whose children are still to be walked ({@code FlexStatement}, the envelope). */
        private Row startTagRow(String name) {
            return rows.read(name, line(reader));
        }

        private Integer count(Row row) {
            String count = row.text("count");
            if (count == null || !count.matches("\\d{1,9}")) {
                return null;
            }
            return Integer.valueOf(count);
        }

        private RowRejection dtd() {
            String text = reader.getText() == null ? "" : reader.getText();
            String what = text.toLowerCase(Locale.ROOT).contains("html")
                    ? " (this is an HTML page, not a Flex statement)"
                    : "";
            return new RowRejection(null, line(reader), null,
                    "DTDs/entities are not allowed in a Flex statement: found a <!DOCTYPE> declaration" + what, null);
        }
    }
}
