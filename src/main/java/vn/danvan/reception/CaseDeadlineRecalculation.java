package vn.danvan.reception;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.time.BusinessCalendar;

/**
 * Keeps the stored due dates of cases (the overdue filter and the statistics read them) in step
 * with the business calendar: when a day is listed, corrected or unlisted, the cases whose
 * deadlines may span it are computed again in the same transaction, and those that moved get a new
 * version, an audit event and a feed entry.
 */
@ApplicationScoped
class CaseDeadlineRecalculation {

  private static final Logger LOG = Logger.getLogger(CaseDeadlineRecalculation.class);

  /** The due dates of a case, as the audit event records them before and after. */
  record DueDates(LocalDate acceptanceDueDate, LocalDate resolutionDueDate) {}

  @Inject ReceptionRepository repo;
  @Inject ReceptionCaseService cases;
  @Inject ReceptionConfig config;
  @Inject AuditTrail audit;
  @Inject EntityManager em;
  @Inject Clock clock;

  void onCalendarChange(@Observes BusinessCalendar.Changed change) {
    DeadlineRules rules = config.deadlineRules(change.calendar());
    List<ReceptionCase> moved = new ArrayList<>();
    List<DueDates> before = new ArrayList<>();
    for (ReceptionCase c : repo.casesDueFrom(change.day())) {
      DueDates old = new DueDates(c.acceptanceDueDate, c.resolutionDueDate);
      cases.recomputeDueDates(c, rules);
      if (!Objects.equals(old.acceptanceDueDate(), c.acceptanceDueDate)
          || !Objects.equals(old.resolutionDueDate(), c.resolutionDueDate)) {
        c.updatedAt = Instant.now(clock);
        moved.add(c);
        before.add(old);
      }
    }
    if (moved.isEmpty()) {
      return;
    }
    em.flush();
    List<AuditTrail.Change> changes = new ArrayList<>(moved.size());
    for (int i = 0; i < moved.size(); i++) {
      ReceptionCase c = moved.get(i);
      changes.add(
          new AuditTrail.Change(
              c.id,
              c.unitId,
              c.version,
              before.get(i),
              new DueDates(c.acceptanceDueDate, c.resolutionDueDate)));
    }
    audit.recordAll(
        "CASE_DEADLINES_RECOMPUTED",
        ReceptionCaseService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        "business calendar " + change.day());
    LOG.infof("Business calendar %s: deadlines of %d case(s) moved", change.day(), moved.size());
  }
}
