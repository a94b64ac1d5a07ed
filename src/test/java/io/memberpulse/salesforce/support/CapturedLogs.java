package io.memberpulse.salesforce.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record written while attached, read back by tests that check what the logs say (or
 * never say: secrets). Attach in {@code @BeforeEach}, detach in {@code @AfterEach}.
 */
public final class CapturedLogs extends Handler {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public void attach() {
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    public void detach() {
        Logger.getLogger("").removeHandler(this);
    }

    /** Records at {@code level} or above, in the order written. */
    public List<LogRecord> atLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).toList();
    }

    /** Each record as one line: message, parameters and the exception's own text. */
    public List<String> lines() {
        return records.stream().map(record -> record.getMessage() + " "
                + java.util.Arrays.toString(record.getParameters())
                + (record.getThrown() == null ? "" : " " + record.getThrown())).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
