package org.bindbackend.logs;

import java.util.logging.Logger;

/**
 * The backend's loggers (java.util.logging, one per class): each line written while a request is handled starts
 * with that request's id ({@link RequestIds}), whichever server's handlers and formats write it, so that a request's
 * lines and its audit events are found together.
 */
public final class Logs {

    private Logs() {
    }

    /** The logger of {@code type}. */
    public static Logger of(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        logger.setFilter(record -> {
            RequestIds.current().ifPresent(id -> {
                if (record.getMessage() != null && !record.getMessage().startsWith("[request ")) {
                    record.setMessage("[request " + id + "] " + record.getMessage());
                }
            });
            return true;
        });
        return logger;
    }
}
