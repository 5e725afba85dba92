package vn.danvan.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.shared.error.ApiException;
import vn.danvan.shared.error.ApiException.FieldError;
import vn.danvan.shared.time.WorkingDays;

/**
 * The dates of a reporting regime's periods: the data window ({@link CutOffRule}), the due date of
 * each level of the chain in order, and the lock date, over a snapshot of the business calendar.
 * Pure: no database, no clock.
 *
 * <p>{@link #errors} checks the rules; its pointers name the fields of a regime's JSON body: {@code
 * /cutOff/startMonths|startDay|endMonths|endDay}, {@code /dueDates/{i}/level|monthsAfter|day|
 * workingDays} and {@code /lock/monthsAfter|day|workingDays}.
 *
 * @param cutOff the window of regular periods; unused for {@link ReportingFrequency#AD_HOC}
 * @param dueDates the levels of the chain, the first to submit first
 * @param lock the lock date, reckoned like a due date
 */
public record PeriodSchedule(
    ReportingFrequency frequency,
    CutOffRule cutOff,
    List<LevelRule> dueDates,
    DueDateRule lock,
    WorkingDays calendar) {

  static final int MAX_LEVELS = 10;
  private static final Pattern LEVEL = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  public PeriodSchedule {
    if (frequency == null || cutOff == null || lock == null || calendar == null) {
      throw new IllegalArgumentException("frequency, cutOff, lock and calendar are required");
    }
    dueDates = List.copyOf(dueDates);
  }

  /** These rules for another frequency. */
  public PeriodSchedule withFrequency(ReportingFrequency other) {
    return new PeriodSchedule(other, cutOff, dueDates, lock, calendar);
  }

  /** This schedule over another calendar (e.g. after a change to the business calendar). */
  public PeriodSchedule withCalendar(WorkingDays other) {
    return new PeriodSchedule(frequency, cutOff, dueDates, lock, other);
  }

  /** The period {@code code} of a regular frequency, its window reckoned by {@link #cutOff}. */
  public ReportingPeriod period(PeriodCode code) {
    requireFrequency(code);
    return period(code, cutOff.window(code));
  }

  /** The period {@code code} with the given window (an ad-hoc period's, or an explicit one). */
  public ReportingPeriod period(PeriodCode code, DataWindow window) {
    requireFrequency(code);
    List<LevelDueDate> dates = new ArrayList<>();
    for (LevelRule level : dueDates) {
      dates.add(new LevelDueDate(level.level(), level.rule().dueDate(window.to(), calendar)));
    }
    return new ReportingPeriod(code, frequency, window, dates, lock.dueDate(window.to(), calendar));
  }

  /** The periods {@code from} to {@code to}, both included, of a regular frequency. */
  public List<ReportingPeriod> periods(PeriodCode from, PeriodCode to) {
    requireFrequency(from);
    return PeriodCode.between(from, to).stream().map(this::period).toList();
  }

  private void requireFrequency(PeriodCode code) {
    if (code.frequency() != frequency) {
      throw new IllegalArgumentException("Not a " + frequency + " period: " + code);
    }
  }

  /**
   * Throws 400 {@code VALIDATION_FAILED} with every error of {@link #errors}, if any.
   *
   * @param periods the regular periods to check the dates of (e.g. those generated ahead)
   */
  public void validate(Collection<PeriodCode> periods) {
    List<FieldError> errors = errors(periods);
    if (!errors.isEmpty()) {
      throw new ApiException(400, "VALIDATION_FAILED", errors);
    }
  }

  /**
   * What is wrong with the rules: first each value on its own (ranges, level codes); when they are
   * sound, the dates of {@code periods} (ad-hoc codes are skipped: their windows are given), each
   * pointer reported once, for the first period that breaks it:
   *
   * <ul>
   *   <li>the window must not end before it starts ({@code /cutOff/endDay});
   *   <li>each level's due date is at least one working day after the window ends (Decree 09/2019
   *       Art. 12);
   *   <li>a level is not due before the level before it, which it consolidates;
   *   <li>the lock date is not before the last due date.
   * </ul>
   *
   * @throws IllegalArgumentException for a regular period of another frequency
   */
  public List<FieldError> errors(Collection<PeriodCode> periods) {
    List<FieldError> errors = ruleErrors();
    if (!errors.isEmpty()) {
      return errors;
    }
    Map<String, FieldError> found = new LinkedHashMap<>();
    for (PeriodCode code : periods) {
      if (!code.frequency().regular()) {
        continue;
      }
      requireFrequency(code);
      periodErrors(code, found);
    }
    return List.copyOf(found.values());
  }

  private void periodErrors(PeriodCode code, Map<String, FieldError> found) {
    LocalDate[] bounds = cutOff.bounds(code);
    if (bounds[1].isBefore(bounds[0])) {
      found.putIfAbsent(
          "/cutOff/endDay",
          FieldError.of(
              "/cutOff/endDay",
              "field.WINDOW_REVERSED",
              code.code(),
              bounds[0].toString(),
              bounds[1].toString()));
      return;
    }
    ReportingPeriod period = period(code, new DataWindow(bounds[0], bounds[1]));
    LocalDate earliest = calendar.nextWorkingDay(period.window().to());
    LocalDate previous = null;
    for (int i = 0; i < dueDates.size(); i++) {
      LocalDate due = period.dueDates().get(i).dueDate();
      String pointer = "/dueDates/" + i + "/" + field(dueDates.get(i).rule());
      if (due.isBefore(earliest)) {
        found.putIfAbsent(
            pointer,
            FieldError.of(
                pointer,
                "field.DUE_BEFORE_CUT_OFF",
                code.code(),
                due.toString(),
                period.window().to().toString(),
                earliest.toString()));
      } else if (previous != null && due.isBefore(previous)) {
        found.putIfAbsent(
            pointer,
            FieldError.of(
                pointer,
                "field.DUE_BEFORE_PREVIOUS_LEVEL",
                code.code(),
                due.toString(),
                dueDates.get(i - 1).level(),
                previous.toString()));
      }
      previous = due;
    }
    if (previous != null && period.lockDate().isBefore(previous)) {
      String pointer = "/lock/" + field(lock);
      found.putIfAbsent(
          pointer,
          FieldError.of(
              pointer,
              "field.LOCK_BEFORE_DUE",
              code.code(),
              period.lockDate().toString(),
              previous.toString()));
    }
  }

  /** The field of a rule that sets its date. */
  private static String field(DueDateRule rule) {
    return switch (rule) {
      case DueDateRule.DayOfMonth d -> "day";
      case DueDateRule.WorkingDaysAfter w -> "workingDays";
    };
  }

  /** The values on their own. */
  List<FieldError> ruleErrors() {
    List<FieldError> errors = new ArrayList<>();
    if (frequency.regular()) {
      int m = CutOffRule.MAX_MONTHS;
      int d = CutOffRule.MAX_DAY;
      range(errors, "/cutOff/startMonths", cutOff.startMonths(), -m, m);
      range(errors, "/cutOff/startDay", cutOff.startDay(), 1, d);
      range(errors, "/cutOff/endMonths", cutOff.endMonths(), -m, m);
      range(errors, "/cutOff/endDay", cutOff.endDay(), 1, d);
    }
    if (dueDates.isEmpty()) {
      errors.add(FieldError.of("/dueDates", "field.REQUIRED"));
    } else if (dueDates.size() > MAX_LEVELS) {
      errors.add(FieldError.of("/dueDates", "field.NUMBER_RANGE", "1", String.valueOf(MAX_LEVELS)));
    }
    Set<String> levels = new HashSet<>();
    for (int i = 0; i < dueDates.size(); i++) {
      LevelRule level = dueDates.get(i);
      String pointer = "/dueDates/" + i;
      if (level.level() == null || !LEVEL.matcher(level.level()).matches()) {
        errors.add(FieldError.of(pointer + "/level", "field.LEVEL_CODE"));
      } else if (!levels.add(level.level())) {
        errors.add(FieldError.of(pointer + "/level", "field.DUPLICATE_LEVEL"));
      }
      ruleErrors(errors, pointer, level.rule());
    }
    ruleErrors(errors, "/lock", lock);
    return errors;
  }

  private static void ruleErrors(List<FieldError> errors, String pointer, DueDateRule rule) {
    switch (rule) {
      case null -> errors.add(FieldError.of(pointer, "field.REQUIRED"));
      case DueDateRule.DayOfMonth d -> {
        range(
            errors,
            pointer + "/monthsAfter",
            d.monthsAfter(),
            0,
            DueDateRule.DayOfMonth.MAX_MONTHS_AFTER);
        range(errors, pointer + "/day", d.day(), 1, CutOffRule.MAX_DAY);
      }
      case DueDateRule.WorkingDaysAfter w ->
          range(
              errors,
              pointer + "/workingDays",
              w.workingDays(),
              1,
              DueDateRule.WorkingDaysAfter.MAX_WORKING_DAYS);
    }
  }

  private static void range(List<FieldError> errors, String pointer, int value, int min, int max) {
    if (value < min || value > max) {
      errors.add(
          FieldError.of(pointer, "field.NUMBER_RANGE", String.valueOf(min), String.valueOf(max)));
    }
  }
}
