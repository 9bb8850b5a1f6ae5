package dev.kafkapipeline.watch.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One open page: its event stream and the session it shows (null: the latest).
 * It remembers the race it was sent last, so an unchanged race is not sent again.
 */
final class Subscriber {
    private final OutputStream stream;
    private final String session;
    private String lastRace;
    private boolean closed;

    Subscriber(OutputStream stream, String session) {
        this.stream = stream;
        this.session = session;
    }

    String session() {
        return session;
    }

    /** Sends one server-sent event; false once the page has gone. */
    synchronized boolean send(String event, String json) {
        if (closed) {
            return false;
        }
        try {
            stream.write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
            stream.flush();
            return true;
        } catch (IOException gone) {
            close();
            return false;
        }
    }

    /** Sends the race unless this page has it already. */
    synchronized boolean sendRace(String json) {
        if (json.equals(lastRace)) {
            return !closed;
        }
        lastRace = json;
        return send("race", json);
    }

    synchronized void close() {
        closed = true;
        try {
            stream.close();
        } catch (IOException alreadyGone) {
            // Nothing left to release.
        }
    }
}
