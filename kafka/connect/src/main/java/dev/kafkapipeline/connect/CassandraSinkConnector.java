package dev.kafkapipeline.connect;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the records of Kafka topics to Cassandra tables through the project's shared writer. */
public class CassandraSinkConnector extends SinkConnector {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraSinkConnector.class);

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        Set<String> unset = CassandraSinkConfig.unsetSettings(props);
        if (!unset.isEmpty()) {
            // A variable missing from the worker's environment (or its allowlist) shows here, not as a puzzling refusal later.
            LOG.info("Settings left at their defaults, being blank or a variable the worker's environment lacks: {}", unset);
        }
        // Fail at registration, not in the tasks, when the mapping or the Cassandra settings are wrong.
        CassandraSinkConfig config = new CassandraSinkConfig(props);
        config.mappings();
        config.cassandraSettings();
        this.props = Map.copyOf(props);
    }

    /** Validates as the tasks will read the config: blank and unresolved values of the sink's settings count as unset. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return super.validate(CassandraSinkConfig.withoutUnsetValues(connectorConfigs));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CassandraSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CassandraSinkConfig.DEFINITION;
    }

    @Override
    public String version() {
        return SinkVersion.VERSION;
    }
}
