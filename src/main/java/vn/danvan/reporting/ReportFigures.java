package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.danvan.reporting.export.FigureValue;
import vn.danvan.shared.time.BusinessTime;

/** Values and dates of reports as the exported documents print them. */
final class ReportFigures {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ReportFigures() {}

  /** A stored value (number, text, true/false or null) as a figure. */
  static FigureValue value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return FigureValue.NONE;
    }
    if (v.isNumber()) {
      return FigureValue.of(v.decimalValue());
    }
    if (v.isBoolean()) {
      return FigureValue.of(v.booleanValue());
    }
    return FigureValue.of(v.isTextual() ? v.textValue() : v.toString());
  }

  /**
   * The target as printed beside the figure: "≥ 85 %" (a percentage without a unit takes "%"), "≤ 2
   * vụ việc"; for a yes/no indicator "Có" or "Không"; null without a target.
   */
  static String target(TemplateIndicator i) {
    IndicatorTarget t = i.target();
    if (t == null || t.operator() == null || t.value() == null) {
      return null;
    }
    if (i.type() == IndicatorType.BOOLEAN) {
      return t.value().signum() == 0 ? "Không" : "Có";
    }
    String op =
        switch (t.operator()) {
          case GTE -> "≥";
          case GT -> ">";
          case LTE -> "≤";
          case LT -> "<";
          case EQ -> "=";
        };
    String unit = i.measurementUnit() == null ? "" : i.measurementUnit().strip();
    if (unit.isEmpty() && i.type() == IndicatorType.PERCENT) {
      unit = "%";
    }
    return op + " " + FigureValue.of(t.value()).display() + (unit.isEmpty() ? "" : " " + unit);
  }

  /** The business day (Asia/Ho_Chi_Minh) of an instant; null stays null. */
  static LocalDate day(Instant at) {
    return at == null ? null : at.atZone(BusinessTime.ZONE).toLocalDate();
  }

  /** dd/MM/yyyy, or "" for null. */
  static String format(LocalDate day) {
    return day == null ? "" : DAY.format(day);
  }
}
