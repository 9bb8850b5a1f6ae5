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

    /**
     * Fails unless a server of each of these kinds ({@code cassandra},
     * {@code kafka}, {@code connect}) runs and listens: the one of a single
     * node, or any member of a cluster, whose clients reach the others through it.
     */
    static void require(NativeStack stack, List<String> kinds) {
        List<String> missing = kinds.stream()
                .filter(kind -> stack.membersOf(kind).stream().allMatch(name -> stack.process(name).running().isEmpty())).toList();
        if (!missing.isEmpty()) {
            if (stack.runningServices().isEmpty()) {
                throw new CommandFailure(NOT_UP);
            }
            throw new CommandFailure(String.join(" and ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not running: run ./pipeline up");
        }
        for (String kind : kinds) {
            List<String> running = stack.membersOf(kind).stream().filter(name -> stack.process(name).running().isPresent()).toList();
            if (running.stream().noneMatch(stack::answers)) {
                String name = running.get(0);
                throw new CommandFailure(name + " runs but does not answer at " + stack.address(name)
                        + " yet: wait for ./pipeline up to finish (./pipeline logs " + name + " shows what it does)");
            }
        }
    }
}
