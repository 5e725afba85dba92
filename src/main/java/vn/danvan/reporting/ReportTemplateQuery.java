package vn.danvan.reporting;

import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the template list, without its page: {@code q} is trimmed (null when blank),
 * {@code orgUnitMode} applies to {@code ownerUnitId}, {@code status} to the latest version.
 */
public record ReportTemplateQuery(
    String q, UUID ownerUnitId, OrgUnitMode orgUnitMode, ReportTemplateStatus status) {

  public ReportTemplateQuery {
    q = q == null || q.isBlank() ? null : q.trim();
  }
}
