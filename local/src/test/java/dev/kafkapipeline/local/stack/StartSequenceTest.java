package dev.kafkapipeline.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkapipeline.local.stack.StartSequence.StartStep;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartSequenceTest {
    private final List<String> ran = new ArrayList<>();

    private StartStep step(String name) {
        return new StartStep(name, () -> ran.add(name));
    }

    @Test
    void stepsRunInOrderAndNothingIsUndoneWhenAllSucceed() {
        StartSequence.run(List.of(step("servers"), step("schema"), step("topics")), () -> ran.add("undo"));
        assertEquals(List.of("servers", "schema", "topics"), ran);
    }

    @Test
    void aFailedStepUndoesTheRunAndTheStepsAfterItNeverRun() {
        StackStartException cause = new StackStartException("kafka exited during start; log: kafka.log");
        StackStartException thrown = assertThrows(StackStartException.class, () -> StartSequence.run(List.of(step("servers"),
                new StartStep("schema", () -> { throw cause; }), step("topics")), () -> ran.add("undo")));
        assertSame(cause, thrown, "a failure that explains itself is passed on as it is");
        assertEquals(List.of("servers", "undo"), ran);
    }

    @Test
    void aFailureThatDoesNotExplainItselfIsNamedByItsStep() {
        StackStartException thrown = assertThrows(StackStartException.class, () -> StartSequence.run(List.of(
                new StartStep("data version", () -> { throw new UncheckedIOException(new java.io.IOException("disk full")); })), () -> { }));
        assertEquals("step 'data version' failed: java.io.UncheckedIOException: java.io.IOException: disk full", thrown.getMessage());
    }
}
