package dev.kafkapipeline.common.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceFailure;
import dev.kafkapipeline.common.service.ServiceRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A producer through the service runner, up to the point where it would need Kafka (none runs here). */
class ProducerServiceTest {
    private static ServiceRunner runner(RecordSource source) {
        return new ServiceRunner("test-producer", env -> new ProducerService(
                ProducerSettings.from(env, "test-producer", "faker", Duration.ZERO), source));
    }

    /** A broker address where nothing listens, so a test that reached the Kafka wait would hang there. */
    private static EnvConfig noKafka() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new EnvConfig(Map.of("KAFKA_BROKER_URL", "127.0.0.1:" + socket.getLocalPort()));
        }
    }

    /** An HTTP client may swallow an interrupt; the runner repeats the stop until the loop ends. */
    @Test
    void stopReachesASourceThatSwallowedTheFirstInterrupt() throws Exception {
        CountDownLatch blocking = new CountDownLatch(1);
        RecordSource stubborn = new RecordSource() {
            @Override
            public void prepare() throws InterruptedException {
                blocking.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException swallowed) {
                    // as a library might; the source then blocks again
                }
                Thread.sleep(60_000);
            }

            @Override
            public Optional<KeyedRecord> next() {
                return Optional.empty();
            }
        };
        ServiceRunner runner = runner(stubborn);
        EnvConfig env = noKafka();
        CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(env));
        assertTrue(blocking.await(30, TimeUnit.SECONDS), "the loop reached the source");
        long asked = System.nanoTime();
        runner.stop();
        assertEquals(ExitStatus.DONE, exit.get(20, TimeUnit.SECONDS).status());
        assertTrue(Duration.ofNanos(System.nanoTime() - asked).compareTo(Duration.ofSeconds(5)) < 0, "stopped promptly");
    }

    @Test
    void aSourceThatCannotPrepareFailsTheRunBeforeKafkaIsNeeded() throws Exception {
        RecordSource missing = new RecordSource() {
            @Override
            public void prepare() {
                throw new ServiceFailure("404 Not Found: http://archive/2018/x/SessionInfo.jsonStream");
            }

            @Override
            public Optional<KeyedRecord> next() {
                return Optional.empty();
            }
        };
        assertEquals(new ServiceExit(ExitStatus.FAILED, "404 Not Found: http://archive/2018/x/SessionInfo.jsonStream"),
                runner(missing).run(noKafka()));
    }

    @Test
    void aSettingTheSourceFindsWrongIsABadConfiguration() throws Exception {
        RecordSource unknownDriver = new RecordSource() {
            @Override
            public void prepare() {
                throw new ConfigException("F1_DRIVERS: no driver XYZ");
            }

            @Override
            public Optional<KeyedRecord> next() {
                return Optional.empty();
            }
        };
        assertEquals(ExitStatus.BAD_CONFIGURATION, runner(unknownDriver).run(noKafka()).status());
    }
}
