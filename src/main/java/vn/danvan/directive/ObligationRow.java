package vn.danvan.directive;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A {@code directive_obligation} row as a write returned it. */
record ObligationRow(
    UUID id,
    UUID directiveId,
    UUID unitId,
    LocalDate dueDate,
    UUID transferredFromUnitId,
    LocalDate transferredOn,
    LocalDate passedOn,
    UUID fulfilledById,
    LocalDate fulfilledOn) {

  /** The row as the audit trail and the change feed show it. */
  Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("directiveId", directiveId);
    view.put("unitId", unitId);
    view.put("dueDate", text(dueDate));
    view.put("transferredFromUnitId", transferredFromUnitId);
    view.put("transferredOn", text(transferredOn));
    view.put("passedOn", text(passedOn));
    view.put("fulfilledById", fulfilledById);
    view.put("fulfilledOn", text(fulfilledOn));
    return view;
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
