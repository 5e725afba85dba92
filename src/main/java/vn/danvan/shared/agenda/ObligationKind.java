package vn.danvan.shared.agenda;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/** What a unit owes, one kind per deadline a feature keeps (issue 14 §1). */
@Schema(
    description =
        "Loại nghĩa vụ: TASK (nhiệm vụ đơn vị chủ trì), IMPLEMENTING_PLAN (kế hoạch triển khai phải"
            + " ban hành theo văn bản chỉ đạo), REPORT (báo cáo định kỳ phải nộp), CASE_ACCEPTANCE và"
            + " CASE_RESOLUTION (hạn thụ lý, hạn giải quyết vụ việc khiếu nại, tố cáo, kể cả gia hạn),"
            + " HEAD_RECEPTION_DAY (ngày tiếp công dân định kỳ của người đứng đầu), DIALOGUE_ANNOUNCEMENT,"
            + " DIALOGUE_RESULTS (thông báo trước, công khai kết quả sau hội nghị đối thoại) và"
            + " DIALOGUE_YEARLY (đối thoại ít nhất một lần trong năm của cấp xã).",
    examples = "TASK")
public enum ObligationKind implements LabeledEnum {
  /** A task led by the unit; done when completed. */
  TASK,
  /** An implementing plan a recipient unit owes under a directive; done when issued. */
  IMPLEMENTING_PLAN,
  /** A periodic report a reporting unit owes for one period; done when submitted. */
  REPORT,
  /** The deadline to accept (or refuse) a complaint or denunciation. */
  CASE_ACCEPTANCE,
  /** The deadline to resolve a case, extensions included. */
  CASE_RESOLUTION,
  /** The head-of-unit reception days a unit must hold in a period. */
  HEAD_RECEPTION_DAY,
  /** The announcement of a grassroots dialogue, due some days before it is held. */
  DIALOGUE_ANNOUNCEMENT,
  /** The publication of a dialogue's results, due some days after it was held. */
  DIALOGUE_RESULTS,
  /** At least one dialogue a year for each commune-level unit. */
  DIALOGUE_YEARLY
}
