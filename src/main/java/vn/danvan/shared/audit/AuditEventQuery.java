package vn.danvan.shared.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The filters of the audit-event list; every one is optional. */
record AuditEventQuery(
    String entityType, UUID entityId, String actor, OffsetDateTime from, OffsetDateTime to) {}
