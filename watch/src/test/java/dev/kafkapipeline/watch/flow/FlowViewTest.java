package dev.kafkapipeline.watch.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import dev.kafkapipeline.local.status.StackStatus.ServiceStatus;
import dev.kafkapipeline.local.status.StackStatus.State;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ConnectorState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.GroupState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.KafkaState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ServiceState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.TableRows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FlowViewTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static FlowSnapshot snapshot(Instant at, long fastf1End, long laps, List<GroupState> groups) {
        return new FlowSnapshot(at,
                Part.of(List.of(new ServiceState("fastf1", "running", "-> topic fastf1"))),
                Part.of(new KafkaState(Map.of("fastf1", fastf1End, "fastf1.dlq", 2L), groups)),
                Part.of(List.of(new ConnectorState("fastf1-sink", "RUNNING", List.of("RUNNING")))),
                Part.of(List.of(new TableRows("kafkapipeline.lapsummary", laps, false))));
    }

    @Test
    void ratesNeedTwoSnapshotsAndComeFromTheirTimesApart() {
        FlowSnapshot first = snapshot(T0, 10, 8, List.of());
        FlowView alone = FlowView.of(null, first, Map.of());
        assertNull(alone.topics().items().stream().filter(t -> t.name().equals("fastf1")).findFirst().orElseThrow().rate());

        FlowView second = FlowView.of(first, snapshot(T0.plusSeconds(2), 30, 28, List.of()), Map.of());
        assertEquals(10.0, second.topics().items().stream().filter(t -> t.name().equals("fastf1")).findFirst().orElseThrow().rate());
        assertEquals(10.0, second.tables().items().get(0).rate());
        FlowView.ProducerView producer = second.producers().items().stream().filter(p -> p.name().equals("fastf1")).findFirst().orElseThrow();
        assertEquals("running", producer.state());
        assertEquals(30L, producer.sent());
        assertEquals(10.0, producer.rate());
    }

    @Test
    void aTopicMadeAnewHasNoRateRatherThanANegativeOne() {
        FlowView view = FlowView.of(snapshot(T0, 500, 0, List.of()), snapshot(T0.plusSeconds(1), 3, 0, List.of()), Map.of());
        assertNull(view.topics().items().stream().filter(t -> t.name().equals("fastf1")).findFirst().orElseThrow().rate());
    }

    @Test
    void consumerGroupsSayWhetherTheyRunAndConnectorsTakeTheLagOfTheirGroup() {
        List<GroupState> groups = List.of(
                new GroupState("connect-fastf1-sink", "STABLE", Map.of("fastf1", 90L), Map.of("fastf1", 10L)),
                new GroupState("consumers-fastf1", "EMPTY", Map.of("fastf1", 100L), Map.of("fastf1", 0L)),
                new GroupState("consumers-all", "STABLE", Map.of("fastf1", 95L), Map.of("fastf1", 5L)));
        FlowView view = FlowView.of(null, snapshot(T0, 100, 0, groups), Map.of());
        assertEquals(10L, view.connectors().items().get(0).lag());
        assertEquals(List.of(new FlowView.GroupView("consumers-fastf1", "stopped", Map.of("fastf1", 0L)),
                new FlowView.GroupView("consumers-all", "running", Map.of("fastf1", 5L))), view.groups().items());
        assertEquals("rebalancing", FlowView.groupState("PREPARING_REBALANCE"));
    }

    @Test
    void aPartThatIsDownEmptiesItsSectionsOnlyAndSaysWhy() {
        FlowSnapshot kafkaDown = new FlowSnapshot(T0, Part.down("the stack's processes: no"), Part.down("Kafka at 127.0.0.1:9092 is not answering (timeout)"),
                Part.of(List.of()), Part.of(List.of(new TableRows("kafkapipeline.lapsummary", 5, true))));
        FlowView view = FlowView.of(null, kafkaDown, Map.of());
        assertEquals("Kafka at 127.0.0.1:9092 is not answering (timeout)", view.topics().down());
        assertEquals(view.topics().down(), view.groups().down());
        assertEquals(view.topics().down(), view.deadLetters().down());
        assertNull(view.tables().down());
        assertEquals(true, view.tables().items().get(0).estimated());
        assertNull(view.connectors().down());
        FlowView.ProducerView producer = view.producers().items().get(0);
        assertNull(producer.sent());
        assertEquals("the stack's processes: no", producer.detail());
    }

    @Test
    void deadLetterTopicsCarryTheirCountAndReasons() {
        FlowView view = FlowView.of(null, snapshot(T0, 100, 0, List.of()), Map.of("fastf1.dlq", List.of("field value.lap_number does not fit")));
        assertEquals(List.of(new FlowView.DeadLetterView("fastf1.dlq", 2, List.of("field value.lap_number does not fit"))),
                view.deadLetters().items());
    }

    @Test
    void aTableShowsAsStatusCountedItAndAnythingButAnExactCountIsEstimated() {
        assertEquals(new TableRows("ks.t", 12, false), StatusFlowSource.rows("ks.t", Optional.of(new RowCount(12, RowCount.Accuracy.EXACT))));
        assertEquals(new TableRows("ks.t", 10_000, true), StatusFlowSource.rows("ks.t", Optional.of(new RowCount(10_000, RowCount.Accuracy.AT_LEAST))));
        assertEquals(new TableRows("ks.t", 272_512, true), StatusFlowSource.rows("ks.t", Optional.of(new RowCount(272_512, RowCount.Accuracy.ESTIMATE))));
        assertEquals(new TableRows("ks.t", -1, false), StatusFlowSource.rows("ks.t", Optional.empty()), "a table that does not exist");
    }

    @Test
    void aServiceShowsHowItEndedFromItsOutcomeOrElseItsLog() {
        assertEquals(new ServiceState("fastf1", "done", "846 laps sent"), StatusFlowSource.state(new ServiceStatus("fastf1", State.DONE,
                OptionalLong.empty(), "-> topic fastf1", Optional.of(new ServiceOutcome(true, 0, "846 laps sent")), "")));
        assertEquals(new ServiceState("faker", "failed", "Exception in thread \"main\" java.lang.OutOfMemoryError"),
                StatusFlowSource.state(new ServiceStatus("faker", State.EXITED, OptionalLong.empty(), "-> topic faker", Optional.empty(),
                        "Exception in thread \"main\" java.lang.OutOfMemoryError")), "an exit without an outcome is a failure");
        assertEquals(new ServiceState("consumers", "running", "weather, faker, fastf1 -> Cassandra"), StatusFlowSource.state(
                new ServiceStatus("consumers", State.RUNNING, OptionalLong.of(42), "weather, faker, fastf1 -> Cassandra", Optional.empty(), "")));
    }
}
