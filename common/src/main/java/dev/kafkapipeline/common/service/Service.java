package dev.kafkapipeline.common.service;

/**
 * A configured service's work: a producer's loop, the consumers' loop. A
 * {@link ServiceRunner} calls {@link #run()} once, in a thread of its own, and
 * {@link #stop()} from another thread when the service is asked to stop.
 */
public interface Service {
    /**
     * Does the work. Returns when it is done or, after {@link #stop()}, once what
     * was in hand is flushed or committed. Throws when it failed: a
     * {@link ServiceFailure} for a failure its message explains in one line, a
     * ConfigException for a setting found wrong only now (a driver the session
     * lacks), anything else for what nobody foresaw.
     */
    void run() throws Exception;

    /**
     * Asks {@link #run()} to finish soon and returns at once. The runner calls it
     * again until run returns, since a library may swallow an interrupt; a second
     * call must not undo the first (no new grace period, say).
     */
    void stop();

    /** What a finished run did, for the outcome line ("846 records sent to topic fastf1"); empty when there is nothing to say. */
    default String summary() {
        return "";
    }
}
