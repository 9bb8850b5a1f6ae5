package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.NativeStack;
import java.util.List;

/**
 * The check a command makes before it talks to the stack, so that a stack
 * that is down is one line naming what is missing and the command that fixes
 * it, not a client's stack trace.
 */
final class RunningStack {
    static final String NOT_UP = "the stack is not up: run ./pipeline up";

    private RunningStack() {}

    /** Fails unless each of these servers runs and listens. */
    static void require(NativeStack stack, List<String> servers) {
        List<String> missing = servers.stream().filter(name -> stack.process(name).running().isEmpty()).toList();
        if (!missing.isEmpty()) {
            if (stack.runningServices().isEmpty()) {
                throw new CommandFailure(NOT_UP);
            }
            throw new CommandFailure(String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not running: run ./pipeline up");
        }
        for (String name : servers) {
            if (!stack.answers(name)) {
                throw new CommandFailure(name + " runs but does not answer at " + stack.address(name)
                        + " yet: wait for ./pipeline up to finish (./pipeline logs " + name + " shows what it does)");
            }
        }
    }
}
