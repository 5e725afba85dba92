package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The life of a report: a draft is edited; {@code SUBMIT} freezes a version for the collecting
 * unit, which returns it (edited again, then submitted as a new version) or accepts it; {@code
 * REOPEN} makes a submitted or accepted report a draft again.
 */
@Schema(
    description =
        "Trạng thái báo cáo: DRAFT (đang soạn, sửa được), SUBMITTED (đã gửi, chờ đơn vị nhận báo cáo xem xét),"
            + " RETURNED (bị trả lại để sửa, sửa được), ACCEPTED (đã được tiếp nhận).",
    examples = "SUBMITTED")
public enum ReportSubmissionStatus implements LabeledEnum {
  DRAFT,
  SUBMITTED,
  RETURNED,
  ACCEPTED;

  /** Whether the reporting unit may edit the values and texts. */
  boolean editable() {
    return this == DRAFT || this == RETURNED;
  }

  /** The status reached from this one by {@code action}, or null when not allowed. */
  ReportSubmissionStatus after(ReportSubmissionAction action) {
    return switch (action) {
      case SUBMIT -> editable() ? SUBMITTED : null;
      case RETURN, ACCEPT ->
          this == SUBMITTED
              ? (action == ReportSubmissionAction.RETURN ? RETURNED : ACCEPTED)
              : null;
      case REOPEN -> this == SUBMITTED || this == ACCEPTED ? DRAFT : null;
    };
  }
}
