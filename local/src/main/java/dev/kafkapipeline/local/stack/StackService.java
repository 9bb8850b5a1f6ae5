package dev.kafkapipeline.local.stack;

import java.util.List;
import java.util.Map;

/** One process of the native stack: how to start it and how to tell it is ready. */
public interface StackService {
    /** Short name used for its log file, pid file and the command line ({@code ./pipeline logs NAME}). */
    String name();

    /** Where clients reach it, or a short description for services without a port. */
    String address();

    /** Where it listens: each must be free before it starts, and accept connections once it serves; with what it is for. */
    Map<Endpoint, String> ports();

    /** Writes its configuration files; called before every start. */
    void prepare();

    /**
     * The full command line; it must include the marker argument
     * ({@link StackServices#marker}) that marks it as this stack's, so a pid is
     * only trusted while it still carries it.
     */
    List<String> command(String marker);

    /** Variables it is started with, on top of the user's unless {@link #inheritsEnvironment()} says otherwise. */
    Map<String, String> environment();

    /**
     * Whether it also gets every variable of the process that starts it (the
     * user's shell, keys and tokens included). A server that evaluates what
     * arrives through a network API gets its own {@link #environment()} alone.
     */
    default boolean inheritsEnvironment() {
        return true;
    }

    /** A real check that it serves (CQL answers, the broker answers, REST answers). */
    boolean isReady();

    /** True for a service that may end by itself once its work is done (a producer of a finite replay). */
    default boolean finishesOnItsOwn() {
        return false;
    }

    /** Called with the process right after it was spawned. */
    default void started(ProcessHandle handle) {}
}
