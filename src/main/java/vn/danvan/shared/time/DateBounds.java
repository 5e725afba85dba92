package vn.danvan.shared.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.danvan.shared.error.ApiException;

/**
 * The calendar the API accepts: 1900-01-01 to 2100-12-31. Nothing this administration records lies
 * outside it, and a date such as year 0 or +999999999 is a typing or tooling error that would
 * otherwise reach date arithmetic or PostgreSQL and fail there. Enforced once for every request:
 * JSON bodies by {@link vn.danvan.shared.http.DateBoundsJson}, query parameters by {@link
 * vn.danvan.shared.http.DateParameterBounds}.
 */
public final class DateBounds {

  public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  public static final LocalDate MAX = LocalDate.of(2100, 12, 31);

  private DateBounds() {}

  public static boolean contains(LocalDate day) {
    return !day.isBefore(MIN) && !day.isAfter(MAX);
  }

  /** An instant is judged by its business date (in Vietnam). */
  public static boolean contains(OffsetDateTime at) {
    try {
      return contains(at.atZoneSameInstant(BusinessTime.ZONE).toLocalDate());
    } catch (DateTimeException e) {
      // at the very ends of the time line, where no date in Vietnam exists
      return false;
    }
  }

  /** 400 VALIDATION_FAILED at {@code pointer} unless the date lies within the bounds. */
  public static void require(LocalDate day, String pointer) {
    if (day != null && !contains(day)) {
      throw outOfRange(pointer);
    }
  }

  public static ApiException outOfRange(String pointer) {
    return ApiException.invalid(pointer, "field.DATE_RANGE", MIN, MAX);
  }
}
