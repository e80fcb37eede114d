package io.inkstream.dispatcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver on an ephemeral port. Path /{scenario}/{key}: "ok" answers 200, "flaky" answers 500
 * twice then 200, "redirect" answers 302 to /ok/followed-{key}, "gone" answers 410, "slow" answers after 12 s (a timeout), "switch" answers 503 until {@link #up} is called for the key, "blip" answers 500, 500, 200 over and over.
 */
public final class TestReceiver implements AutoCloseable {

    /** One received request. */
    public record Received(String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final java.util.Set<String> up = ConcurrentHashMap.newKeySet();

    /** From now on /switch/{key} answers 200 instead of 503. */
    public void up(String key) {
        up.add(key);
    }

    public TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String scenario, String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + scenario + "/" + key;
    }

    public List<Received> receivedAt(String scenario, String key) {
        String path = "/" + scenario + "/" + key;
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        received.add(new Received(path, headers, body));
        int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String scenario = path.split("/")[1];
        int status;
        switch (scenario) {
            case "flaky" -> status = hit <= 2 ? 500 : 200;
            case "blip" -> status = hit % 3 == 0 ? 200 : 500;
            case "redirect" -> {
                exchange.getResponseHeaders().add("Location", "/ok/followed-" + path.split("/")[2]);
                status = 302;
            }
            case "gone" -> status = 410;
            case "slow" -> {
                // longer than the test request timeout: the dispatcher gives up first
                try {
                    Thread.sleep(12000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            case "switch" -> status = up.contains(path.split("/")[2]) ? 200 : 503;
            default -> status = 200;
        }
        byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
