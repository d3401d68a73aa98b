package com.almreporting.flex.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads what the Flex Web Service sent: which kind of body it is (a {@code FlexStatementResponse} envelope, a
 * {@code FlexQueryResponse} statement, or something else: an HTML page, a CSV export, an empty body), and the
 * envelope's fields. XML is read with the JDK's StAX reader with DTDs and external entities off; element names are
 * matched without regard to case ({@code <Url>} and {@code <url>} both occur). Stateless.
 */
final class FlexResponses {

    private static final int SNIFF_BYTES = 8_192;

    private FlexResponses() {
    }

    /** What a body is. {@code description} says it for a person (for {@link Kind#NOT_A_RESPONSE}). */
    record Body(Kind kind, String description) {
    }

    enum Kind {
        ENVELOPE,
        STATEMENT,
        NOT_A_RESPONSE
    }

    /** The fields of a {@code FlexStatementResponse}. {@code errorCode} is null when there is none. */
    record Envelope(String status, Integer errorCode, String errorMessage, String referenceCode, String url) {

        boolean success() {
            return "Success".equalsIgnoreCase(status);
        }

        String describe() {
            return (errorCode == null ? "status " + status : errorCode.toString())
                    + (errorMessage == null || errorMessage.isBlank() ? "" : " \"" + errorMessage.strip() + "\"");
        }
    }

    static Body sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.stripLeading();
        if (text.isEmpty()) {
            return notAResponse("an empty body");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<html")) {
            return notAResponse("an HTML page (" + title(text) + "), not XML: a wrong service URL, or a web error page");
        }
        if (!text.startsWith("<")) {
            String firstLine = text.lines().findFirst().orElse("");
            boolean csv = firstLine.contains(",") || firstLine.contains("\"") || firstLine.contains("|") || firstLine.contains("\t");
            return notAResponse((csv ? "CSV/text" : "text") + ", not XML (first line: '" + excerpt(firstLine)
                    + "'): set the Flex query's output format to XML in Client Portal");
        }
        String root;
        try {
            root = rootElement(file);
        } catch (XMLStreamException e) {
            return notAResponse("malformed XML (" + excerpt(e.getMessage()) + ")");
        }
        if (root == null) {
            return notAResponse("XML with a DTD or without a root element, which neither IBKR answer has");
        }
        if (root.equalsIgnoreCase("FlexStatementResponse")) {
            return new Body(Kind.ENVELOPE, root);
        }
        if (root.equals("FlexQueryResponse")) {
            return new Body(Kind.STATEMENT, root);
        }
        return notAResponse("an XML document with root <" + excerpt(root) + ">, neither a Flex statement nor a Flex Web"
                + " Service response");
    }

    /** The envelope's fields; throws when it is not well-formed XML. */
    static Envelope readEnvelope(Path file) throws IOException, XMLStreamException {
        String status = null;
        String code = null;
        String message = null;
        String reference = null;
        String url = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader reader = factory().createXMLStreamReader(in);
            try {
                int depth = 0;
                String field = null;
                StringBuilder text = new StringBuilder();
                while (reader.hasNext()) {
                    int event = reader.next();
                    switch (event) {
                        case XMLStreamConstants.DTD -> throw new XMLStreamException("a DTD in a Flex Web Service response");
                        case XMLStreamConstants.START_ELEMENT -> {
                            depth++;
                            if (depth == 2) {
                                field = reader.getLocalName().toLowerCase(Locale.ROOT);
                                text.setLength(0);
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                            if (depth == 2 && text.length() < 4_096) {
                                text.append(reader.getText());
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            if (depth == 2 && field != null) {
                                String value = text.toString().strip();
                                switch (field) {
                                    case "status" -> status = value;
                                    case "errorcode", "code" -> code = value;
                                    case "errormessage" -> message = value;
                                    case "referencecode" -> reference = value;
                                    case "url" -> url = value;
                                    default -> {
                                        // timestamps and anything new: not needed
                                    }
                                }
                                field = null;
                            }
                            depth--;
                        }
                        default -> {
                            // comments, white space
                        }
                    }
                }
            } finally {
                reader.close();
            }
        }
        Integer errorCode = null;
        if (code != null && code.matches("\\d{1,6}")) {
            errorCode = Integer.valueOf(code);
        }
        return new Envelope(status == null ? "" : status, errorCode, message, blankToNull(reference), blankToNull(url));
    }

    private static String rootElement(Path file) throws IOException, XMLStreamException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader reader = factory().createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        return null;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return reader.getLocalName();
                    }
                }
                return null;
            } finally {
                reader.close();
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static Body notAResponse(String description) {
        return new Body(Kind.NOT_A_RESPONSE, description);
    }

    private static String title(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)<title[^>]*>(.*?)</title>").matcher(html);
        return m.find() ? "title '" + excerpt(m.group(1).strip()) + "'" : "no title";
    }

    /** At most 80 characters, one line, with any {@code t=} parameter masked. */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        line = FlexToken.redactParameter(line);
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
