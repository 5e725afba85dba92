package vn.danvan.reporting;

import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the regime list, without its page: {@code q} is trimmed (null when blank), {@code
 * orgUnitMode} applies to {@code collectingUnitId}.
 */
public record ReportingRegimeQuery(
    String q,
    UUID collectingUnitId,
    OrgUnitMode orgUnitMode,
    ReportingRegimeStatus status,
    ReportingFrequency frequency,
    UUID templateId,
    UUID sourceDirectiveId) {

  public ReportingRegimeQuery {
    q = q == null || q.isBlank() ? null : q.trim();
  }
}
