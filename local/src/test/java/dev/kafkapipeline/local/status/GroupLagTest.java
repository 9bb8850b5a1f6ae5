package dev.kafkapipeline.local.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.local.status.StackStatus.GroupLag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupLagTest {
    private static ListOffsetsResultInfo end(long offset) {
        return new ListOffsetsResultInfo(offset, -1, Optional.empty());
    }

    @Test
    void lagIsSummedPerTopicAndNeverNegative() {
        TopicPartition p0 = new TopicPartition("fastf1", 0);
        TopicPartition p1 = new TopicPartition("fastf1", 1);
        TopicPartition other = new TopicPartition("faker", 0);
        // Partition 1's end restarted below the commit (the topic was made again between the two reads).
        List<GroupLag> lags = KafkaProbe.lags("consumers",
                Map.of(p0, new OffsetAndMetadata(40), p1, new OffsetAndMetadata(50), other, new OffsetAndMetadata(7)),
                Map.of(p0, end(52), p1, end(12), other, end(7)));
        assertEquals(List.of(new GroupLag("consumers", "faker", 7, 0), new GroupLag("consumers", "fastf1", 90, 12)), lags);
    }
}
