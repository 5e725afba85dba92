package vn.danvan.imports;

import java.time.Instant;
import java.util.UUID;

/** A stored import job. */
record ImportJob(
    UUID id,
    String owner,
    String type,
    ImportMode mode,
    boolean dryRun,
    boolean async,
    ImportStatus status,
    String idempotencyKey,
    String requestHash,
    int total,
    int processed,
    int created,
    int updated,
    int unchanged,
    int errors,
    boolean cancelRequested,
    String failureCode,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    long version) {}
