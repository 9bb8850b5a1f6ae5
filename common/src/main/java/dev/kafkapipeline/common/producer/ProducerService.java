package dev.kafkapipeline.common.producer;

import dev.kafkapipeline.common.service.Service;
import dev.kafkapipeline.common.service.ServiceFailure;

/**
 * A producer as the service runner sees it: a {@link ProducerLoop} over a
 * source. Done when the source ends with every record acknowledged, or when
 * stopped (what was sent is flushed first); failed when the source ended but
 * Kafka refused records (each was logged as it happened).
 */
public final class ProducerService implements Service {
    private final ProducerLoop loop;
    private final String topic;
    private volatile boolean stopped;
    private volatile ProducerLoop.Outcome outcome;

    public ProducerService(ProducerSettings settings, RecordSource source) {
        this.loop = new ProducerLoop(settings, source);
        this.topic = settings.topic();
    }

    @Override
    public void run() {
        outcome = loop.run();
        if (outcome.failed() > 0 && !stopped) {
            throw new ServiceFailure("Kafka refused " + outcome.failed() + " of "
                    + (outcome.sent() + outcome.failed()) + " records (each is logged above)");
        }
    }

    @Override
    public String summary() {
        ProducerLoop.Outcome done = outcome;
        return done == null ? "" : done.sent() + " records sent to topic " + topic;
    }

    @Override
    public void stop() {
        stopped = true;
        loop.stop();
    }
}
