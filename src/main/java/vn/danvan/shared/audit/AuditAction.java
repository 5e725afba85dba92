package vn.danvan.shared.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The actions an audit event records: the generic CREATE, UPDATE and DELETE, the transitions of
 * each feature (its action enum prefixed with the entity, e.g. {@code TASK_START}) and the named
 * operations and reads worth auditing. The features pass them as strings; AuditActionsTest and
 * ChangeCensusTest fail when one writes an action missing here.
 */
@Schema(
    name = "AuditAction",
    description =
        "Hành động của một sự kiện kiểm toán: CREATE, UPDATE, DELETE, chuyển trạng thái (tên loại đối"
            + " tượng + thao tác, ví dụ TASK_START) hoặc thao tác nghiệp vụ; nhãn tại GET"
            + " /api/v1/reference/enums.",
    examples = "RESTRUCTURE_MERGE")
public enum AuditAction implements LabeledEnum {
  CREATE,
  UPDATE,
  DELETE,
  FINISH,
  CANCEL,
  TASK_START,
  TASK_COMPLETE,
  TASK_CANCEL,
  TASK_REOPEN,
  TASK_DELEGATED,
  TASK_TRANSFERRED,
  TASK_PROGRESS,
  TASK_EXTENDED,
  TASK_EXTENSION_APPROVE,
  TASK_EXTENSION_REJECT,
  DIRECTIVE_ISSUE,
  DIRECTIVE_SUPERSEDE,
  DIRECTIVE_REVOKE,
  DIRECTIVE_EXPIRE,
  SECRET_DIRECTIVE_READ,
  SECRET_DIRECTIVE_ATTACHMENT_READ,
  OBLIGATION_CREATED,
  OBLIGATION_REOPENED,
  OBLIGATION_FULFILLED,
  OBLIGATION_TAKEN_BACK,
  OBLIGATION_PASSED_ON,
  OBLIGATION_TRANSFERRED,
  CASE_ACCEPT,
  CASE_EXTEND,
  CASE_RESOLVE,
  CASE_CLOSE,
  CASE_TRANSFER,
  CASE_REOPEN,
  CASE_DEADLINES_RECOMPUTED,
  PROTECTED_IDENTITY_READ,
  PROTECTED_DOCUMENTS_LISTED,
  PROTECTED_DOCUMENT_READ,
  PERSONAL_DATA_ERASED,
  REPORT_SUBMISSION_SUBMIT,
  REPORT_SUBMISSION_RETURN,
  REPORT_SUBMISSION_ACCEPT,
  REPORT_SUBMISSION_REOPEN,
  REPORT_DUE_DATES_RECOMPUTED,
  REPORTING_REGIME_ACTIVATE,
  REPORTING_REGIME_RETIRE,
  REPORTING_REGIME_UNITS_PASSED_ON,
  REPORT_TEMPLATE_PUBLISH,
  REPORT_TEMPLATE_NEW_VERSION,
  DIALOGUE_ANNOUNCE,
  DIALOGUE_HOLD,
  DIALOGUE_PUBLISH_RESULTS,
  DIALOGUE_CANCEL,
  DIALOGUE_DEADLINES_RECOMPUTED,
  // good practice models
  GOOD_PRACTICE_MODEL_START_IMPLEMENTATION,
  GOOD_PRACTICE_MODEL_RECOGNISE,
  GOOD_PRACTICE_MODEL_DISCONTINUE,
  RESTRUCTURE_MERGE,
  RESTRUCTURE_SPLIT,
  RESTRUCTURE_RENAME,
  RESTRUCTURE_MOVE,
  RESTRUCTURE_DISSOLVE,
  NATIONAL_DATASET_LOADED
}
