package dev.kafkapipeline.local.stack;

/** A loopback address and port a service listens on. */
public record Endpoint(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
