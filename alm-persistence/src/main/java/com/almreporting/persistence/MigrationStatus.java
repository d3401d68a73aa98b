package com.almreporting.persistence;

import java.time.Instant;

/** One Flyway migration: its version, description, state ("Success", "Pending"…) and when it was applied. Immutable. */
public record MigrationStatus(String version, String description, String state, Instant installedOn) {
}
