package vn.danvan.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;
import vn.danvan.testing.Tables;

/** The rules of a task that need no database: the four states and the life cycle. */
class TaskRulesTest {

  @ParameterizedTest(name = "{0} due {1} done {2} on {3}: {4}")
  @CsvSource(
      textBlock =
          """
          # status,   due,        completed,  today,      state
          NEW,         2030-01-11, ,           2030-01-10, IN_PROGRESS_IN_TERM
          NEW,         2030-01-10, ,           2030-01-10, IN_PROGRESS_IN_TERM
          NEW,         2030-01-09, ,           2030-01-10, OVERDUE
          NEW,         2029-12-31, ,           2030-01-01, OVERDUE
          NEW,         ,           ,           2030-01-10, IN_PROGRESS_IN_TERM
          IN_PROGRESS, 2030-01-11, ,           2030-01-10, IN_PROGRESS_IN_TERM
          IN_PROGRESS, 2030-01-10, ,           2030-01-10, IN_PROGRESS_IN_TERM
          IN_PROGRESS, 2030-01-09, ,           2030-01-10, OVERDUE
          IN_PROGRESS, ,           ,           2030-01-10, IN_PROGRESS_IN_TERM
          DONE,        2030-01-09, 2030-01-08, 2030-01-10, DONE_ON_TIME
          DONE,        2030-01-09, 2030-01-09, 2030-01-10, DONE_ON_TIME
          DONE,        2030-01-09, 2030-01-10, 2030-01-10, DONE_LATE
          DONE,        2029-12-31, 2030-01-01, 2030-01-10, DONE_LATE
          DONE,        2030-01-20, 2030-01-10, 2030-01-10, DONE_ON_TIME
          DONE,        ,           2030-01-05, 2030-01-10, DONE_ON_TIME
          CANCELLED,   2030-01-09, ,           2030-01-10, CANCELLED
          CANCELLED,   2030-01-11, ,           2030-01-10, CANCELLED
          CANCELLED,   ,           ,           2030-01-10, CANCELLED
          """)
  void theFourStatesOfDecision42(
      TaskStatus status, LocalDate due, LocalDate completed, LocalDate today, TaskState state) {
    assertThat(TaskState.of(status, due, completed, today)).isEqualTo(state);
  }

  @Test
  void theTemplateOfARecurringTaskHasNoState() {
    Task t = new Task();
    t.status = TaskStatus.NEW;
    t.recurrenceFrequency = RecurrenceFrequency.MONTHLY;
    assertThat(t.state(LocalDate.parse("2030-01-10"))).isNull();
    t.recurrenceFrequency = null;
    t.dueDate = LocalDate.parse("2030-01-09");
    assertThat(t.state(LocalDate.parse("2030-01-10"))).isEqualTo(TaskState.OVERDUE);
  }

  /** Every status by every action: the status reached, empty when the action is refused. */
  static final String LIFE_CYCLE =
      """
      # from,     START,       COMPLETE, CANCEL,    REOPEN
      NEW,         IN_PROGRESS, DONE,     CANCELLED,
      IN_PROGRESS, ,            DONE,     CANCELLED,
      DONE,        ,            ,         ,          IN_PROGRESS
      CANCELLED,   ,            ,         ,          IN_PROGRESS
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(textBlock = LIFE_CYCLE)
  void theLifeCycle(ArgumentsAccessor row) {
    TaskAction[] actions = TaskAction.values();
    assertThat(row.size()).as("a column per action").isEqualTo(1 + actions.length);
    TaskStatus from = row.get(0, TaskStatus.class);
    for (TaskAction a : actions) {
      assertThat(from.after(a))
          .as(from + " " + a)
          .isEqualTo(row.get(1 + a.ordinal(), TaskStatus.class));
    }
  }

  @Test
  void theLifeCycleHasARowPerStatus() {
    assertThat(Tables.firstColumn(LIFE_CYCLE))
        .containsExactlyInAnyOrder(
            Arrays.stream(TaskStatus.values()).map(Enum::name).toArray(String[]::new));
  }
}
