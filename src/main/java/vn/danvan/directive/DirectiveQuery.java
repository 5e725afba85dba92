package vn.danvan.directive;

import java.time.LocalDate;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * The filters of the directive list, without its page: {@code q} is trimmed (null when blank), and
 * {@code orgUnitMode} applies to {@code issuingUnitId}.
 */
public record DirectiveQuery(
    String q,
    DirectiveType type,
    DirectiveStatus status,
    UUID issuingUnitId,
    OrgUnitMode orgUnitMode,
    Integer year,
    LocalDate issuedFrom,
    LocalDate issuedTo,
    UUID implementsId) {

  public DirectiveQuery {
    q = q == null || q.isBlank() ? null : q.trim();
  }
}
