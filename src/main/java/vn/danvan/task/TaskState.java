package vn.danvan.task;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The four states of Decision 42/2014/QĐ-TTg (plus cancelled), computed against the current due
 * date: a task finished on its due date is on time; an open task is overdue from the day after.
 */
@Schema(
    description =
        "Tình trạng theo Quyết định 42/2014/QĐ-TTg, tính theo hạn hiện hành và ngày hôm nay (giờ Việt Nam):"
            + " DONE_ON_TIME, DONE_LATE, IN_PROGRESS_IN_TERM, OVERDUE; CANCELLED với nhiệm vụ đã hủy."
            + " Nhiệm vụ định kỳ (mẫu, không có hạn) không có tình trạng: chỉ các lần thực hiện của nó có, như trong thống kê.",
    examples = "OVERDUE")
public enum TaskState implements LabeledEnum {
  DONE_ON_TIME,
  DONE_LATE,
  IN_PROGRESS_IN_TERM,
  OVERDUE,
  CANCELLED;

  /** The rule; in SQL danvan_task_outcome (V18) for a task that is not cancelled. */
  static TaskState of(TaskStatus status, LocalDate due, LocalDate completedOn, LocalDate today) {
    return switch (status) {
      case CANCELLED -> CANCELLED;
      case DONE -> due == null || !completedOn.isAfter(due) ? DONE_ON_TIME : DONE_LATE;
      case NEW, IN_PROGRESS -> due == null || !due.isBefore(today) ? IN_PROGRESS_IN_TERM : OVERDUE;
    };
  }

  /**
   * The same rule in SQL over a task row {@code t}, as of {@code :today}. The template of a
   * recurring task (no due date) has no state and matches none, as statistics leave it out. Done
   * states call the rule danvan_task_outcome (V18); open ones use its sargable form derived there
   * ({@code sort_due} against today), so that lists walk the partial indexes task_open_at_k.
   */
  String predicate() {
    return "t.recurrence_frequency is null and " + datedPredicate();
  }

  private String datedPredicate() {
    return switch (this) {
      case CANCELLED -> "t.status = 'CANCELLED'";
      case DONE_ON_TIME, DONE_LATE ->
          "t.status = 'DONE' and danvan_task_outcome(t.due_date, t.completed_on, :today) = '"
              + name()
              + "'";
      case IN_PROGRESS_IN_TERM -> "t.status in ('NEW','IN_PROGRESS') and t.sort_due >= :today";
      case OVERDUE -> "t.status in ('NEW','IN_PROGRESS') and t.sort_due < :today";
    };
  }
}
