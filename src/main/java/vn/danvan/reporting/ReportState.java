package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The four official states of an expected report (as for tasks, Decision 42/2014/QĐ-TTg): sent
 * (SUBMITTED or ACCEPTED) on time or late, else in term or overdue against the unit's due date and
 * today in Asia/Ho_Chi_Minh. A returned or reopened report is open again.
 */
@Schema(
    description =
        "Tình trạng của một báo cáo phải gửi, như với nhiệm vụ: DONE_ON_TIME (đã gửi đúng hạn), DONE_LATE (đã gửi"
            + " quá hạn), IN_PROGRESS_IN_TERM (chưa gửi, còn hạn), OVERDUE (chưa gửi, quá hạn). Báo cáo bị trả"
            + " lại hoặc mở lại tính là chưa gửi.",
    examples = "OVERDUE")
public enum ReportState implements LabeledEnum {
  DONE_ON_TIME,
  DONE_LATE,
  IN_PROGRESS_IN_TERM,
  OVERDUE
}
