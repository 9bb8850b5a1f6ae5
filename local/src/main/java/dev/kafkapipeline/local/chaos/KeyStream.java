package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The fault run's producer: faker-shaped records with unique keys, sent at a
 * steady rate by the pipeline's own producer settings (idempotent, acks=all),
 * each acknowledgement entered in the ledger.
 */
final class KeyStream implements AutoCloseable {
    private static final long LATE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final KeyLedger ledger;
    private final int rate;
    private final AtomicLong unacknowledged = new AtomicLong();
    private volatile boolean streaming;
    private Thread thread;

    KeyStream(EnvConfig env, String topic, KeyLedger ledger, int rate) {
        Properties props = KafkaSettings.producer(env, "chaos-stream");
        // A broker outage must not fail or block the stream: the records wait in the buffer until it is back.
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TimeUnit.MINUTES.toMillis(5));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TimeUnit.MINUTES.toMillis(5));
        this.producer = new KafkaProducer<>(props);
        this.topic = topic;
        this.ledger = ledger;
        this.rate = rate;
    }

    /** Starts sending the keys of this phase, on a thread of its own. */
    void start(int phase) {
        streaming = true;
        thread = new Thread(() -> stream(phase), "chaos-stream-" + phase);
        thread.start();
    }

    /** Stops sending and returns once Kafka has answered for every record sent. */
    void pause() {
        streaming = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing the stream", e);
        }
        producer.flush();
    }

    /** Records sent that Kafka has not answered for yet. */
    long unacknowledged() {
        return unacknowledged.get();
    }

    private void stream(int phase) {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        int sequence = 0;
        while (streaming) {
            long lateBy = System.nanoTime() - (start + sequence * periodNanos);
            if (lateBy < 0) {
                LockSupport.parkNanos(-lateBy);
                continue;
            }
            if (lateBy > LATE_NANOS) {
                // A send that blocked must not come back as a burst: the rate stays the rate.
                start = System.nanoTime() - sequence * periodNanos;
            }
            send(phase, sequence++);
        }
    }

    private void send(int phase, int sequence) {
        String key = ledger.key(phase, sequence);
        unacknowledged.incrementAndGet();
        try {
            producer.send(new ProducerRecord<>(topic, key, Json.toBytes(person(key, sequence))), (metadata, error) -> {
                if (error == null) {
                    ledger.acknowledged(phase, sequence, metadata.partition());
                } else {
                    ledger.failed(phase, sequence);
                }
                unacknowledged.decrementAndGet();
            });
        } catch (RuntimeException e) {
            ledger.failed(phase, sequence);
            unacknowledged.decrementAndGet();
        }
    }

    /** A person as the faker producer sends one (the faker table's 16 columns), named by the key. */
    private static Map<String, Object> person(String name, int n) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("building_number", Integer.toString(1 + n % 9999));
        p.put("street_name", "Evergreen Terrace");
        p.put("city", "Springfield");
        p.put("country", "Freedonia");
        p.put("postcode", String.format("%05d", n % 100_000));
        p.put("year", 1940 + n % 80);
        p.put("job", "Engineer");
        p.put("company", "Acme");
        p.put("company_email", "info@acme.example");
        p.put("ssn", String.format("%03d-%02d-%04d", n % 1000, n % 100, n % 10_000));
        p.put("passport_number", String.format("K%07d", n % 10_000_000));
        p.put("credit_card_provider", "VISA");
        p.put("credit_card_number", String.format("4%015d", n));
        p.put("credit_card_expire", "12/29");
        p.put("credit_card_security_code", String.format("%03d", n % 1000));
        return p;
    }

    @Override
    public void close() {
        streaming = false;
        producer.close();
    }
}
