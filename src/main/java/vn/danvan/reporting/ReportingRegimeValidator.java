package vn.danvan.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.danvan.orgunit.OrgUnitKind;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.time.WorkingDays;

/**
 * The rules of a regime's body beyond the field constraints: the code, a regular frequency, period
 * codes of that frequency in order, each date rule complete for its kind, the reporting units
 * consistent with their targets, and the dates of the periods ({@link PeriodSchedule#errors}: each
 * due date at least one working day after the cut-off, levels in order, the lock after the last due
 * date). Every problem is collected with its pointer (400 {@code VALIDATION_FAILED}). Units,
 * template and source document are checked by the service (they need the caller's scope).
 */
@ApplicationScoped
class ReportingRegimeValidator {

  /** An open-ended regime's dates are checked through the end of the year after this many. */
  static final int YEARS_AHEAD = 1;

  /** A body that passed: values normalised, rules built. */
  record ValidRegime(
      String code,
      String name,
      UUID templateId,
      int templateNumber,
      ReportingFrequency frequency,
      PeriodCode first,
      PeriodCode last,
      UUID sourceDirectiveId,
      CutOffRule cutOff,
      List<LevelRule> dueDates,
      DueDateRule lock,
      UUID collectingUnitId,
      ReportingUnitTargets targets,
      OrgUnitKind kind,
      UUID ofUnitId,
      List<UUID> unitIds) {}

