package vn.danvan.shared.time;

import java.time.LocalDate;

/** One listed day of the business calendar, as stored. */
public record CalendarDay(
    LocalDate date,
    CalendarDayKind kind,
    String nameVi,
    String nameEn,
    String legalBasis,
    long version) {

  public boolean workingDay() {
    return kind.workingDay();
  }
}
