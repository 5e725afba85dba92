package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.CurrentUser;
import vn.danvan.shared.time.BusinessTime;

/**
 * Recurring tasks: a series (a task with a recurrence and no due date) and its dated occurrences,
 * created ahead of time, daily, and deleted with the series.
 */
@ApplicationScoped
class TaskRecurrence {

  static final int MAX_OCCURRENCES = 1000;

  @Inject TaskRepository repo;
  @Inject AuditTrail audit;
  @Inject CurrentUser user;
  @Inject Clock clock;
  @Inject EntityManager em;

  /**
   * Creates the occurrences of a series due up to one period after today (or after its start), so
   * that the next occurrence always exists; past ones are created too, and show as overdue until
   * done.
   */
  int extendSeries(Task s, LocalDate today) {
    Recurrence r = s.recurrence();
    if (r == null || !s.status.open()) {
      return 0;
    }
    LocalDate base = today.isAfter(r.startDate()) ? today : r.startDate();
    Map<LocalDate, Boolean> existing = repo.occurrenceDates(s.id);
    int created = 0;
    for (LocalDate d : r.dates(base.plusMonths(r.frequency().months), MAX_OCCURRENCES)) {
      if (!existing.containsKey(d)) {
        persistOccurrence(s.occurrenceOn(d), today);
        created++;
      }
    }
    return created;
  }

  /** The daily run: every open series gets its next occurrence. */
  @Transactional
  int extendAllSeries() {
    LocalDate today = BusinessTime.today(clock);
    int created = 0;
    for (UUID id : repo.seriesToExtend(today)) {
      Task s = Task.findById(id);
      if (s != null) {
        created += extendSeries(s, today);
      }
    }
    return created;
  }

  /**
   * Before a series is deleted: its occurrences go with it, each with its audit event, unless one
   * has started (409 TASK_HAS_CHILDREN).
   */
  void deleteOccurrences(Task series) {
    if (repo.occurrencesStarted(series.id)) {
      throw ApiException.conflict("TASK_HAS_CHILDREN");
    }
    List<AuditTrail.Change> gone = new ArrayList<>();
    for (TaskRepository.DeletedOccurrence o : repo.deleteOccurrences(series.id)) {
      gone.add(
          new AuditTrail.Change(
              o.id(),
              o.leadUnitId(),
              null,
              Map.of("seriesId", series.id, "periodDate", String.valueOf(o.periodDate())),
              null));
    }
    audit.recordAll("DELETE", TaskService.ENTITY, AuditTrail.Operation.DELETE, gone, null);
  }

  /** As a new task is written: its initial due date and its audit event with it. */
  private void persistOccurrence(Task o, LocalDate today) {
    Instant at = Instant.now(clock);
    o.createdAt = at;
    o.updatedAt = at;
    o.originalDueDate = o.dueDate;
    o.persist();
    em.flush();
    repo.recordDueDate(o.id, o.dueDate, DueDateSource.INITIAL, null, user.username(), at);
    audit.created(
        TaskService.ENTITY,
        o.id,
        o.leadUnitId,
        o.version,
        TaskResponse.of(o, TaskResponse.Children.NONE, today));
  }
}
