package dev.answerline.logging.internal;

import java.time.Instant;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/** A logger of {@link Lines}; its level is read once, when it is made. */
final class LineLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private final int level;

    LineLogger(String name) {
        this.name = name;
        this.level = Lines.level(name);
    }

    private boolean on(Level wanted) {
        return wanted.toInt() >= level;
    }

    @Override
    public boolean isTraceEnabled() {
        return on(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return on(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return on(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return on(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return on(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level at, Marker marker, String message, Object[] arguments,
            Throwable failure) {
        Lines.write(Instant.now(), at, name, MessageFormatter.basicArrayFormat(message, arguments), List.of(), failure);
    }

    /** The fluent API's events ({@code LOG.atInfo().addKeyValue(...)}): their fields become JSON fields. */
    @Override
    public void log(LoggingEvent event) {
        if (!on(event.getLevel())) {
            return;
        }
        List<KeyValuePair> fields = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        Lines.write(Instant.ofEpochMilli(event.getTimeStamp() > 0 ? event.getTimeStamp() : System.currentTimeMillis()),
                event.getLevel(), name, MessageFormatter.basicArrayFormat(event.getMessage(),
                        event.getArgumentArray()), fields, event.getThrowable());
    }
}
