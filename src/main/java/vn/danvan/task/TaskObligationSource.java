package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.agenda.Obligation;
import vn.danvan.shared.agenda.ObligationCount;
import vn.danvan.shared.agenda.ObligationGrouping;
import vn.danvan.shared.agenda.ObligationKind;
import vn.danvan.shared.agenda.ObligationQuery;
import vn.danvan.shared.agenda.ObligationSource;
import vn.danvan.shared.agenda.ObligationState;
import vn.danvan.shared.time.BusinessTime;

/**
 * The tasks in the agenda: every task the selected units lead (as {@code GET /tasks?role=LEAD}
 * selects them), done when completed; cancelled tasks and recurring templates (their occurrences
 * count) left out. Two queries a page: the selected unit's path, then the page.
 */
@ApplicationScoped
class TaskObligationSource implements ObligationSource {

  private static final Set<ObligationKind> KINDS = Set.of(ObligationKind.TASK);

  @Inject TaskObligationRepository repo;
  @Inject OrgUnitService units;
  @Inject Clock clock;

  @Override
  public Set<ObligationKind> kinds() {
    return KINDS;
  }

  @Override
  public List<Obligation> page(ObligationQuery query) {
    if (!query.wantsAny(KINDS)) {
      return List.of();
    }
    LocalDate day = query.day();
    LocalDate today = BusinessTime.today(clock);
    return repo.page(query, unit(query, today), today).stream()
        .map(
            r ->
                new Obligation(
                    ObligationKind.TASK,
                    r.id(),
                    r.unitId(),
                    r.due(),
                    ObligationState.of(r.due(), r.completedOn(), day),
                    r.completedOn() != null && !r.completedOn().isAfter(day)
                        ? r.completedOn()
                        : null,
                    r.title(),
                    "/api/v1/tasks/" + r.id()))
        .toList();
  }

  @Override
  public List<ObligationCount> count(
      ObligationQuery query, ObligationGrouping groupBy, int groupLevel) {
    if (!query.wantsAny(KINDS)) {
      return List.of();
    }
    LocalDate today = BusinessTime.today(clock);
    boolean countryByProvince =
        query.unitId() == null
            && query.roots() == null
            && query.state() == null
            && query.dueFrom() == null
            && query.dueTo() == null
            && query.day().equals(today)
            && groupBy == ObligationGrouping.CHILD_UNIT
            && groupLevel == 2;
    List<TaskObligationRepository.Count> rows =
        countryByProvince
            ? repo.provincesToday(today)
            : repo.count(query, unit(query, today), today, groupBy, groupLevel);
    return rows.stream()
        .map(
            c ->
                new ObligationCount(
                    ObligationKind.TASK, c.state(), c.unitId(), c.month(), c.count()))
        .toList();
  }

  /**
   * The selected unit with the length of its path today, as the task list takes it (the stored lead
   * paths follow the tree as it stands); null for every unit.
   */
  private TaskObligationRepository.Unit unit(ObligationQuery query, LocalDate today) {
    if (query.unitId() == null) {
      return null;
    }
    List<java.util.UUID> path = units.pathsOn(List.of(query.unitId()), today).get(query.unitId());
    return new TaskObligationRepository.Unit(query.unitId(), path == null ? 5 : path.size());
  }
}
