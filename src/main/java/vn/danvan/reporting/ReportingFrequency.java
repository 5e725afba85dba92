package vn.danvan.reporting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.danvan.shared.reference.LabeledEnum;

/**
 * How often a reporting regime asks for a report; each frequency has its own form of period code
 * (see {@link PeriodCode}).
 */
@Schema(
    description =
        "Tần suất báo cáo và dạng mã kỳ: MONTHLY (2026M05), QUARTERLY (2026Q2), SEMI_ANNUAL (2026S1, 2026S2),"
            + " NINE_MONTH (2026N9), ANNUAL (2026), AD_HOC (2026A01, đột xuất).",
    examples = "SEMI_ANNUAL")
public enum ReportingFrequency implements LabeledEnum {
  /** One period a month: {@code 2026M05}. */
  MONTHLY,
  /** One period a quarter: {@code 2026Q2}. */
  QUARTERLY,
  /** Two periods a year, January–June and July–December: {@code 2026S1}, {@code 2026S2}. */
  SEMI_ANNUAL,
  /** January to September: {@code 2026N9}. */
  NINE_MONTH,
  /** The calendar year: {@code 2026}. */
  ANNUAL,
  /** Numbered one-off reports of a year, whose data window is given: {@code 2026A01}. */
  AD_HOC;

  /** The letter of this frequency's codes after the year; empty for {@link #ANNUAL}. */
  String letter() {
    return switch (this) {
      case MONTHLY -> "M";
      case QUARTERLY -> "Q";
      case SEMI_ANNUAL -> "S";
      case NINE_MONTH -> "N";
      case ANNUAL -> "";
      case AD_HOC -> "A";
    };
  }

  /** The smallest period number of a year (0 for {@link #ANNUAL}, 9 for {@link #NINE_MONTH}). */
  int firstIndex() {
    return switch (this) {
      case ANNUAL -> 0;
      case NINE_MONTH -> 9;
      default -> 1;
    };
  }

  /** The largest period number of a year. */
  int lastIndex() {
    return switch (this) {
      case MONTHLY -> 12;
      case QUARTERLY -> 4;
      case SEMI_ANNUAL -> 2;
      case NINE_MONTH -> 9;
      case ANNUAL -> 0;
      case AD_HOC -> 99;
    };
  }

  /** Whether the periods have fixed calendar months (all but {@link #AD_HOC}). */
  public boolean regular() {
    return this != AD_HOC;
  }
}
