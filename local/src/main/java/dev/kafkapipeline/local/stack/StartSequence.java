package dev.kafkapipeline.local.stack;

import java.util.List;

/**
 * Brings the stack up as named steps run in order. When a step fails, the
 * sequence undoes what the run started and rethrows; a failure that does not
 * explain itself (anything but a {@link StackStartException}) is wrapped in
 * one that names the step.
 */
final class StartSequence {
    /** One step of {@code up}: it prints its own progress lines, and throws when it fails. */
    record StartStep(String name, Runnable action) {}

    private StartSequence() {}

    static void run(List<StartStep> steps, Runnable undo) {
        for (StartStep step : steps) {
            try {
                step.action().run();
            } catch (RuntimeException e) {
                undo.run();
                if (e instanceof StackStartException) {
                    throw e;
                }
                throw new StackStartException("step '" + step.name() + "' failed: " + e, e);
            }
        }
    }
}
