package vn.danvan.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.danvan.directive.DirectiveService;
import vn.danvan.orgunit.OrgUnitResponse;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;
import vn.danvan.task.TaskStatisticsRepository.StatisticsQuery;
import vn.danvan.task.TaskStatisticsRepository.StatisticsRow;

/** The four states of Decision 42/2014 counted over the subtree of a unit. */
@ApplicationScoped
public class TaskStatisticsService {

  @Inject TaskStatisticsRepository repo;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject DirectiveService directives;
  @Inject Clock clock;

  /**
   * Four-state counts of the subtree of a unit as of a day, grouped, each task under the unit that
   * led it that day. One aggregate over the covering index task_stats (the subtree is an equality
   * on the stored ancestor columns and the group key another of them; a province is ~3% of the
   * tasks), plus the closed periods of the lead history valid that day. The whole country by
   * province today reads the tally maintained by triggers in the writing transactions.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TaskStatisticsResponse statistics(
      UUID orgUnitId, TaskStatisticsGroupBy groupBy, LocalDate asOf) {
    if (orgUnitId == null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    LocalDate today = BusinessTime.today(clock);
    LocalDate day = asOf != null ? asOf : today;
    TaskStatisticsGroupBy by = groupBy == null ? TaskStatisticsGroupBy.CHILD_UNIT : groupBy;
    scope.require(orgUnitId, "entity.ORG_UNIT");
    OrgUnitResponse unit =
        units.find(orgUnitId, day).orElseThrow(() -> ApiException.notFound("entity.ORG_UNIT"));
    // the whole country by province, today: the live tally instead of a scan of every task
    List<StatisticsRow> rows =
        unit.path().size() == 1 && by == TaskStatisticsGroupBy.CHILD_UNIT && day.equals(today)
            ? repo.provincesToday(day)
            : repo.statistics(new StatisticsQuery(orgUnitId, unit.path(), by, day));
    List<UUID> ids = rows.stream().map(StatisticsRow::id).filter(Objects::nonNull).toList();
    Map<UUID, String> labels =
        switch (by) {
          case CHILD_UNIT -> {
            Set<UUID> named = new HashSet<>(ids);
            named.add(orgUnitId);
            yield repo.unitNames(named, day);
          }
          case DIRECTIVE -> directives.readableNumbers(ids);
          case MONTH -> Map.of();
        };
    long[] total = new long[4];
    List<TaskStatisticsResponse.Group> groups = new ArrayList<>();
    for (StatisticsRow r : rows) {
      long[] c = {r.doneOnTime(), r.doneLate(), r.inTerm(), r.overdue()};
      for (int i = 0; i < 4; i++) {
        total[i] += c[i];
      }
      // the tasks the unit leads itself are its own group
      UUID id = r.id() == null && by == TaskStatisticsGroupBy.CHILD_UNIT ? orgUnitId : r.id();
      groups.add(
          new TaskStatisticsResponse.Group(
              id != null ? id.toString() : r.month(),
              id != null ? labels.get(id) : null,
              counts(c)));
    }
    return new TaskStatisticsResponse(orgUnitId, by, day, counts(total), groups);
  }

  /**
   * For the reports (issue 11 §5): the four states on {@code day} of the tasks due in [{@code
   * from}, {@code to}] (both included) whose lead unit on {@code day} is one of {@code units} (no
   * scope check). Cancelled tasks, recurring series (counted through their occurrences) and tasks
   * assigned after the day are left out, as in the statistics. One query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TaskStatisticsResponse.Counts dueInWindow(
      List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    return counts(repo.dueInWindow(units, from, to, day));
  }

  private static TaskStatisticsResponse.Counts counts(long[] c) {
    return new TaskStatisticsResponse.Counts(c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]);
  }
}
