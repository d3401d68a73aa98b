package com.almreporting.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alm serve} shows account figures without authentication, so it listens on loopback unless the operator says
 * otherwise with {@code --bind}, and then it warns on standard error, once, before it serves. Loopback by default
 * means that the machine's other addresses refuse the connection; an explicit wildcard really does listen on them.
 */
class ServeBindIT {

    private static final String WARNING = "alm serve: warning: listening on ";

    @TempDir
    static Path dataDir;

    private static String dbPort;

    @BeforeAll
    static void port() throws IOException {
        dbPort = ServeRun.freePort();
    }

    @Test
    void byDefaultItListensOnLoopbackOnlyAndSaysNothingMore() throws Exception {
        try (ServeRun serve = ServeRun.start(dataDir, dbPort, "serve", "--port", "0")) {
            assertThat(serve.url()).startsWith("http://127.0.0.1:");
            assertThat(serve.err()).doesNotContain("warning");
            int port = URI.create(serve.url()).getPort();
            Optional<InetAddress> other = otherAddress();
            assumeThat(other).as("this machine has an address besides loopback").isPresent();
            assertThatThrownBy(() -> connect(other.get(), port)).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aLoopbackNameNeedsNoWarning() throws Exception {
        try (ServeRun serve = ServeRun.start(dataDir, dbPort, "serve", "--port", "0", "--bind", "localhost")) {
            assertThat(serve.url()).startsWith("http://localhost:");
            assertThat(serve.err()).doesNotContain("warning");
        }
    }

    @Test
    void anExplicitWildcardListensEverywhereAndWarns() throws Exception {
        try (ServeRun serve = ServeRun.start(dataDir, dbPort, "serve", "--port", "0", "--bind", "0.0.0.0")) {
            int port = URI.create(serve.url()).getPort();
            assertThat(serve.err()).startsWith(WARNING + "http://0.0.0.0:" + port + "/, not on loopback")
                    .contains("without authentication").containsOnlyOnce(WARNING);
            Optional<InetAddress> other = otherAddress();
            assumeThat(other).as("this machine has an address besides loopback").isPresent();
            connect(other.get(), port);
        }
    }

    @Test
    void anExplicitNonLoopbackAddressWarns() throws Exception {
        Optional<InetAddress> other = otherAddress();
        assumeThat(other).as("this machine has an address besides loopback").isPresent();
        String address = other.get().getHostAddress();
        try (ServeRun serve = ServeRun.start(dataDir, dbPort, "serve", "--port", "0", "--bind", address)) {
            assertThat(serve.url()).startsWith("http://" + address + ":");
            assertThat(serve.err()).startsWith(WARNING + serve.url() + ", not on loopback");
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> otherAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Optional<InetAddress> a = nic.inetAddresses().filter(x -> x instanceof Inet4Address).findFirst();
                if (a.isPresent()) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }
}
