package vn.danvan.reporting;

import java.time.LocalDate;

/**
 * The days whose data a period's report covers ("thời gian chốt số liệu"), both included.
 *
 * @param from the first day
 * @param to the last day, the cut-off
 */
public record DataWindow(LocalDate from, LocalDate to) {

  public DataWindow {
    if (from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("Not a window: " + from + " to " + to);
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
