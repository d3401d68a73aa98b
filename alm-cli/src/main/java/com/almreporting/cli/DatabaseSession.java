package com.almreporting.cli;

import com.almreporting.persistence.DatabaseConfig;
import com.almreporting.persistence.PersistenceModule;

/** Opens the configured database for one command (embedded by default, {@code ALM_DB_URL} when set). */
final class DatabaseSession {
    private DatabaseSession() {
    }

    /** Thrown when the database cannot be reached or used: exit code 4. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static PersistenceModule open(DatabaseOptions options, boolean migrate) throws Unavailable {
        DatabaseConfig config;
        try {
            config = options.config();
        } catch (IllegalArgumentException e) {
            throw new Unavailable(e.getMessage(), e);
        }
        return open(config, migrate);
    }

    static PersistenceModule open(DatabaseConfig config, boolean migrate) throws Unavailable {
        try {
            return PersistenceModule.open(config, migrate);
        } catch (RuntimeException e) {
            throw new Unavailable("cannot open the database (" + config.describe() + "): " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
