package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.models.RecognitionLevel;
import vn.danvan.reception.ContentKind;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;

/**
 * The rules of a template's content beyond the field constraints: codes unique and well formed,
 * narrative sections without indicators, aggregations and targets that fit the indicator's type,
 * weights that name a numeric indicator, bounds in order. Every problem is collected with its
 * pointer; the content comes back normalised (texts trimmed, defaults filled in).
 */
@ApplicationScoped
class ReportTemplateValidator {

  /** Codes: upper-case ASCII letters and digits, joined by _ . or -, at most 50 characters. */
  static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,49}");

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Set<String> CONTENT_KINDS =
      new HashSet<>(Arrays.stream(ContentKind.values()).map(Enum::name).toList());
  private static final Set<String> RECOGNITION_LEVELS =
      new HashSet<>(Arrays.stream(RecognitionLevel.values()).map(Enum::name).toList());

  /** The normalised request, or 400 {@code VALIDATION_FAILED} listing every bad field. */
  ReportTemplateRequest validate(ReportTemplateRequest req) {
    List<FieldError> errors = new ArrayList<>();
    String code = req.code().trim();
    if (!CODE.matcher(code).matches()) {
      errors.add(FieldError.of("/code", "field.CODE_FORMAT"));
    }
    // every indicator of the template by code, for the weights
    Map<String, TemplateIndicator> byCode = new HashMap<>();
    for (TemplateSection s : req.sections()) {
      for (TemplateIndicator i :
          s.indicators() == null ? List.<TemplateIndicator>of() : s.indicators()) {
        byCode.putIfAbsent(i.code().trim(), i);
      }
    }
    Set<String> sectionCodes = new HashSet<>();
    Set<String> indicatorCodes = new HashSet<>();
    List<TemplateSection> sections = new ArrayList<>();
    for (int si = 0; si < req.sections().size(); si++) {
      TemplateSection s = req.sections().get(si);
      String at = "/sections/" + si;
      String sectionCode = s.code().trim();
      if (!CODE.matcher(sectionCode).matches()) {
        errors.add(FieldError.of(at + "/code", "field.CODE_FORMAT"));
      } else if (!sectionCodes.add(sectionCode)) {
        errors.add(FieldError.of(at + "/code", "field.DUPLICATE_CODE"));
      }
      boolean narrative = Boolean.TRUE.equals(s.narrative());
      List<TemplateIndicator> given = s.indicators() == null ? List.of() : s.indicators();
      if (narrative && !given.isEmpty()) {
        errors.add(FieldError.of(at + "/indicators", "field.NARRATIVE_NO_INDICATORS"));
      } else if (!narrative && given.isEmpty()) {
        errors.add(FieldError.of(at + "/indicators", "field.INDICATORS_REQUIRED"));
      }
      List<TemplateIndicator> indicators = new ArrayList<>();
      for (int ii = 0; ii < given.size(); ii++) {
        indicators.add(
            indicator(given.get(ii), at + "/indicators/" + ii, indicatorCodes, byCode, errors));
      }
      sections.add(
          new TemplateSection(
              sectionCode,
              s.titleVi().trim(),
              blankToNull(s.titleEn()),
              blankToNull(s.guidance()),
              narrative,
              List.copyOf(indicators)));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    return new ReportTemplateRequest(
        code,
        req.name().trim(),
        blankToNull(req.nameEn()),
        req.ownerUnitId(),
        blankToNull(req.description()),
        List.copyOf(sections));
  }

  private static TemplateIndicator indicator(
      TemplateIndicator i,
      String at,
      Set<String> codes,
      Map<String, TemplateIndicator> byCode,
      List<FieldError> errors) {
    String code = i.code().trim();
    if (!CODE.matcher(code).matches()) {
      errors.add(FieldError.of(at + "/code", "field.CODE_FORMAT"));
    } else if (!codes.add(code)) {
      errors.add(FieldError.of(at + "/code", "field.DUPLICATE_CODE"));
    }
    IndicatorType type = i.type();
    IndicatorAggregation aggregation = i.aggregation();
    boolean aggregationFits =
        switch (type) {
          case TEXT -> aggregation == IndicatorAggregation.NONE;
          case BOOLEAN ->
              aggregation == IndicatorAggregation.COUNT_TRUE
                  || aggregation == IndicatorAggregation.NONE;
          default -> aggregation != IndicatorAggregation.COUNT_TRUE;
        };
    if (!aggregationFits) {
      errors.add(FieldError.of(at + "/aggregation", "field.AGGREGATION_TYPE", type.name()));
    }
    String weight = blankToNull(i.weightCode());
    if (aggregation == IndicatorAggregation.WEIGHTED_AVG) {
      TemplateIndicator w = weight == null ? null : byCode.get(weight);
      if (weight == null) {
        errors.add(FieldError.of(at + "/weightCode", "field.WEIGHT_REQUIRED"));
      } else if (weight.equals(code)) {
        errors.add(FieldError.of(at + "/weightCode", "field.WEIGHT_SELF"));
      } else if (w == null) {
        errors.add(FieldError.of(at + "/weightCode", "field.WEIGHT_UNKNOWN"));
      } else if (!w.type().numeric()) {
        errors.add(FieldError.of(at + "/weightCode", "field.WEIGHT_NOT_NUMERIC"));
      }
    } else if (weight != null) {
      errors.add(FieldError.of(at + "/weightCode", "field.WEIGHT_ONLY_WEIGHTED"));
    }
    bounds(i, at, errors);
    target(i, at, errors);
    IndicatorSourceSpec source = source(i, at, errors);
    return new TemplateIndicator(
        code,
        i.labelVi().trim(),
        blankToNull(i.labelEn()),
        blankToNull(i.measurementUnit()),
        type,
        aggregation,
        weight,
        Boolean.TRUE.equals(i.required()),
        i.min(),
        i.max(),
        i.target(),
        source);
  }

  private static void bounds(TemplateIndicator i, String at, List<FieldError> errors) {
    if (i.min() == null && i.max() == null) {
      return;
    }
    if (!i.type().numeric()) {
      errors.add(
          FieldError.of(at + (i.min() != null ? "/min" : "/max"), "field.BOUNDS_NUMERIC_ONLY"));
      return;
    }
    checkValue(i.type(), i.min(), at + "/min", errors);
    checkValue(i.type(), i.max(), at + "/max", errors);
    if (i.min() != null && i.max() != null && i.min().compareTo(i.max()) > 0) {
      errors.add(FieldError.of(at + "/max", "field.MAX_BELOW_MIN"));
    }
  }

  private static void target(TemplateIndicator i, String at, List<FieldError> errors) {
    IndicatorTarget t = i.target();
    if (t == null) {
      return;
    }
    switch (i.type()) {
      case TEXT -> errors.add(FieldError.of(at + "/target", "field.TARGET_NOT_ALLOWED"));
      case BOOLEAN -> {
        if (t.operator() != TargetOperator.EQ) {
          errors.add(FieldError.of(at + "/target/operator", "field.TARGET_OPERATOR_TYPE"));
        }
        if (t.value().compareTo(BigDecimal.ZERO) != 0 && t.value().compareTo(BigDecimal.ONE) != 0) {
          errors.add(FieldError.of(at + "/target/value", "field.BOOLEAN_TARGET_VALUE"));
        }
      }
      default -> {
        int before = errors.size();
        checkValue(i.type(), t.value(), at + "/target/value", errors);
        if (errors.size() == before
            && ((i.min() != null && t.value().compareTo(i.min()) < 0)
                || (i.max() != null && t.value().compareTo(i.max()) > 0))) {
          errors.add(FieldError.of(at + "/target/value", "field.TARGET_OUT_OF_BOUNDS"));
        }
      }
    }
  }

  private static IndicatorSourceSpec source(
      TemplateIndicator i, String at, List<FieldError> errors) {
    IndicatorSourceSpec s = i.source();
    if (s == null) {
      return null;
    }
    String param = blankToNull(s.param());
    if (s.kind().takesParam()) {
      if (param == null) {
        errors.add(FieldError.of(at + "/source/param", "field.REQUIRED"));
      } else if (!CONTENT_KINDS.contains(param)) {
        errors.add(FieldError.of(at + "/source/param", "field.UNKNOWN_CODE"));
      }
    } else if (s.kind().takesOptionalParam()) {
      if (param != null && !RECOGNITION_LEVELS.contains(param)) {
        errors.add(FieldError.of(at + "/source/param", "field.UNKNOWN_CODE"));
      }
    } else if (param != null) {
      errors.add(FieldError.of(at + "/source/param", "field.SOURCE_PARAM_NOT_ALLOWED"));
    }
    if (s.kind().counts() && i.type() != IndicatorType.INTEGER) {
      errors.add(FieldError.of(at + "/source/kind", "field.SOURCE_COUNTS"));
    }
    if (s.kind() == IndicatorSource.CONSOLIDATED && i.aggregation() == IndicatorAggregation.NONE) {
      errors.add(FieldError.of(at + "/source/kind", "field.SOURCE_NOT_AGGREGATED"));
    }
    return new IndicatorSourceSpec(s.kind(), param);
  }

  /** A value of a numeric indicator: a whole number for INTEGER, 0–100 for PERCENT. */
  private static void checkValue(
      IndicatorType type, BigDecimal value, String at, List<FieldError> errors) {
    if (value == null) {
      return;
    }
    if (type == IndicatorType.INTEGER && value.stripTrailingZeros().scale() > 0) {
      errors.add(FieldError.of(at, "field.WHOLE_NUMBER"));
    } else if (type == IndicatorType.PERCENT
        && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
      errors.add(FieldError.of(at, "field.PERCENT_RANGE"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
