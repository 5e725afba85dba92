package vn.danvan.shared.time;

import vn.danvan.shared.reference.LabeledEnum;

/** Why a day of the business calendar departs from the default rule (Monday to Friday work). */
public enum CalendarDayKind implements LabeledEnum {
  /** A public holiday or a day of the Tết break (Labour Code 2019, Art. 112); never worked. */
  HOLIDAY,
  /** A weekday off in place of a holiday that fell on a weekend (Art. 111(3)); a weekday. */
  COMPENSATORY_DAY_OFF,
  /** A weekday off swapped with a Saturday or Sunday worked instead; a weekday. */
  SWAPPED_DAY_OFF,
  /** A Saturday or Sunday worked in exchange for a swapped day off. */
  SWAPPED_WORKING_DAY;

  /** Whether a day of this kind is worked. */
  public boolean workingDay() {
    return this == SWAPPED_WORKING_DAY;
  }

  /** Whether this kind may fall on {@code weekend} (true) or on a weekday (false) days. */
  public boolean allowedOn(boolean weekend) {
    return switch (this) {
      case HOLIDAY -> true;
      case COMPENSATORY_DAY_OFF, SWAPPED_DAY_OFF -> !weekend;
      case SWAPPED_WORKING_DAY -> weekend;
    };
  }
}
