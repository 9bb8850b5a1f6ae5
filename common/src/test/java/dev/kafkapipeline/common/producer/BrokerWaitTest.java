package dev.kafkapipeline.common.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BrokerWaitTest {
    @Test
    void backoffDoublesUpToThirtySeconds() {
        assertEquals(Duration.ofSeconds(1), BrokerWait.BACKOFF.after(1));
        assertEquals(Duration.ofSeconds(16), BrokerWait.BACKOFF.after(5));
        assertEquals(Duration.ofSeconds(30), BrokerWait.BACKOFF.after(6));
    }

    @Test
    void withoutKafkaTheLoopWaitsInsteadOfCrashingAndStopsWhenAsked() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EnvConfig env = new EnvConfig(Map.of("KAFKA_BROKER_URL", "127.0.0.1:" + closedPort));
        AtomicLong asked = new AtomicLong();
        RecordSource source = () -> {
            asked.incrementAndGet();
            return Optional.empty();
        };
        ProducerLoop loop = new ProducerLoop(ProducerSettings.from(env, "test", "faker", Duration.ZERO), source);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                result.set(loop.run());
            } catch (RuntimeException e) {
                result.set(e);
            }
        });
        runner.start();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (loop.brokerWaitFailures() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(loop.brokerWaitFailures() >= 1, "it tried and failed: " + loop.brokerWaitFailures());
        assertTrue(runner.isAlive(), "still waiting, not crashed");

        loop.stop();
        runner.join(15_000);
        assertFalse(runner.isAlive(), "stop ends the wait");
        assertEquals(new ProducerLoop.Outcome(0, 0), result.get());
        assertEquals(0, asked.get(), "nothing is taken from the source before Kafka answers");
    }
}
