package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.danvan.shared.audit.AuditTrail;
import vn.danvan.shared.time.BusinessCalendar;

/**
 * Keeps the stored due and lock dates of reports (the {@code late} filter, completeness and the
 * reopen rule read them) in step with the business calendar: when a day is listed, corrected or
 * unlisted, the reports whose lock date is on or after it are reckoned again on the new calendar in
 * the same transaction, and those that moved get a new version, an audit event and a feed entry. A
 * lateness already decided at a first SUBMIT stays as it was decided.
 */
@ApplicationScoped
class ReportDueDateRecalculation {

  private static final Logger LOG = Logger.getLogger(ReportDueDateRecalculation.class);

  /** The dates of a report, as the audit event records them before and after. */
  record Dates(LocalDate dueDate, LocalDate lockDate) {}

  @Inject ReportSubmissionRepository repo;
  @Inject ReportingRegimeRepository regimes;
  @Inject AuditTrail audit;
  @Inject EntityManager em;
  @Inject Clock clock;

  void onCalendarChange(@Observes BusinessCalendar.Changed change) {
    Map<UUID, PeriodSchedule> schedules = new HashMap<>();
    List<ReportSubmission> moved = new ArrayList<>();
    List<Dates> before = new ArrayList<>();
    for (ReportSubmission s : repo.lockingFrom(change.day())) {
      PeriodSchedule schedule =
          schedules.computeIfAbsent(s.regimeId, id -> regimes.find(id).schedule(change.calendar()));
      ReportingPeriod period = schedule.period(PeriodCode.tryParse(s.period).orElseThrow());
      Dates old = new Dates(s.dueDate, s.lockDate);
      Dates now = new Dates(period.dueDate(s.level).orElse(s.dueDate), period.lockDate());
      if (!Objects.equals(old, now)) {
        s.dueDate = now.dueDate();
        s.lockDate = now.lockDate();
        s.updatedAt = Instant.now(clock);
        moved.add(s);
        before.add(old);
      }
    }
    if (moved.isEmpty()) {
      return;
    }
    em.flush();
    List<AuditTrail.Change> changes = new ArrayList<>(moved.size());
    for (int i = 0; i < moved.size(); i++) {
      ReportSubmission s = moved.get(i);
      changes.add(
          new AuditTrail.Change(
              s.id, s.orgUnitId, s.version, before.get(i), new Dates(s.dueDate, s.lockDate)));
    }
    audit.recordAll(
        "REPORT_DUE_DATES_RECOMPUTED",
        ReportSubmissionService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        "business calendar " + change.day());
    LOG.infof("Business calendar %s: dates of %d report(s) moved", change.day(), moved.size());
  }
}
