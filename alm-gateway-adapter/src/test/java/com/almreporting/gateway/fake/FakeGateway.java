package com.almreporting.gateway.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process IB Gateway for tests: a loopback {@link ServerSocket} on an ephemeral port that speaks the TWS text
 * protocol of TWS-FACTS (§1 handshake, §3 requests, §4–§7 replies), strictly: the {@code API\0} prefix, the framed
 * version offer and the START_API layout are checked, and a client that deviates is disconnected and recorded in
 * {@link #protocolErrors()}. Replies come from a {@link FakeAccount}; {@link Delivery} and {@link Fault} script the
 * misbehaviour of real gateways. Every client frame after the handshake is recorded in {@link #requests()}.
 *
 * <pre>{@code
 * try (FakeGateway gw = FakeGateway.serving(FakeAccount.sample(day)).fault(Fault.NO_EXEC_DETAILS_END).start()) {
 *     new TwsLiveAccount(GatewayConfig.defaults().withPort(gw.port())).snapshot(Duration.ofMillis(500));
 * }
 * }</pre>
 *
 * {@link #main} serves the sample snapshot on a given port until killed, for demos of the CLI. Thread-safe.
 */
public final class FakeGateway implements AutoCloseable {

    /** How reply frames are written to the socket. */
    public enum Delivery {
        /** One write per frame. */
        FRAME_PER_WRITE,
        /** One write per byte (with TCP_NODELAY): every frame arrives split. */
        BYTE_BY_BYTE,
        /** The replies to every request received so far in one write: several frames per read. */
        COALESCED
    }

    /** Misbehaviours of real gateways (TWS-FACTS §11, §13). */
    public enum Fault {
        /** Accept the TCP connection, then close it at once (an untrusted client IP). */
        CLOSE_ON_ACCEPT,
        /** Answer like a web server: the port belongs to some other service. */
        NOT_TWS,
        /** Accept, read the handshake, never answer. */
        SILENT,
        /** Answer START_API with error 326 and close. */
        CLIENT_ID_IN_USE,
        /** Send managedAccounts and nextValidId in the other order. */
        BOOTSTRAP_REORDERED,
        /** Never send accountSummaryEnd. */
        NO_ACCOUNT_SUMMARY_END,
        /** Never send accountDownloadEnd. */
        NO_ACCOUNT_DOWNLOAD_END,
        /** Never send execDetailsEnd (seen live, TWS-FACTS §11). */
        NO_EXEC_DETAILS_END,
        /** Never answer reqCurrentTime (a gateway drops it when asked more than once a second). */
        NO_CURRENT_TIME,
        /** Answer reqAccountSummary with error 322 instead of rows. */
        SUMMARY_REJECTED,
        /** Close the connection when reqExecutions arrives, after answering everything before it. */
        DISCONNECT_BEFORE_EXECUTIONS,
        /** Close the connection after execDetailsEnd, before the commission reports that follow it. */
        DISCONNECT_BEFORE_LATE_COMMISSIONS,
        /** After the bootstrap, announce a frame of 2 GiB − 1 bytes. */
        OVERSIZED_FRAME,
        /** Send 1100 (connectivity lost) and 1102 (restored) around the account updates. */
        CONNECTIVITY_NOTICES,
        /** Interleave frames with message ids the client does not read (5, 53, 999). */
        UNKNOWN_MESSAGES,
        /** Send every commission report after execDetailsEnd instead of in script order. */
        COMMISSIONS_AFTER_END
    }

    private static final byte[] API_PREFIX = {'A', 'P', 'I', 0};
    private static final Pattern VERSION_OFFER = Pattern.compile("^v(\\d+)(?:\\.\\.(\\d+))?(?: .*)?$");

    private final FakeAccount account;
    private final int serverVersion;
    private final String connectionTime;
    private final Delivery delivery;
    private final Set<Fault> faults;
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final List<String> versionOffers = new CopyOnWriteArrayList<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientEnded = new CountDownLatch(1);
    private volatile boolean closed;

    private FakeGateway(Builder b) throws IOException {
        this.account = b.account;
        this.serverVersion = b.serverVersion;
        this.connectionTime = b.connectionTime;
        this.delivery = b.delivery;
        this.faults = Collections.unmodifiableSet(EnumSet.copyOf(b.faults));
        this.server = new ServerSocket(b.port, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-ib-gateway-" + server.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A gateway serving {@code account}; configure, then {@link Builder#start()}. */
    public static Builder serving(FakeAccount account) {
        return new Builder(account);
    }

    /** Configuration of a fake gateway. */
    public static final class Builder {
        private final FakeAccount account;
        private int serverVersion = 187;
        private String connectionTime = "20250717 12:46:10 EST";
        private Delivery delivery = Delivery.FRAME_PER_WRITE;
        private final EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
        private int port;

        private Builder(FakeAccount account) {
            this.account = account;
        }

        /** The server version the fake answers (the lower of this and the client's max). */
        public Builder serverVersion(int version) {
            this.serverVersion = version;
            return this;
        }

        public Builder connectionTime(String time) {
            this.connectionTime = time;
            return this;
        }

        public Builder delivery(Delivery d) {
            this.delivery = d;
            return this;
        }

        public Builder fault(Fault... f) {
            this.faults.addAll(Arrays.asList(f));
            return this;
        }

        /** A fixed port (default 0: an ephemeral one). */
        public Builder port(int p) {
            this.port = p;
            return this;
        }

        public FakeGateway start() throws IOException {
            return new FakeGateway(this);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every client frame after the handshake (START_API included), as fields, in arrival order. */
    public List<List<String>> requests() {
        return List.copyOf(requests);
    }

    /** The requests with message id {@code id}. */
    public List<List<String>> requests(int id) {
        String key = Integer.toString(id);
        return requests.stream().filter(r -> !r.isEmpty() && r.get(0).equals(key)).toList();
    }

    /** The version texts clients offered ({@code v100..187}). */
    public List<String> versionOffers() {
        return List.copyOf(versionOffers);
    }

    /** What clients did that the protocol does not allow. */
    public List<String> protocolErrors() {
        return List.copyOf(protocolErrors);
    }

    /** Waits until a client connection has ended (the client closed it, or the fake did); true if it did in time. */
    public boolean awaitConnectionEnded(Duration timeout) throws InterruptedException {
        return clientEnded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "fake-ib-gateway-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // server socket closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            if (faults.contains(Fault.CLOSE_ON_ACCEPT)) {
                return;
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            Writer out = new Writer(socket.getOutputStream());
            if (faults.contains(Fault.NOT_TWS)) {
                in.readNBytes(4);
                out.sendRaw("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                drain(in);
                return;
            }
            if (!handshake(in, out)) {
                return;
            }
            byte[] startPayload = WireFrames.readPayload(in);
            if (startPayload == null) {
                return;
            }
            List<String> start = WireFrames.fields(startPayload);
            requests.add(start);
            // TWS-FACTS §1.3: 71|2|clientId|optionalCapabilities|
            if (start.size() != 4 || !start.get(0).equals("71") || !start.get(1).equals("2")
                    || !start.get(2).matches("\\d+")) {
                protocolErrors.add("START_API expected 71|2|clientId|capabilities|, got " + start);
                return;
            }
            if (faults.contains(Fault.CLIENT_ID_IN_USE)) {
                out.send(error(-1, 326, "Unable to connect as the client id is already in use. Retry with a unique client id."));
                out.flush();
                return;
            }
            bootstrap(out);
            if (faults.contains(Fault.OVERSIZED_FRAME)) {
                out.sendRaw(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, '4', 0, '2', 0});
                out.flush();
                drain(in);
                return;
            }
            while (true) {
                byte[] payload = WireFrames.readPayload(in);
                if (payload == null) {
                    return;
                }
                List<String> request = WireFrames.fields(payload);
                requests.add(request);
                if (!answer(request, out)) {
                    out.flush();
                    return;
                }
                if (delivery != Delivery.COALESCED || in.available() == 0) {
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // the client went away mid-frame
        } catch (IOException e) {
            if (!closed) {
                protocolErrors.add("connection: " + e.getMessage());
            }
        } finally {
            sockets.remove(socket);
            clientEnded.countDown();
        }
    }

    /** TWS-FACTS §1.1–§1.2; false when the connection must end. */
    private boolean handshake(DataInputStream in, Writer out) throws IOException {
        byte[] prefix = new byte[4];
        in.readFully(prefix);
        if (!Arrays.equals(prefix, API_PREFIX)) {
            protocolErrors.add("handshake: expected API\\0, got " + Arrays.toString(prefix));
            return false;
        }
        byte[] offer = WireFrames.readPayload(in);
        if (offer == null) {
            return false;
        }
        String text = new String(offer, StandardCharsets.US_ASCII);
        versionOffers.add(text);
        Matcher m = VERSION_OFFER.matcher(text);
        if (!m.matches()) {
            protocolErrors.add("handshake: version offer '" + text + "' is not v<min>..<max>");
            return false;
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
        if (min > max) {
            protocolErrors.add("handshake: version range " + text + " is empty");
            return false;
        }
        if (faults.contains(Fault.SILENT)) {
            drain(in);
            return false;
        }
        out.send(WireFrames.frame(Math.min(max, serverVersion), connectionTime));
        out.flush();
        return true;
    }

    /** TWS-FACTS §1.4: managedAccounts, nextValidId, then the farm-status notices. */
    private void bootstrap(Writer out) throws IOException {
        byte[] managed = WireFrames.frame(15, 1, String.join(",", account.managedAccounts));
        byte[] nextId = WireFrames.frame(9, 1, 1);
        if (faults.contains(Fault.BOOTSTRAP_REORDERED)) {
            out.send(nextId);
            out.send(managed);
        } else {
            out.send(managed);
            out.send(nextId);
        }
        out.send(error(-1, 2104, "Market data farm connection is OK:usfarm"));
        out.send(error(-1, 2106, "HMDS data farm connection is OK:ushmds"));
        out.send(error(-1, 2158, "Sec-def data farm connection is OK:secdefnj"));
        out.flush();
    }

    /** Replies to one request (TWS-FACTS §3 → §4); false when the fake must now close the connection. */
    private boolean answer(List<String> r, Writer out) throws IOException {
        unknownMessages(out);
        switch (r.get(0)) {
            case "49" -> {
                if (!faults.contains(Fault.NO_CURRENT_TIME)) {
                    out.send(WireFrames.frame(49, 1, account.currentTimeEpochSeconds));
                }
            }
            case "62" -> accountSummary(r, out);
            case "6" -> {
                if (r.size() >= 4 && r.get(2).equals("1")) {
                    accountUpdates(r.get(3), out);
                }
            }
            case "61" -> positions(out);
            case "7" -> {
                if (faults.contains(Fault.DISCONNECT_BEFORE_EXECUTIONS)) {
                    return false;
                }
                return executions(r, out);
            }
            default -> {
                // cancels and anything else: nothing to answer
            }
        }
        return true;
    }

    // TWS-FACTS §4.1: 63|1|reqId|account|tag|value|currency| … 64|1|reqId|
    private void accountSummary(List<String> r, Writer out) throws IOException {
        String reqId = r.get(2);
        if (faults.contains(Fault.SUMMARY_REJECTED)) {
            out.send(error(Integer.parseInt(reqId), 322, "Error processing request:-'bd' : cause - Maximum number of "
                    + "account summary requests exceeded"));
            return;
        }
        for (List<String> row : account.summaryRows) {
            out.send(WireFrames.frame(63, 1, reqId, account.account, row.get(0), row.get(1), row.get(2)));
        }
        if (!faults.contains(Fault.NO_ACCOUNT_SUMMARY_END)) {
            out.send(WireFrames.frame(64, 1, reqId));
        }
    }

    // TWS-FACTS §4.1, §8.1: 6 (v2) rows, 7 (v8, Contract-P) rows, 8, 54.
    private void accountUpdates(String requestedAccount, Writer out) throws IOException {
        if (faults.contains(Fault.CONNECTIVITY_NOTICES)) {
            out.send(error(-1, 1100, "Connectivity between IB and Trader Workstation has been lost."));
        }
        for (List<String> v : account.accountValues) {
            out.send(WireFrames.frame(6, 2, v.get(0), v.get(1), v.get(2), requestedAccount));
        }
        for (FakeAccount.PortfolioItem p : account.portfolio) {
            List<String> f = new ArrayList<>(List.of("7", "8"));
            f.addAll(p.contract().withPrimaryExchange());
            f.addAll(List.of(p.position(), p.marketPrice(), p.marketValue(), p.averageCost(), p.unrealizedPnl(),
                    p.realizedPnl(), requestedAccount));
            out.send(WireFrames.frame(f));
        }
        out.send(WireFrames.frame(8, 1, "12:46"));
        if (faults.contains(Fault.CONNECTIVITY_NOTICES)) {
            out.send(error(-1, 1102, "Connectivity between IB and Trader Workstation has been restored - data maintained."));
        }
        if (!faults.contains(Fault.NO_ACCOUNT_DOWNLOAD_END)) {
            out.send(WireFrames.frame(54, 1, requestedAccount));
        }
    }

    // TWS-FACTS §4.1: 61|3|account|Contract-S|position|avgCost| … 62|1|
    private void positions(Writer out) throws IOException {
        for (FakeAccount.PositionItem p : account.positions) {
            List<String> f = new ArrayList<>(List.of("61", "3", account.account));
            f.addAll(p.contract().withExchange());
            f.addAll(List.of(p.position(), p.averageCost()));
            out.send(WireFrames.frame(f));
        }
        out.send(WireFrames.frame(62, 1));
    }

    // TWS-FACTS §4.1, §5 Contract-E, §6: 11|reqId|orderId|Contract-E|18 execution fields| ; 59 ; 55|1|reqId|
    private boolean executions(List<String> r, Writer out) throws IOException {
        String reqId = r.get(2);
        List<byte[]> late = new ArrayList<>();
        for (FakeAccount.ExecutionReply reply : account.executionReplies) {
            if (reply instanceof FakeAccount.Fill x) {
                List<String> f = new ArrayList<>(List.of("11", reqId, Long.toString(x.orderId())));
                f.addAll(x.contract().withExchange());
                f.addAll(List.of(x.execId(), x.time(), account.account, x.exchange(), x.side(), x.shares(), x.price(),
                        Long.toString(x.permId()), "0", "0", x.shares(), x.price(), x.orderRef(), "", "", "", "2"));
                if (serverVersion >= 178) {
                    f.add("0"); // pendingPriceRevision
                }
                out.send(WireFrames.frame(f));
            } else if (reply instanceof FakeAccount.Commission c) {
                byte[] frame = WireFrames.frame(59, 1, c.execId(), c.commission(), c.currency(), c.realizedPnl(),
                        FakeAccount.UNSET, "");
                if (faults.contains(Fault.COMMISSIONS_AFTER_END)) {
                    late.add(frame);
                } else {
                    out.send(frame);
                }
            }
        }
        if (!faults.contains(Fault.NO_EXEC_DETAILS_END)) {
            out.send(WireFrames.frame(55, 1, reqId));
        }
        if (faults.contains(Fault.DISCONNECT_BEFORE_LATE_COMMISSIONS)) {
            return false;
        }
        for (byte[] frame : late) {
            out.send(frame);
        }
        return true;
    }

    private void unknownMessages(Writer out) throws IOException {
        if (faults.contains(Fault.UNKNOWN_MESSAGES)) {
            out.send(WireFrames.frame(5, "junk", "fields", "", "of an open order"));
            out.send(WireFrames.frame(53, 1));
            out.send(WireFrames.frame(999, 1, "a message from the future"));
        }
    }

    /** TWS-FACTS §7 at 187: 4|2|id|code|message|advancedOrderRejectJson| (the JSON field from server 166). */
    private byte[] error(int id, int code, String message) {
        return serverVersion >= 166 ? WireFrames.frame(4, 2, id, code, message, "")
                : WireFrames.frame(4, 2, id, code, message);
    }

    private static void drain(DataInputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // hold the connection open until the client gives up
        }
    }

    /** Writes queued frames in the configured {@link Delivery}. */
    private final class Writer {
        private final OutputStream out;
        private final List<byte[]> pending = new ArrayList<>();

        Writer(OutputStream out) {
            this.out = out;
        }

        void send(byte[] frame) {
            pending.add(frame);
        }

        void sendRaw(byte[] bytes) {
            pending.add(bytes);
        }

        void flush() throws IOException {
            switch (delivery) {
                case FRAME_PER_WRITE -> {
                    for (byte[] f : pending) {
                        out.write(f);
                        out.flush();
                    }
                }
                case BYTE_BY_BYTE -> {
                    for (byte[] f : pending) {
                        for (byte b : f) {
                            out.write(b);
                            out.flush();
                        }
                    }
                }
                case COALESCED -> {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    pending.forEach(all::writeBytes);
                    out.write(all.toByteArray());
                    out.flush();
                }
            }
            pending.clear();
        }
    }

    /**
     * Serves {@link FakeAccount#sample} on 127.0.0.1 until killed: {@code FakeGateway [port] [yyyy-MM-dd]} (default
     * port 4002, default day today in New York). For demos: {@code IB_GATEWAY_PORT=<port> ./alm live}.
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4002;
        LocalDate day = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.now(ZoneId.of("America/New_York"));
        FakeGateway gateway = serving(FakeAccount.sample(day)).port(port).start();
        PrintStream out = System.out;
        out.println("fake IB Gateway serving account " + FakeAccount.SAMPLE_ACCOUNT + " (trading day " + day
                + ") on 127.0.0.1:" + gateway.port() + " — stop with Ctrl-C");
        out.flush();
        new CountDownLatch(1).await();
    }
}
