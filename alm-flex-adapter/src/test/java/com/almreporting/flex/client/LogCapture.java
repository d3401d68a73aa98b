package com.almreporting.flex.client;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event of {@code com.almreporting} at DEBUG, formatted, with any throwable's messages. */
final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("com.almreporting");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous = logger.getLevel();

    LogCapture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
    }

    /** Every captured line: level, message, and the class and message of each throwable in the chain. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        synchronized (appender.list) {
            for (ILoggingEvent event : appender.list) {
                lines.add(event.getLevel() + " " + event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    lines.add("  " + t.getClassName() + ": " + t.getMessage());
                }
            }
        }
        return lines;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
