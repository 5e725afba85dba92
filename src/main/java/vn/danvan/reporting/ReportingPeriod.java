package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One period of a reporting regime: the data it covers, when each level of the chain submits, in
 * the chain's order, and when it locks (after that day only the collecting unit can reopen it).
 */
public record ReportingPeriod(
    PeriodCode code,
    ReportingFrequency frequency,
    DataWindow window,
    List<LevelDueDate> dueDates,
    LocalDate lockDate) {

  public ReportingPeriod {
    dueDates = List.copyOf(dueDates);
  }

  /** The due date of {@code level}, if the chain has it. */
  public Optional<LocalDate> dueDate(String level) {
    return dueDates.stream()
        .filter(d -> d.level().equals(level))
        .map(LevelDueDate::dueDate)
        .findFirst();
  }
}
