package com.almreporting.flex.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.almreporting.domain.port.out.StatementRejectedException;
import com.almreporting.flex.parser.FlexStatementParser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place production code parses XML (alm-cli's XmlEntryPointsArchTest keeps this list complete): the Flex
 * statement parser, and the sniffing and envelope reading of Flex Web Service answers. Each refuses a document with a
 * DTD: an external entity naming a local file (whose content then appears in no result or message), an external DTD
 * or parameter entity on a loopback listener (which nobody connects to), and billion laughs (refused, not expanded).
 */
class XmlEntryPointsTest {

    private static final String SECRET = "TOP-SECRET-5c1e9a";

    @TempDir
    Path dir;

    private ServerSocket listener;
    private Path secretFile;

    /** Connections the listener accepted: each is closed at once, so that a parser that does connect fails fast. */
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void secretAndListener() throws IOException {
        secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "dtd-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void closeListener() throws IOException {
        listener.close();
    }

    /** One entry point: it parses the file and says what it made of it, or throws. */
    @FunctionalInterface
    interface EntryPoint {
        String read(Path file) throws Exception;
    }

    static Stream<Arguments> entryPoints() {
        List<Arguments> all = new ArrayList<>();
        EntryPoint parser = file -> new FlexStatementParser().parse(file).toString();
        EntryPoint sniff = file -> {
            FlexResponses.Body body = FlexResponses.sniff(file);
            if (body.kind() == FlexResponses.Kind.NOT_A_RESPONSE) {
                throw new Refused(body.description());
            }
            return body.toString();
        };
        EntryPoint envelope = file -> FlexResponses.readEnvelope(file).toString();
        for (String root : List.of("FlexQueryResponse", "FlexStatementResponse")) {
            all.add(Arguments.of("FlexStatementParser.parse", root, parser));
            all.add(Arguments.of("FlexResponses.sniff", root, sniff));
            all.add(Arguments.of("FlexResponses.readEnvelope", root, envelope));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} <{1}>")
    @MethodSource("entryPoints")
    void anExternalEntityNamingALocalFileIsRefusedAndTheFileNeverRead(String name, String root, EntryPoint entry)
            throws Exception {
        String said = refusal(entry, root, "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>\n"
                + "<" + root + " queryName=\"&xxe;\"><Status>&xxe;</Status></" + root + ">");
        assertThat(said).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0} <{1}>")
    @MethodSource("entryPoints")
    void anExternalDtdOrParameterEntityIsNotFetched(String name, String root, EntryPoint entry) throws Exception {
        String url = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
        refusal(entry, root, "<!DOCTYPE " + root + " SYSTEM \"" + url + "\">\n<" + root + "/>");
        refusal(entry, root, "<!DOCTYPE " + root + " [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>\n<" + root + "/>");
        assertThat(connections.get()).as("connections to the DTD's address").isZero();
    }

    @ParameterizedTest(name = "{0} <{1}>")
    @MethodSource("entryPoints")
    void billionLaughsAreRefusedNotExpanded(String name, String root, EntryPoint entry) throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String said = refusal(entry, root, dtd + "]>\n<" + root + " queryName=\"&lol9;\"><Status>&lol9;</Status></" + root + ">");
        assertThat(said).doesNotContain("lollollol").hasSizeLessThan(2_000);
    }

    /** Runs the entry point on {@code xml}, which it must refuse; returns everything its refusal said. */
    private String refusal(EntryPoint entry, String root, String xml) throws IOException {
        Path file = Files.writeString(dir.resolve("body.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml,
                StandardCharsets.UTF_8);
        String accepted;
        try {
            accepted = entry.read(file);
        } catch (Refused | StatementRejectedException | XMLStreamException e) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append(t).append('\n');
            }
            return chain.toString();
        } catch (Exception e) {
            throw new AssertionError("an exception of an unexpected type for <" + root + ">", e);
        }
        throw new AssertionError("accepted <" + root + "> with a DTD: " + accepted);
    }

    /** Sniffing refuses by calling the body no Flex answer. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String description) {
            super(description);
        }
    }
}
