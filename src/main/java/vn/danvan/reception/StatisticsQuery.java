package vn.danvan.reception;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.danvan.shared.persistence.OrgUnitMode;

/**
 * What reception statistics count: the records of {@code unit} under {@code mode} (none: every
 * unit), or, when {@code province}, of the whole province {@code unit} (a province is always the
 * second element of a stored path), received in [{@code from}, {@code to}], grouped by {@code
 * groupBy}; a case is overdue when a due date lies before {@code today}.
 *
 * <p>A report's figures (issue 11 §5) name their {@code units} instead (the records of exactly
 * those units, {@code unit} and {@code mode} unused) and count the cases' states as they stood on
 * {@code today}, the report's day, from the cases' dates ({@code asOf}); the statistics count the
 * states of now. On today both are the same count.
 */
record StatisticsQuery(
    UUID unit,
    OrgUnitMode mode,
    boolean province,
    LocalDate from,
    LocalDate to,
    ReceptionStatisticsGroupBy groupBy,
    LocalDate today,
    List<UUID> units,
    boolean asOf) {

  StatisticsQuery(
      UUID unit,
      OrgUnitMode mode,
      boolean province,
      LocalDate from,
      LocalDate to,
      ReceptionStatisticsGroupBy groupBy,
      LocalDate today) {
    this(unit, mode, province, from, to, groupBy, today, null, false);
  }

  /** The figures of a report: the records of {@code units}, states as of {@code day}. */
  static StatisticsQuery figures(List<UUID> units, LocalDate from, LocalDate to, LocalDate day) {
    return new StatisticsQuery(
        null, null, false, from, to, ReceptionStatisticsGroupBy.CONTENT_KIND, day, units, true);
  }
}
