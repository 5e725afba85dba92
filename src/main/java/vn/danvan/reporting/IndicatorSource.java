package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * Where the system can compute an indicator's value from its own data (the computation comes
 * later): the reception book, the tasks, the directives and their obligations, or the reports of
 * the reporting units ({@link #CONSOLIDATED}).
 */
@Schema(
    description =
        "Nguồn số liệu hệ thống tính sẵn cho chỉ tiêu: sổ tiếp công dân (VISITS … VISITS_BY_CONTENT_KIND),"
            + " nhiệm vụ (TASKS_…), văn bản và nghĩa vụ ban hành kế hoạch (DOCUMENTS_ISSUED, PLANS_OWED_…),"
            + " hội nghị đối thoại với Nhân dân (DIALOGUES_HELD, DIALOGUES_HELD_ON_TIME: thông báo và"
            + " công khai kết quả đúng hạn, DIALOGUE_QUESTIONS_RAISED, DIALOGUE_QUESTIONS_ANSWERED;"
            + " theo ngày tổ chức), mô hình Dân vận khéo (MODELS_…),"
            + " hoặc tổng hợp từ báo cáo của các đơn vị báo cáo (CONSOLIDATED).",
    examples = "VISITS")
public enum IndicatorSource implements LabeledEnum {
  // reception
  VISITS,
  PEOPLE_RECEIVED,
  GROUP_VISITS,
  ANONYMOUS_DENUNCIATIONS,
  CASES_ACCEPTED,
  CASES_RESOLVED,
  CASES_RESOLVED_ON_TIME,
  CASES_OVERDUE,
  HEAD_RECEPTION_DAYS_HELD,
  HEAD_RECEPTION_DAYS_MISSED,
  /** Needs {@code param}: a reception content kind. */
  VISITS_BY_CONTENT_KIND,
  // tasks
  TASKS_DONE_ON_TIME,
  TASKS_DONE_LATE,
  TASKS_IN_PROGRESS_IN_TERM,
  TASKS_OVERDUE,
  // directives
  DOCUMENTS_ISSUED,
  PLANS_OWED_ISSUED_ON_TIME,
  PLANS_OWED_ISSUED_LATE,
  PLANS_OWED_PENDING_IN_TERM,
  PLANS_OWED_OVERDUE,
  // dialogues
  DIALOGUES_HELD,
  DIALOGUES_HELD_ON_TIME,
  DIALOGUE_QUESTIONS_RAISED,
  DIALOGUE_QUESTIONS_ANSWERED,
  // models
  MODELS_REGISTERED,
  MODELS_IMPLEMENTING,
  /** Takes an optional {@code param}: a recognition level (none: every level). */
  MODELS_RECOGNISED,
  // reports
  CONSOLIDATED;

  /** Whether the source needs a parameter. */
  boolean takesParam() {
    return this == VISITS_BY_CONTENT_KIND;
  }

  /** Whether the source takes an optional parameter. */
  boolean takesOptionalParam() {
    return this == MODELS_RECOGNISED;
  }

  /** Whether the source counts records (its indicator is an INTEGER). */
  boolean counts() {
    return this != CONSOLIDATED;
  }
}
