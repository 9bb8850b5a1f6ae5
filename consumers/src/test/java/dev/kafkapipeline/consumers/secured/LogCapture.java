package dev.kafkapipeline.consumers.secured;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM while it is open, with its stack trace: what the
 * Kafka clients, the Cassandra driver and the project's services printed. The
 * clients' loggers are opened up to INFO meanwhile, so the Kafka clients' full
 * config dump is among the lines.
 */
public final class LogCapture implements AutoCloseable {
    private static final List<String> CLIENT_LOGGERS = List.of("org.apache.kafka", "com.datastax.oss.driver");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> levelsBefore = new HashMap<>();

    public static LogCapture start() {
        return new LogCapture();
    }

    private LogCapture() {
        for (String name : CLIENT_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levelsBefore.put(logger, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        appender.start();
        root().addAppender(appender);
    }

    /** The lines so far, each with its stack trace. */
    public List<String> lines() {
        List<ILoggingEvent> events;
        // The appender adds under its own lock (AppenderBase.doAppend is synchronized).
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        return events.stream().map(LogCapture::text).toList();
    }

    private static String text(ILoggingEvent event) {
        String line = event.getLoggerName() + " " + event.getLevel() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? line : line + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    public void close() {
        root().detachAppender(appender);
        appender.stop();
        levelsBefore.forEach(Logger::setLevel);
    }
}
