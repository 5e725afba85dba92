package vn.danvan.reporting;

import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the report list, without its page: {@code period} is a checked period code, {@code
 * orgUnitMode} applies to {@code orgUnitId} (the reporting unit).
 */
public record ReportSubmissionQuery(
    UUID regimeId,
    String period,
    UUID orgUnitId,
    OrgUnitMode orgUnitMode,
    ReportSubmissionStatus status,
    Boolean late) {}
