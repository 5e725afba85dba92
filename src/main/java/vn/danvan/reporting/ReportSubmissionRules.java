package vn.danvan.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.danvan.shared.error.ApiException.FieldError;

/**
 * The rules of a report's content over its template version. Pure: no database, no clock.
 *
 * <ul>
 *   <li>at every edit, each value has its indicator's type ({@link #typeErrors}) and each text a
 *       narrative section ({@link #narrativeErrors});
 *   <li>at SUBMIT, also required values and bounds ({@link #submitErrors}); a target not met is a
 *       warning ({@link #warnings}), never an error.
 * </ul>
 *
 * Pointers are {@code /values/<code>} and {@code /narratives/<code>} (RFC 6901 escaped).
 */
final class ReportSubmissionRules {

  /** At most this many codes in one edit (a template has at most a few hundred indicators). */
  static final int MAX_VALUES = 1000;

  /** The longest text value of a TEXT indicator. */
  static final int MAX_TEXT = 4000;

  /** The longest narrative text of one section. */
  static final int MAX_NARRATIVE = 50_000;

  private static final BigDecimal PERCENT_MAX = BigDecimal.valueOf(100);
  private static final BigDecimal LIMIT = new BigDecimal("1E15");
  private static final int MAX_SCALE = 4;

  private final Map<String, TemplateIndicator> indicators = new LinkedHashMap<>();
  private final Set<String> narrativeSections = new LinkedHashSet<>();

  ReportSubmissionRules(List<TemplateSection> sections) {
    for (TemplateSection s : sections) {
      if (Boolean.TRUE.equals(s.narrative())) {
        narrativeSections.add(s.code());
      }
      if (s.indicators() != null) {
        s.indicators().forEach(i -> indicators.put(i.code(), i));
      }
    }
  }

  /** The indicators in template order. */
  List<TemplateIndicator> indicators() {
    return List.copyOf(indicators.values());
  }

  /** The codes of the narrative sections in template order. */
  Set<String> narrativeSections() {
    return Collections.unmodifiableSet(narrativeSections);
  }

  static String pointer(String root, String code) {
    return "/" + root + "/" + code.replace("~", "~0").replace("/", "~1");
  }

  /** Unknown codes and values not of their indicator's type. */
  List<FieldError> typeErrors(Map<String, JsonNode> values) {
    List<FieldError> errors = new ArrayList<>();
    values.forEach(
        (code, value) -> {
          TemplateIndicator i = indicators.get(code);
          if (i == null) {
            errors.add(FieldError.of(pointer("values", code), "field.UNKNOWN_INDICATOR"));
          } else {
            String key = typeError(i.type(), value);
            if (key != null) {
              errors.add(FieldError.of(pointer("values", code), key, i.type().name()));
            }
          }
        });
    return errors;
  }

  /** Codes that are not narrative sections of the template, and texts too long. */
  List<FieldError> narrativeErrors(Map<String, String> narratives) {
    List<FieldError> errors = new ArrayList<>();
    narratives.forEach(
        (code, text) -> {
          if (!narrativeSections.contains(code)) {
            errors.add(
                FieldError.of(pointer("narratives", code), "field.UNKNOWN_NARRATIVE_SECTION"));
          } else if (text != null && text.length() > MAX_NARRATIVE) {
            errors.add(FieldError.of(pointer("narratives", code), "field.TOO_LONG", MAX_NARRATIVE));
          }
        });
    return errors;
  }

