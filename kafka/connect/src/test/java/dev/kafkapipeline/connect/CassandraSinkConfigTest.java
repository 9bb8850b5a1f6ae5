package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraSinkConfigTest {

    /** The cluster's sinks name every node, so the task starts while any one of them is down. */
    @Test
    void everyContactPointReachesTheDriver() {
        CassandraSinkConfig config = new CassandraSinkConfig(Map.of(
                CassandraSinkConfig.CONTACT_POINTS, "cassandra-1,cassandra-2,cassandra-3", CassandraSinkConfig.PORT, "9042"));

        assertEquals(List.of("cassandra-1", "cassandra-2", "cassandra-3"), config.cassandraSettings().hosts());
    }
}
