package vn.danvan.shared.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The entity types of audit events and change-log entries (the {@code ENTITY} constants the
 * features pass to {@link AuditTrail}). ChangeCensusTest fails when a feature writes a type missing
 * here.
 */
@Schema(
    name = "EntityType",
    description =
        "Loại đối tượng của sự kiện kiểm toán và của thay đổi trong luồng đồng bộ; nhãn tại GET"
            + " /api/v1/reference/enums.",
    examples = "ORG_UNIT")
public enum EntityType implements LabeledEnum {
  ATTACHMENT,
  CALENDAR_DAY,
  DIRECTIVE,
  DIRECTIVE_OBLIGATION,
  DIRECTIVE_REFERENCE,
  DIALOGUE,
  GOOD_PRACTICE_MODEL,
  IMPORT,
  OBLIGATION_DUE_SOON,
  OBLIGATION_OVERDUE,
  ORG_UNIT,
  RECEPTION_CASE,
  RECEPTION_SESSION,
  RECEPTION_VISIT,
  REPORTING_REGIME,
  REPORT_CONSOLIDATION,
  REPORT_SUBMISSION,
  REPORT_TEMPLATE,
  RESTRUCTURING,
  TASK,
  TASK_EXTENSION,
  TASK_PROGRESS,
  WEBHOOK_SUBSCRIPTION
}