  /**
   * The normalised body, or 400 listing every bad field.
   *
   * @param calendar the business calendar the dates are reckoned on
   * @param today the business day: an open-ended regime is checked through the end of the year
   *     after the later of its first period's year and today's
   */
  ValidRegime validate(ReportingRegimeRequest req, WorkingDays calendar, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    String code = req.code().trim();
    if (!ReportTemplateValidator.CODE.matcher(code).matches()) {
      errors.add(FieldError.of("/code", "field.CODE_FORMAT"));
    }
    ReportingFrequency frequency = req.frequency();
    PeriodCode first = null;
    PeriodCode last = null;
    int spanErrors = errors.size();
    if (!frequency.regular()) {
      errors.add(FieldError.of("/frequency", "field.REGIME_FREQUENCY"));
    } else {
      first = period(req.firstPeriod(), frequency, "/firstPeriod", errors);
      last =
          req.lastPeriod() == null || req.lastPeriod().isBlank()
              ? null
              : period(req.lastPeriod(), frequency, "/lastPeriod", errors);
      if (first != null && last != null && last.compareTo(first) < 0) {
        errors.add(FieldError.of("/lastPeriod", "field.RANGE_REVERSED"));
      }
    }
    boolean spanValid = first != null && errors.size() == spanErrors;
    CutOffRule cutOff = cutOff(req.cutOff(), errors);
    List<LevelRule> levels = new ArrayList<>();
    for (int i = 0; i < req.dueDates().size(); i++) {
      RegimeLevelRule level = req.dueDates().get(i);
      DueDateRule rule = rule(level.rule(), "/dueDates/" + i, errors);
      levels.add(new LevelRule(level.level().trim(), rule));
    }
    DueDateRule lock = rule(req.lock(), "/lock", errors);
    List<UUID> unitIds = units(req.reportingUnits(), errors);

    boolean rulesComplete =
        cutOff != null && lock != null && levels.stream().allMatch(l -> l.rule() != null);
    if (rulesComplete && frequency.regular()) {
      // the values on their own always; the dates of the periods when the span is sound
      PeriodSchedule schedule = new PeriodSchedule(frequency, cutOff, levels, lock, calendar);
      List<PeriodCode> checked =
          spanValid ? checkedPeriods(first, last, today.getYear()) : List.of();
      errors.addAll(schedule.errors(checked));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
    ReportingUnitsSpec units = req.reportingUnits();
    return new ValidRegime(
        code,
        req.name().trim(),
        req.templateId(),
        req.templateVersion(),
        frequency,
        first,
        last,
        req.sourceDirectiveId(),
        cutOff,
        List.copyOf(levels),
        lock,
        req.collectingUnitId(),
        units.targets(),
        units.kind(),
        units.ofUnitId(),
        unitIds);
  }

  /**
   * The periods whose dates are checked: the regime's span, or from its first period to the end of
   * the year after the later of that period's year and {@code thisYear} when open-ended.
   */
  static List<PeriodCode> checkedPeriods(PeriodCode first, PeriodCode last, int thisYear) {
    PeriodCode to = last;
    if (to == null) {
      int year = Math.min(PeriodCode.MAX_YEAR, Math.max(first.year(), thisYear) + YEARS_AHEAD);
      to =
          first.frequency() == ReportingFrequency.NINE_MONTH
              ? PeriodCode.nineMonths(year)
              : PeriodCode.containing(first.frequency(), LocalDate.of(year, 12, 31));
    }
    return PeriodCode.between(first, to);
  }

  private static PeriodCode period(
      String text, ReportingFrequency frequency, String pointer, List<FieldError> errors) {
    var code = PeriodCode.tryParse(text.trim());
    if (code.isEmpty()) {
      errors.add(
          FieldError.of(
              pointer,
              "field.PERIOD_CODE",
              String.valueOf(PeriodCode.MIN_YEAR),
              String.valueOf(PeriodCode.MAX_YEAR)));
      return null;
    }
    if (code.get().frequency() != frequency) {
      errors.add(FieldError.of(pointer, "field.PERIOD_FREQUENCY", frequency.name()));
      return null;
    }
    return code.get();
  }

  private static CutOffRule cutOff(RegimeCutOff c, List<FieldError> errors) {
    if (c == null) {
      return CutOffRule.DECREE_09;
    }
    int before = errors.size();
    required(c.startMonths(), "/cutOff/startMonths", errors);
    required(c.startDay(), "/cutOff/startDay", errors);
    required(c.endMonths(), "/cutOff/endMonths", errors);
    required(c.endDay(), "/cutOff/endDay", errors);
    if (errors.size() > before) {
      return null;
    }
    return new CutOffRule(c.startMonths(), c.startDay(), c.endMonths(), c.endDay());
  }

  /** The rule, when the fields of its kind are given and the others absent; null otherwise. */
  private static DueDateRule rule(RegimeDateRule r, String at, List<FieldError> errors) {
    int before = errors.size();
    switch (r.kind()) {
      case DAY_OF_MONTH -> {
        required(r.day(), at + "/day", errors);
        unused(r.workingDays(), at + "/workingDays", r.kind(), errors);
      }
      case WORKING_DAYS_AFTER -> {
        required(r.workingDays(), at + "/workingDays", errors);
        unused(r.monthsAfter(), at + "/monthsAfter", r.kind(), errors);
        unused(r.day(), at + "/day", r.kind(), errors);
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return switch (r.kind()) {
      case DAY_OF_MONTH ->
          new DueDateRule.DayOfMonth(r.monthsAfter() == null ? 0 : r.monthsAfter(), r.day());
      case WORKING_DAYS_AFTER -> new DueDateRule.WorkingDaysAfter(r.workingDays());
    };
  }

  private static List<UUID> units(ReportingUnitsSpec spec, List<FieldError> errors) {
    List<UUID> ids = spec.unitIds() == null ? List.of() : spec.unitIds();
    if (spec.targets() == ReportingUnitTargets.UNITS) {
      if (spec.kind() != null) {
        errors.add(FieldError.of("/reportingUnits/kind", "field.ONLY_WITH_KIND_TARGETS"));
      }
      if (spec.ofUnitId() != null) {
        errors.add(FieldError.of("/reportingUnits/ofUnitId", "field.ONLY_WITH_KIND_TARGETS"));
      }
      if (ids.isEmpty()) {
        errors.add(FieldError.of("/reportingUnits/unitIds", "field.REQUIRED"));
      }
    } else if (spec.kind() == null) {
      errors.add(FieldError.of("/reportingUnits/kind", "field.REQUIRED"));
    }
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        errors.add(FieldError.of("/reportingUnits/unitIds/" + i, "field.DUPLICATE_UNIT"));
      }
    }
    return List.copyOf(ids);
  }

  private static void required(Integer value, String pointer, List<FieldError> errors) {
    if (value == null) {
      errors.add(FieldError.of(pointer, "field.REQUIRED"));
    }
  }

  private static void unused(
      Integer value, String pointer, DueDateKind kind, List<FieldError> errors) {
    if (value != null) {
      errors.add(FieldError.of(pointer, "field.RULE_FIELD_UNUSED", kind.name()));
    }
  }
}
