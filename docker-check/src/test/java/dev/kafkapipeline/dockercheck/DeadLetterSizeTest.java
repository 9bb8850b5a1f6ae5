package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kafkapipeline.common.kafka.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A dead letter is a whole record plus headers, so the Docker files give the
 * dead-letter topics and the Connect worker's dead-letter producer the same
 * room as the native stack does (Topics.DEAD_LETTER_MAX_BYTES): a record near
 * Kafka's default limit that a sink rejects must still reach its .dlq.
 */
class DeadLetterSizeTest {
    private final Repository repository = Repository.locate();

    @Test
    void everyDeadLetterTopicTheComposeFilesCreateTakesAWholeRecordPlusHeaders() throws IOException {
        for (String file : List.of("kafka/docker-compose.yml", "docker-compose.cluster.yml")) {
            String text = Files.readString(repository.resolve(file));
            List<String> limits = values(text, Pattern.compile("--topic \"\\$\\$topic\\.dlq\"[^\\n]*\\\\\\n\\s*--config max\\.message\\.bytes=(\\d+)"));
            assertFalse(limits.isEmpty(), file + " creates no .dlq topic with a max.message.bytes");
            assertEquals(List.of(Integer.toString(Topics.DEAD_LETTER_MAX_BYTES)), limits, file);
        }
    }

    @Test
    void theConnectWorkersDeadLetterProducerSendsThatMuch() throws IOException {
        String script = Files.readString(repository.resolve("kafka/connect-entrypoint.sh"));
        assertEquals(List.of(Integer.toString(Topics.DEAD_LETTER_MAX_BYTES)),
                values(script, Pattern.compile("(?m)^producer\\.max\\.request\\.size=(\\d+)$")));
    }

    private static List<String> values(String text, Pattern pattern) {
        List<String> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }
}
