package vn.danvan.reception;

import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/** The filters of the reception book (list and export); every one optional. */
public record VisitQuery(
    UUID orgUnitId,
    OrgUnitMode orgUnitMode,
    LocalDate from,
    LocalDate to,
    ContentKind contentKind,
    VisitField field,
    UUID caseId,
    UUID sessionId) {

  /** The visits of one case. */
  static VisitQuery ofCase(UUID caseId) {
    return new VisitQuery(null, null, null, null, null, null, caseId, null);
  }
}