  /**
   * The message key when {@code value} is not of {@code type} (null when it is, or when it is no
   * value): numbers of at most 15 integer and 4 fraction digits, whole for INTEGER; text of at most
   * {@value #MAX_TEXT} characters; true or false.
   */
  static String typeError(IndicatorType type, JsonNode value) {
    if (!SubmissionValue.present(value)) {
      return null;
    }
    return switch (type) {
      case INTEGER, DECIMAL, PERCENT -> {
        BigDecimal n = number(value);
        if (n == null) {
          yield "field.REPORT_VALUE_TYPE";
        }
        if (n.abs().compareTo(LIMIT) >= 0
            || Math.max(n.stripTrailingZeros().scale(), 0) > MAX_SCALE) {
          yield "field.REPORT_NUMBER_DIGITS";
        }
        yield type == IndicatorType.INTEGER && n.stripTrailingZeros().scale() > 0
            ? "field.WHOLE_NUMBER"
            : null;
      }
      case TEXT -> {
        if (!value.isTextual()) {
          yield "field.REPORT_VALUE_TYPE";
        }
        yield value.asText().length() > MAX_TEXT ? "field.REPORT_TEXT_TOO_LONG" : null;
      }
      case BOOLEAN -> value.isBoolean() ? null : "field.REPORT_VALUE_TYPE";
    };
  }

  /** The number of a numeric node, null when not a finite number. */
  static BigDecimal number(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return null;
    }
    if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
      double d = value.doubleValue();
      if (!Double.isFinite(d)) {
        return null;
      }
    }
    try {
      return value.decimalValue();
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * What keeps the report from being submitted: values not of their type, required values missing,
   * numbers out of the indicator's bounds (percentages also out of 0–100).
   */
  List<FieldError> submitErrors(Map<String, SubmissionValue> values) {
    List<FieldError> errors = new ArrayList<>();
    for (TemplateIndicator i : indicators.values()) {
      SubmissionValue v = values.get(i.code());
      JsonNode value = v == null ? null : v.entered();
      String pointer = pointer("values", i.code());
      if (value == null) {
        if (Boolean.TRUE.equals(i.required())) {
          errors.add(FieldError.of(pointer, "field.REQUIRED"));
        }
        continue;
      }
      String type = typeError(i.type(), value);
      if (type != null) {
        errors.add(FieldError.of(pointer, type, i.type().name()));
        continue;
      }
      if (!i.type().numeric()) {
        continue;
      }
      BigDecimal n = number(value);
      if (i.min() != null && n.compareTo(i.min()) < 0) {
        errors.add(FieldError.of(pointer, "field.REPORT_BELOW_MIN", i.min().toPlainString()));
      } else if (i.max() != null && n.compareTo(i.max()) > 0) {
        errors.add(FieldError.of(pointer, "field.REPORT_ABOVE_MAX", i.max().toPlainString()));
      } else if (i.type() == IndicatorType.PERCENT
          && (n.signum() < 0 || n.compareTo(PERCENT_MAX) > 0)) {
        errors.add(FieldError.of(pointer, "field.PERCENT_RANGE"));
      }
    }
    return errors;
  }

  /** The targets not met by the values given (a missing value meets no target but warns not). */
  List<SubmissionWarning> warnings(Map<String, SubmissionValue> values) {
    List<SubmissionWarning> warnings = new ArrayList<>();
    for (TemplateIndicator i : indicators.values()) {
      IndicatorTarget target = i.target();
      SubmissionValue v = values.get(i.code());
      if (target == null || v == null || v.entered() == null) {
        continue;
      }
      BigDecimal n =
          i.type() == IndicatorType.BOOLEAN
              ? (v.entered().isBoolean()
                  ? (v.entered().booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO)
                  : null)
              : number(v.entered());
      if (n != null && !met(target, n)) {
        warnings.add(
            new SubmissionWarning(
                pointer("values", i.code()),
                i.code(),
                "TARGET_NOT_MET",
                target.operator(),
                target.value(),
                n));
      }
    }
    return warnings;
  }

  static boolean met(IndicatorTarget target, BigDecimal value) {
    int c = value.compareTo(target.value());
    return switch (target.operator()) {
      case GTE -> c >= 0;
      case GT -> c > 0;
      case LTE -> c <= 0;
      case LT -> c < 0;
      case EQ -> c == 0;
    };
  }
}
