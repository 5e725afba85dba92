package vn.danvan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.shared.error.ApiException;

/**
 * The code of a reporting period: the year, then a letter and the period's number — {@code 2026M05}
 * (month), {@code 2026Q2} (quarter), {@code 2026S1}/{@code 2026S2} (half year), {@code 2026N9}
 * (January–September), {@code 2026} (year), {@code 2026A01} (the first ad-hoc report of 2026).
 * Years run from {@value #MIN_YEAR} to {@value #MAX_YEAR}. The text form is canonical (upper case,
 * two-digit months and ad-hoc numbers); no other spelling is accepted.
 *
 * @param index the month (1–12), quarter (1–4), half (1–2), 9 for nine months, 0 for the year, or
 *     the ad-hoc number (1–99)
 */
public record PeriodCode(int year, ReportingFrequency frequency, int index)
    implements Comparable<PeriodCode> {

  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2100;

  private static final Pattern CODE =
      Pattern.compile("(\\d{4})(?:M(\\d{2})|Q(\\d)|S(\\d)|N(\\d)|A(\\d{2}))?");

  public PeriodCode {
    if (frequency == null) {
      throw new IllegalArgumentException("frequency is required");
    }
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException("Year out of range: " + year);
    }
    if (index < frequency.firstIndex() || index > frequency.lastIndex()) {
      throw new IllegalArgumentException("No period " + index + " for " + frequency);
    }
  }

  public static PeriodCode month(int year, int month) {
    return new PeriodCode(year, ReportingFrequency.MONTHLY, month);
  }

  public static PeriodCode quarter(int year, int quarter) {
    return new PeriodCode(year, ReportingFrequency.QUARTERLY, quarter);
  }

  public static PeriodCode half(int year, int half) {
    return new PeriodCode(year, ReportingFrequency.SEMI_ANNUAL, half);
  }

  public static PeriodCode nineMonths(int year) {
    return new PeriodCode(year, ReportingFrequency.NINE_MONTH, 9);
  }

  public static PeriodCode annual(int year) {
    return new PeriodCode(year, ReportingFrequency.ANNUAL, 0);
  }

  public static PeriodCode adHoc(int year, int number) {
    return new PeriodCode(year, ReportingFrequency.AD_HOC, number);
  }

  /** The code that {@code text} spells, if it spells one. */
  public static Optional<PeriodCode> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = CODE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(1));
    ReportingFrequency frequency = ReportingFrequency.ANNUAL;
    int index = 0;
    ReportingFrequency[] lettered = {
      ReportingFrequency.MONTHLY,
      ReportingFrequency.QUARTERLY,
      ReportingFrequency.SEMI_ANNUAL,
      ReportingFrequency.NINE_MONTH,
      ReportingFrequency.AD_HOC
    };
    for (int g = 0; g < lettered.length; g++) {
      String number = m.group(g + 2);
      if (number != null) {
        frequency = lettered[g];
        index = Integer.parseInt(number);
      }
    }
    if (year < MIN_YEAR
        || year > MAX_YEAR
        || index < frequency.firstIndex()
        || index > frequency.lastIndex()) {
      return Optional.empty();
    }
    return Optional.of(new PeriodCode(year, frequency, index));
  }

  /**
   * The code that {@code text} spells; else 400 {@code VALIDATION_FAILED} with {@code
   * field.PERIOD_CODE} at {@code pointer} (e.g. {@code /path/code}).
   */
  public static PeriodCode parse(String text, String pointer) {
    return tryParse(text)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    pointer,
                    "field.PERIOD_CODE",
                    String.valueOf(MIN_YEAR),
                    String.valueOf(MAX_YEAR)));
  }

  /**
   * As {@link #parse(String, String)}, and the code must be of {@code frequency}: else {@code
   * field.PERIOD_FREQUENCY} at {@code pointer}.
   */
  public static PeriodCode parse(String text, ReportingFrequency frequency, String pointer) {
    PeriodCode code = parse(text, pointer);
    if (code.frequency != frequency) {
      throw ApiException.invalid(pointer, "field.PERIOD_FREQUENCY", frequency.name());
    }
    return code;
  }

  /** The canonical text, e.g. {@code 2026M05}. */
  public String code() {
    return switch (frequency) {
      case ANNUAL -> Integer.toString(year);
      case MONTHLY, AD_HOC -> "%d%s%02d".formatted(year, frequency.letter(), index);
      default -> "%d%s%d".formatted(year, frequency.letter(), index);
    };
  }

  @Override
  public String toString() {
    return code();
  }

  /**
   * The first month of the period. An ad-hoc period has no months of its own: its year stands for
   * them (January–December).
   */
  YearMonth firstMonth() {
    int month =
        switch (frequency) {
          case MONTHLY -> index;
          case QUARTERLY -> 3 * index - 2;
          case SEMI_ANNUAL -> 6 * index - 5;
          case NINE_MONTH, ANNUAL, AD_HOC -> 1;
        };
    return YearMonth.of(year, month);
  }

  /** The last month of the period (December for an ad-hoc period, see {@link #firstMonth()}). */
  YearMonth lastMonth() {
    int month =
        switch (frequency) {
          case MONTHLY -> index;
          case QUARTERLY -> 3 * index;
          case SEMI_ANNUAL -> 6 * index;
          case NINE_MONTH -> 9;
          case ANNUAL, AD_HOC -> 12;
        };
    return YearMonth.of(year, month);
  }

  /** The first calendar day of the period (not of its data window). */
  public LocalDate start() {
    return firstMonth().atDay(1);
  }

  /** The last calendar day of the period (not of its data window). */
  public LocalDate end() {
    return lastMonth().atEndOfMonth();
  }

  /**
   * The period after this one, of the same frequency; an ad-hoc number counts on within its year.
   *
   * @throws IllegalArgumentException past {@value #MAX_YEAR} or ad-hoc number 99
   */
  public PeriodCode next() {
    if (frequency == ReportingFrequency.AD_HOC || index < frequency.lastIndex()) {
      return new PeriodCode(year, frequency, index + 1);
    }
    return new PeriodCode(year + 1, frequency, frequency.firstIndex());
  }

  /**
   * The period before this one, of the same frequency.
   *
   * @throws IllegalArgumentException before {@value #MIN_YEAR} or before ad-hoc number 01
   */
  public PeriodCode previous() {
    if (frequency == ReportingFrequency.AD_HOC || index > frequency.firstIndex()) {
      return new PeriodCode(year, frequency, index - 1);
    }
    return new PeriodCode(year - 1, frequency, frequency.lastIndex());
  }

  /**
   * The codes from {@code from} to {@code to}, both included, in order.
   *
   * @throws IllegalArgumentException when they differ in frequency or {@code to} comes first
   */
  public static List<PeriodCode> between(PeriodCode from, PeriodCode to) {
    if (from.frequency != to.frequency) {
      throw new IllegalArgumentException("Codes of different frequencies: " + from + ", " + to);
    }
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException("Range reversed: " + from + " > " + to);
    }
    List<PeriodCode> codes = new ArrayList<>();
    for (PeriodCode c = from; ; c = c.next()) {
      codes.add(c);
      if (c.equals(to)) {
        return codes;
      }
    }
  }

  /**
   * The periods of {@code frequency} whose calendar months overlap the days {@code from} to {@code
   * to} (both included), in order; empty when {@code to} lies before {@code from}.
   *
   * @throws IllegalArgumentException for {@link ReportingFrequency#AD_HOC} (no calendar months) or
   *     days outside the years of codes
   */
  public static List<PeriodCode> between(
      ReportingFrequency frequency, LocalDate from, LocalDate to) {
    if (!frequency.regular()) {
      throw new IllegalArgumentException("Ad-hoc periods have no calendar months");
    }
    if (to.isBefore(from)) {
      return List.of();
    }
    PeriodCode first = containing(frequency, from);
    // October to December lie after the nine-month period of their year
    PeriodCode last =
        frequency == ReportingFrequency.NINE_MONTH
            ? nineMonths(to.getYear())
            : containing(frequency, to);
    return first.compareTo(last) > 0 ? List.of() : between(first, last);
  }

  /**
   * The period of a regular {@code frequency} whose calendar months hold {@code day}; for {@link
   * ReportingFrequency#NINE_MONTH}, October to December give the next year's period.
   */
  public static PeriodCode containing(ReportingFrequency frequency, LocalDate day) {
    int m = day.getMonthValue();
    int y = day.getYear();
    return switch (frequency) {
      case MONTHLY -> month(y, m);
      case QUARTERLY -> quarter(y, (m + 2) / 3);
      case SEMI_ANNUAL -> half(y, (m + 5) / 6);
      case NINE_MONTH -> nineMonths(m <= 9 ? y : y + 1);
      case ANNUAL -> annual(y);
      case AD_HOC -> throw new IllegalArgumentException("Ad-hoc periods have no calendar months");
    };
  }

  /** Order within a frequency: by year, then number. Frequencies order by their declaration. */
  @Override
  public int compareTo(PeriodCode o) {
    int c = Integer.compare(year, o.year);
    if (c == 0) {
      c = frequency.compareTo(o.frequency);
    }
    return c != 0 ? c : Integer.compare(index, o.index);
  }
}
