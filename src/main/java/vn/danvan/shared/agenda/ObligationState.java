package vn.danvan.shared.agenda;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * The four states of Decision 42/2014/QĐ-TTg, one rule for every obligation: done by {@code day}
 * (it has a done date on or before that day) on time when done on or before its due date, else
 * late; otherwise in term up to and including its due date, overdue from the day after. In SQL the
 * same rule is the function {@code danvan_task_outcome(due_date, done_on, day)} (V18); {@link #sql}
 * writes the call, {@link #of} is its Java twin (ObligationStateParityTest holds them equal).
 */
@Schema(
    description =
        "Tình trạng theo Quyết định 42/2014/QĐ-TTg, như nhau cho mọi loại nghĩa vụ: DONE_ON_TIME (đã"
            + " hoàn thành đúng hạn), DONE_LATE (đã hoàn thành quá hạn), IN_PROGRESS_IN_TERM (đang"
            + " thực hiện, trong hạn), OVERDUE (chưa hoàn thành, quá hạn). Hạn là ngày cuối cùng còn"
            + " trong hạn; quá hạn từ ngày hôm sau.",
    examples = "OVERDUE")
public enum ObligationState implements LabeledEnum {
  DONE_ON_TIME,
  DONE_LATE,
  IN_PROGRESS_IN_TERM,
  OVERDUE;

  /**
   * The state on {@code day} of an obligation due on {@code due} (null: no due date, never late)
   * and done on {@code doneOn} (null: not done); a done date after {@code day} is not yet done.
   */
  public static ObligationState of(LocalDate due, LocalDate doneOn, LocalDate day) {
    if (doneOn != null && !doneOn.isAfter(day)) {
      return due != null && doneOn.isAfter(due) ? DONE_LATE : DONE_ON_TIME;
    }
    return due != null && due.isBefore(day) ? OVERDUE : IN_PROGRESS_IN_TERM;
  }

  /**
   * The rule as an SQL expression over a due-date and a done-date expression, as of the {@code
   * date} expression {@code day} (a bound parameter such as {@code :day}); yields the state's name.
   */
  public static String sql(String due, String doneOn, String day) {
    return "danvan_task_outcome(" + due + ", " + doneOn + ", " + day + ")";
  }
}
