package vn.danvan.reporting;

import java.time.Instant;
import java.util.UUID;

/** One row of the template list: the template and its latest version's texts. */
record ReportTemplateRow(
    UUID id,
    String code,
    String name,
    String nameEn,
    String description,
    UUID ownerUnitId,
    ReportTemplateStatus status,
    int latestNumber,
    Integer publishedNumber,
    Instant createdAt,
    Instant updatedAt,
    long version) {}
