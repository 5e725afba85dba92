package vn.danvan.dialogue;

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
 * Keeps the stored due dates of dialogues (the agenda pages them) in step with the business
 * calendar: when a day is listed, corrected or unlisted, the dialogues whose deadlines may span it
 * are computed again in the same transaction; those that moved get a new version, an audit event
 * and a feed entry.
 */
@ApplicationScoped
class DialogueDeadlineRecalculation {

  private static final Logger LOG = Logger.getLogger(DialogueDeadlineRecalculation.class);

  /** The due dates of a dialogue, as the audit event records them before and after. */
  record DueDates(LocalDate announcementDue, LocalDate resultsDue) {}

  @Inject DialogueRepository repo;
  @Inject DialogueConfig config;
  @Inject AuditTrail audit;
  @Inject EntityManager em;
  @Inject Clock clock;

  void onCalendarChange(@Observes BusinessCalendar.Changed change) {
    DialogueDeadlines rules = config.deadlines(change.calendar());
    // a due date moves only when a day between its start and itself changes: starts lie at most
    // the configured days (plus the days off a shift may skip) before it
    int reach = Math.max(config.results().daysAfter(), config.announcement().daysBefore()) * 3 + 31;
    List<Dialogue> moved = new ArrayList<>();
    List<DueDates> before = new ArrayList<>();
    for (Dialogue d : repo.bindingAround(change.day(), reach)) {
      DueDates old = new DueDates(d.announcementDue, d.resultsDue);
      d.announcementDue = rules.announcementDue(d.plannedDate);
      d.resultsDue = rules.resultsDue(d.resultsBase());
      if (!Objects.equals(old.announcementDue(), d.announcementDue)
          || !Objects.equals(old.resultsDue(), d.resultsDue)) {
        d.updatedAt = Instant.now(clock);
        moved.add(d);
        before.add(old);
      }
    }
    if (moved.isEmpty()) {
      return;
    }
    em.flush();
    List<AuditTrail.Change> changes = new ArrayList<>(moved.size());
    for (int i = 0; i < moved.size(); i++) {
      Dialogue d = moved.get(i);
      changes.add(
          new AuditTrail.Change(
              d.id,
              d.unitId,
              d.version,
              before.get(i),
              new DueDates(d.announcementDue, d.resultsDue)));
    }
    audit.recordAll(
        "DIALOGUE_DEADLINES_RECOMPUTED",
        DialogueService.ENTITY,
        AuditTrail.Operation.UPSERT,
        changes,
        "business calendar " + change.day());
    LOG.infof(
        "Business calendar %s: deadlines of %d dialogue(s) moved", change.day(), moved.size());
  }
}
