package dev.kafkapipeline.watch.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kafkapipeline.watch.CassandraLink;
import dev.kafkapipeline.watch.WatchSettings;
import dev.kafkapipeline.watch.flow.DeadLetterTail;
import dev.kafkapipeline.watch.flow.StatusFlowSource;
import dev.kafkapipeline.watch.race.LapFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The page's HTTP server (the JDK's own): the page and its scripts at /, the
 * event stream at /events (?session=KEY picks the race; none follows the latest),
 * and /health for container health checks. GET only.
 */
public final class WatchServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers;
    private final CassandraLink cassandra;
    private final StatusFlowSource flow;
    private final DeadLetterTail deadLetters;
    private final LiveFeed feed;
    private final StaticFiles files = new StaticFiles();

    private WatchServer(WatchSettings settings) throws IOException {
        this.cassandra = new CassandraLink(settings.cassandra());
        this.flow = new StatusFlowSource(settings, cassandra);
        this.deadLetters = new DeadLetterTail(settings.clients());
        this.feed = new LiveFeed(flow, deadLetters, new LapFeed(cassandra));
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 16);
        // Event streams are handed to the feed and do not hold a thread, so two serve any number of pages.
        this.handlers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "watch-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::file);
        server.createContext("/events", this::events);
        server.createContext("/health", exchange -> reply(exchange, 200, "text/plain; charset=utf-8", "ok\n".getBytes(StandardCharsets.UTF_8)));
    }

    /** Starts the server; port 0 takes a free one ({@link #port()} says which). */
    public static WatchServer start(WatchSettings settings) {
        try {
            WatchServer watch = new WatchServer(settings);
            watch.server.start();
            return watch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void file(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            reply(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<StaticFiles.File> file = files.find(exchange.getRequestURI().getPath());
        if (file.isEmpty()) {
            reply(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        reply(exchange, 200, file.get().type(), file.get().bytes());
    }

    /** Answers with an event stream and leaves it open: the feed writes to it until the page goes. */
    private void events(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream stream = exchange.getResponseBody();
        // Tells the browser to reconnect after 2 s when the server restarts.
        stream.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
        stream.flush();
        feed.subscribe(new Subscriber(stream, session(exchange.getRequestURI().getRawQuery())));
    }

    private static String session(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("session=") && pair.length() > "session=".length()) {
                return URLDecoder.decode(pair.substring("session=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        feed.close();
        handlers.shutdownNow();
        deadLetters.close();
        flow.close();
        cassandra.close();
    }
}
