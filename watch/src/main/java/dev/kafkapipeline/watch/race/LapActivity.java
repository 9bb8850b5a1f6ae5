package dev.kafkapipeline.watch.race;

import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.watch.flow.FlowSnapshot;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the flow says about laps on their way to lapsummary: the fastf1 topic's
 * end offset and every group's committed offsets and lag on it. Laps reach the
 * table only through Kafka, so while this stays the same and nothing is left to
 * write, the table holds no new lap and the race need not be read again.
 *
 * @param lag records of fastf1 that some write path has not committed yet
 */
public record LapActivity(Long end, Map<String, Long> committed, long lag) {

    /** Empty (null) when Kafka could not be read: then nothing can be told. */
    public static LapActivity of(FlowSnapshot snapshot) {
        if (snapshot.kafka().isDown()) {
            return null;
        }
        Map<String, Long> committed = new TreeMap<>();
        long lag = 0;
        for (FlowSnapshot.GroupState group : snapshot.kafka().value().groups()) {
            Long offset = group.committed().get(Topics.FASTF1);
            if (offset != null) {
                committed.put(group.group(), offset);
                lag += group.lag().getOrDefault(Topics.FASTF1, 0L);
            }
        }
        return new LapActivity(snapshot.kafka().value().endOffsets().get(Topics.FASTF1), committed, lag);
    }

    /** True when laps are still on their way: some write path has records of fastf1 left to write. */
    public boolean inFlight() {
        return lag > 0;
    }
}
