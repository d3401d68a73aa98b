package com.almreporting.flex.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Flex Web Service on loopback that plays scripted IBKR answers: per endpoint ({@code SendRequest},
 * {@code GetStatement}) a queue of {@link Reply}s, the last one repeated when the queue runs dry; a reply can wait for
 * a gate the test opens. Records every request. Serves under {@code /AccountManagement/FlexWebService}, like IBKR.
 * Shared with other modules' tests through this module's test-jar.
 */
public final class FakeFlexServer implements AutoCloseable {

    public static final String ROOT = "/AccountManagement/FlexWebService";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-flex");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** One recorded request: endpoint, query parameters, User-Agent. */
    public record Request(String endpoint, Map<String, String> parameters, String userAgent, String rawQuery) {
        public String q() {
            return parameters.get("q");
        }
    }

    /** One scripted answer. */
    public record Reply(int status, String contentType, String body, long delayMillis, boolean drop, long stallMillis,
                        java.util.concurrent.CountDownLatch gate) {
        public static Reply xml(String body) {
            return new Reply(200, "text/xml;charset=utf-8", body, 0, false, 0, null);
        }

        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body, 0, false, 0, null);
        }

        /** Closes the connection without answering. */
        public static Reply dropped() {
            return new Reply(0, null, null, 0, true, 0, null);
        }

        public Reply delayedBy(long millis) {
            return new Reply(status, contentType, body, millis, drop, stallMillis, gate);
        }

        /** Sends the headers and half the body, then stalls. */
        public Reply stallingFor(long millis) {
            return new Reply(status, contentType, body, delayMillis, drop, millis, gate);
        }

        /** Answers only once {@code gate} is open (or after 60 s). */
        public Reply after(java.util.concurrent.CountDownLatch gate) {
            return new Reply(status, contentType, body, delayMillis, drop, stallMillis, gate);
        }
    }

    public FakeFlexServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(ROOT + "/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:port/AccountManagement/FlexWebService} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ROOT);
    }

    public FakeFlexServer sendRequest(Reply... replies) {
        return script("SendRequest", replies);
    }

    public FakeFlexServer getStatement(Reply... replies) {
        return script("GetStatement", replies);
    }

    private synchronized FakeFlexServer script(String endpoint, Reply... replies) {
        scripts.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String endpoint) {
        return requests().stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    }

    private synchronized Reply next(String endpoint) {
        Deque<Reply> script = scripts.get(endpoint);
        if (script == null || script.isEmpty()) {
            return Reply.of(404, "text/html", "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>no "
                    + endpoint + "</body></html>");
        }
        return script.size() > 1 ? script.poll() : script.peek();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String endpoint = path.substring(path.lastIndexOf('/') + 1);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        requests.add(new Request(endpoint, parameters(rawQuery), exchange.getRequestHeaders().getFirst("User-Agent"),
                rawQuery));
        Reply reply = next(endpoint);
        try {
            if (reply.gate() != null) {
                reply.gate().await(60, TimeUnit.SECONDS);
            }
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            if (reply.drop()) {
                throw new IllegalStateException("dropping the connection, as scripted");
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            if (reply.stallMillis() > 0) {
                exchange.sendResponseHeaders(reply.status(), 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    Thread.sleep(reply.stallMillis());
                    out.write(body, body.length / 2, body.length - body.length / 2);
                }
                return;
            }
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to do
        }
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> map = new LinkedHashMap<>();
        if (rawQuery == null) {
            return map;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.put(key, value);
        }
        return map;
    }

    // --- IBKR's answers (FLEX-FACTS §3.3) ---

    public static Reply success(String referenceCode, String url) {
        return success(referenceCode, url, "Url");
    }

    public static Reply success(String referenceCode, String url, String urlElement) {
        return Reply.xml("<FlexStatementResponse timestamp=\"19 July, 2025 05:12 AM EDT\">\n<Status>Success</Status>\n"
                + "<ReferenceCode>" + referenceCode + "</ReferenceCode>\n"
                + (url == null ? "" : "<" + urlElement + ">" + url + "</" + urlElement + ">\n")
                + "</FlexStatementResponse>\n");
    }

    public static Reply error(int code, String message) {
        String status = code == 1019 ? "Warn" : "Fail";
        return Reply.xml("<FlexStatementResponse timestamp='19 July, 2025 05:12 AM EDT'><Status>" + status + "</Status>"
                + "<ErrorCode>" + code + "</ErrorCode><ErrorMessage>" + message + "</ErrorMessage></FlexStatementResponse>");
    }

    public static Reply inProgress() {
        return error(1019, "Statement generation in progress. Please try again shortly.");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
