package vn.danvan.shared.agenda;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One obligation of one unit, as a feature's {@link ObligationSource} answers it. Carries no
 * personal data: a case deadline names the case by its number, never the citizen.
 *
 * @param kind what is owed
 * @param id unique within the kind and stable: the task, the directive obligation, the case, the
 *     dialogue; for obligations without a record of their own (an expected report, the reception
 *     days of a period, the yearly dialogue) a name-based UUID of what identifies them
 * @param orgUnitId the unit that owes it
 * @param dueDate the last day in term
 * @param state the four-state rule on the query's day ({@link ObligationState#of})
 * @param doneDate when it was done, if done by the query's day
 * @param title a short title in Vietnamese (the task's title, the directive's number and summary…)
 * @param href the API path of the resource to open ({@code /api/v1/tasks/…})
 */
public record Obligation(
    ObligationKind kind,
    UUID id,
    UUID orgUnitId,
    LocalDate dueDate,
    ObligationState state,
    LocalDate doneDate,
    String title,
    String href) {

  /** This obligation's place in the agenda's order. */
  public ObligationKey key() {
    return new ObligationKey(dueDate, kind, id);
  }
}
