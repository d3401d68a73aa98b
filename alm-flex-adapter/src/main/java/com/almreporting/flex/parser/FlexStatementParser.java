package com.almreporting.flex.parser;

import com.almreporting.domain.model.Statement;
import com.almreporting.domain.model.StatementFile;
import com.almreporting.domain.port.out.StatementParser;
import com.almreporting.domain.port.out.StatementRejectedException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * <p>Streaming: StAX walks the document and each data row is unmarshalled on its own by JAXB into a
 * {@link FlexRow} (all attributes kept), mapped to its domain record, and dropped; memory grows only with the
 * rows returned. Rows read: {@code Trades/Trade} (execution level; {@code Order}, {@code Lot},
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
 * <p>Immutable and thread-safe; each call parses with its own reader and unmarshaller.
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
    public StatementFile parse(Path file) throws StatementRejectedException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return parse(in, source);
        } catch (IOException e) {
            throw new StatementRejectedException(source, 0, null, null, "cannot read the file: " + e, e);
        }
    }

    @Override
    public StatementFile parse(InputStream in, String sourceName) throws StatementRejectedException {
        Objects.requireNonNull(in, "in");
        String source = sourceName == null ? "<stream>" : sourceName;
        XMLStreamReader reader = null;
        Walk walk = null;
        try {
            reader = newInputFactory().createXMLStreamReader(in);
            walk = new Walk(source, reader, Jaxb.CONTEXT.createUnmarshaller());
            return walk.run();
        } catch (RowRejection r) {
            throw new StatementRejectedException(source, r.line(), r.element(), r.attribute(), r.reason(), r);
        } catch (XMLStreamException e) {
            throw notWellFormed(source, e, reader, walk != null && walk.rootSeen);
        } catch (JAXBException e) {
            XMLStreamException stream = streamCause(e);
            if (stream != null) {
                throw notWellFormed(source, stream, reader, true);
            }
            throw new StatementRejectedException(source, line(reader), null, null, "cannot read a row: " + e, e);
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
            t = nextCause(t);
        }
        return false;
    }

    private static XMLStreamException streamCause(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof XMLStreamException x) {
                return x;
            }
            t = nextCause(t);
        }
        return null;
    }

    private static Throwable nextCause(Throwable t) {
        if (t instanceof JAXBException j && j.getLinkedException() != null) {
            return j.getLinkedException();
        }
        return t.getCause();
    }

    private static int line(XMLStreamReader reader) {
        if (reader == null) {
            return 0;
        }
        Location location = reader.getLocation();
        return location == null ? 0 : Math.max(location.getLineNumber(), 0);
    }

    /** The state of one parse: where we are in the document, and the statement being collected. */
    private final class Walk {
        private final String source;
        private final XMLStreamReader reader;
        private final Unmarshaller unmarshaller;
        private final Deque<String> path = new ArrayDeque<>();
        private final List<Statement> statements = new ArrayList<>();
        private boolean rootSeen;
        private String queryName;
        private String type;
        private StatementBuilder current;
        private Integer declaredCount;
        private int countedInBlock;

        Walk(String source, XMLStreamReader reader, Unmarshaller unmarshaller) {
            this.source = source;
            this.reader = reader;
            this.unmarshaller = unmarshaller;
        }

        StatementFile run() throws XMLStreamException, JAXBException {
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
            LOG.debug("{}: {} statement(s) read", source, statements.size());
            return new StatementFile(source, queryName, type, statements);
        }

        /** Handles a start tag; returns true when the whole element was consumed (a row). */
        private boolean start(String name) throws JAXBException {
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
                current = new StatementBuilder(startTagRow(name), missingColumns);
                countedInBlock++;
                path.push(name);
                return false;
            }
            if (STATEMENTS.equals(name)) {
                declaredCount = count(startTagRow(name));
                countedInBlock = 0;
            }
            if (current != null && isRow(parent, name)) {
                int line = line(reader);
                FlexRow flexRow = unmarshaller.unmarshal(reader, FlexRow.class).getValue();
                try {
                    dispatch(new Row(name, line, flexRow.attributesByName(), times));
                } catch (IllegalArgumentException | NullPointerException e) {
                    // a domain record refused a value the row readers let through
                    throw new RowRejection(name, line, null, "cannot use this row: " + e.getMessage(), e);
                }
                return true;
            }
            path.push(name);
            return false;
        }

        private void end(String name) {
            path.poll();
            if (STATEMENT.equals(name) && current != null) {
                Statement statement = current.build();
                LOG.debug("{}: statement of {}: {} trades, {} cash rows, {} NAV rows", source, statement.account(),
                        statement.trades().size(), statement.cashTransactions().size(),
                        statement.officialNavs().size());
                statements.add(statement);
                current = null;
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
            queryName = row.raw().get("queryName");
            type = row.raw().get("type");
            path.push(name);
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

        private void dispatch(Row row) {
            switch (row.element()) {
                case "Trade" -> current.trade(row);
                case "CashTransaction" -> current.cashTransaction(row);
                case "EquitySummaryByReportDateInBase" -> current.officialNav(row);
                case "OpenPosition" -> current.openPosition(row);
                case "OptionEAE" -> current.optionEae(row);
                case "ConversionRate" -> current.conversionRate(row);
                case "AccountInformation" -> current.accountInformation(row);
                case CHANGE_IN_NAV -> current.changeInNav(row);
                default -> throw new IllegalStateException("no mapping for row <" + row.element() + ">");
            }
        }

        /**
         * The attributes of a start tag whose children are still to be walked ({@code FlexStatement} and the
         * envelope): unmarshalling them would consume the whole subtree.
         */
        private Row startTagRow(String name) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            return new Row(name, line(reader), attributes, times);
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

    /** One JAXB context for the parser's lifetime: creating it is expensive, using it is thread-safe. */
    private static final class Jaxb {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(FlexRow.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
