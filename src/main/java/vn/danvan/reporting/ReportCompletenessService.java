package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitService;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.persistence.OrgUnitMode;
import vn.danvan.shared.security.UnitScope;
import vn.danvan.shared.time.BusinessTime;

/**
 * Completeness and timeliness of a period's reports (issue 11 §7): for each expected unit (the
 * period's resolution, across restructurings) its submission's state and the four official states,
 * and the totals; one query over the period's submissions.
 */
@ApplicationScoped
public class ReportCompletenessService {

  @Inject ReportConsolidationRepository repo;
  @Inject ReportingRegimeRepository regimes;
  @Inject ReportingPeriodService periods;
  @Inject OrgUnitService units;
  @Inject UnitScope scope;
  @Inject Clock clock;

  /**
   * The completeness of {@code period} of a regime whose collecting unit the caller's scope holds;
   * {@code orgUnitId} and {@code mode} (SELECTED when absent) keep the expected units on the tree
   * of the period's first day.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ReportCompletenessResponse completeness(
      UUID regimeId, String period, UUID orgUnitId, OrgUnitMode mode) {
    if (regimeId == null) {
      throw ApiException.invalid("/query/regimeId", "field.REQUIRED");
    }
    if (period == null || period.isBlank()) {
      throw ApiException.invalid("/query/period", "field.REQUIRED");
    }
    if (orgUnitId == null && mode != null) {
      throw ApiException.invalid("/query/orgUnitId", "field.REQUIRED");
    }
    ReportingRegime regime = regimes.find(regimeId);
    if (regime == null || !scope.contains(regime.collectingUnitId)) {
      throw new ApiException(
          422,
          "UNKNOWN_REPORTING_REGIME",
          List.of(FieldError.of("/query/regimeId", "field.UNKNOWN_REPORTING_REGIME")));
    }
    if (orgUnitId != null && (!units.exists(orgUnitId) || !scope.contains(orgUnitId))) {
      throw ApiException.unknownUnit("/query/orgUnitId");
    }
    ReportingPeriodResponse p = periods.period(regime, period, "/query/period");
    LocalDate day = p.startDate();
    List<ReportingPeriodResponse.ExpectedUnit> expected = p.expectedUnits();
    if (orgUnitId != null) {
      expected = filter(expected, orgUnitId, mode == null ? OrgUnitMode.SELECTED : mode, day);
    }
    Map<UUID, SubmissionState> states = new HashMap<>();
    for (SubmissionState s : repo.states(regime.id, p.code())) {
      states.put(s.unitId(), s);
    }
    LocalDate today = BusinessTime.today(clock);
    LocalDate firstDue = p.dueDates().isEmpty() ? p.endDate() : p.dueDates().get(0).dueDate();
    int submitted = 0;
    int onTime = 0;
    int late = 0;
    int returned = 0;
    int accepted = 0;
    int[] byState = new int[ReportState.values().length];
    List<ReportCompletenessResponse.UnitCompleteness> rows = new ArrayList<>(expected.size());
    for (ReportingPeriodResponse.ExpectedUnit e : expected) {
      SubmissionState s = states.get(e.unitId());
      LocalDate due = s != null && s.dueDate() != null ? s.dueDate() : firstDue;
      boolean sent = s != null && s.versionCount() > 0;
      boolean isLate = sent && Boolean.TRUE.equals(s.late());
      ReportState state;
      if (s != null && s.sent()) {
        state = isLate ? ReportState.DONE_LATE : ReportState.DONE_ON_TIME;
      } else {
        state = today.isAfter(due) ? ReportState.OVERDUE : ReportState.IN_PROGRESS_IN_TERM;
      }
      byState[state.ordinal()]++;
      submitted += sent ? 1 : 0;
      onTime += sent && !isLate ? 1 : 0;
      late += isLate ? 1 : 0;
      returned += s != null && "RETURNED".equals(s.status()) ? 1 : 0;
      accepted += s != null && "ACCEPTED".equals(s.status()) ? 1 : 0;
      rows.add(
          new ReportCompletenessResponse.UnitCompleteness(
              e.unitId(),
              e.name(),
              e.transferredFromUnitId(),
              s == null ? null : s.submissionId(),
              s == null ? null : s.status(),
              s == null ? 0 : s.versionCount(),
              sent,
              sent ? isLate : null,
              s == null ? null : s.firstSubmittedAt(),
              due,
              state));
    }
    ReportCompletenessResponse.Counts totals =
        new ReportCompletenessResponse.Counts(
            rows.size(),
            submitted,
            onTime,
            late,
            rows.size() - submitted,
            returned,
            accepted,
            byState[ReportState.DONE_ON_TIME.ordinal()],
            byState[ReportState.DONE_LATE.ordinal()],
            byState[ReportState.IN_PROGRESS_IN_TERM.ordinal()],
            byState[ReportState.OVERDUE.ordinal()]);
    return new ReportCompletenessResponse(
        regime.id, p.code(), regime.collectingUnitId, today, totals, List.copyOf(rows));
  }

  /** The expected units that {@code unit} and {@code mode} select on the tree of {@code day}. */
  private List<ReportingPeriodResponse.ExpectedUnit> filter(
      List<ReportingPeriodResponse.ExpectedUnit> expected,
      UUID unit,
      OrgUnitMode mode,
      LocalDate day) {
    if (mode == OrgUnitMode.SELECTED) {
      return expected.stream().filter(e -> e.unitId().equals(unit)).toList();
    }
    Map<UUID, List<UUID>> paths =
        units.pathsOn(
            expected.stream().map(ReportingPeriodResponse.ExpectedUnit::unitId).toList(), day);
    return expected.stream()
        .filter(
            e -> {
              List<UUID> path = paths.getOrDefault(e.unitId(), List.of());
              return switch (mode) {
                case SELECTED -> e.unitId().equals(unit);
                case CHILDREN ->
                    e.unitId().equals(unit)
                        || (path.size() >= 2 && path.get(path.size() - 2).equals(unit));
                case DESCENDANTS -> path.contains(unit);
              };
            })
        .toList();
  }
}
