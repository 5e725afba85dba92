package vn.danvan.reception;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.danvan.shared.time.WorkingDays;

/**
 * The legal deadlines of a case (Law on Complaints 2011, Art. 27–28 and 37; Law on Denunciations
 * 2018, Art. 29–30), from rules given by configuration (each rule a number of days, calendar or
 * working days) over the business calendar. A deadline that ends on a day off moves to the next
 * working day. Pure arithmetic: no database, no clock of its own.
 */
public record DeadlineRules(Map<String, Rule> rules, WorkingDays calendar, int dueSoonDays) {

  public record Rule(int days, boolean workingDays) {}

  /** A case as far as its deadlines are concerned. */
  public record Facts(
      ContentKind kind,
      CaseInstance instance,
      boolean complex,
      boolean veryComplex,
      boolean remoteArea,
      LocalDate receivedDate,
      LocalDate acceptedDate,
      LocalDate resolvedDate,
      int extensions) {}

  /** One computed deadline. */
  public record Deadline(
      DeadlineKind kind,
      String rule,
      LocalDate startDate,
      int days,
      boolean workingDays,
      LocalDate dueDate,
      LocalDate metDate,
      DeadlineState state) {}

  /** The deadlines of a case as of {@code today}; a resolution deadline once it has started. */
  public List<Deadline> compute(Facts f, LocalDate today) {
    List<Deadline> out = new ArrayList<>();
    switch (f.kind()) {
      case COMPLAINT -> {
        out.add(
            deadline(
                DeadlineKind.ACCEPTANCE,
                "complaint-acceptance",
                f.receivedDate(),
                0,
                f.acceptedDate(),
                today));
        if (f.acceptedDate() != null) {
          out.add(
              deadline(
                  DeadlineKind.RESOLUTION,
                  complaintRule(f),
                  f.acceptedDate(),
                  0,
                  f.resolvedDate(),
                  today));
        }
      }
      case DENUNCIATION -> {
        out.add(
            deadline(
                DeadlineKind.ACCEPTANCE,
                "denunciation-acceptance",
                f.receivedDate(),
                0,
                f.acceptedDate(),
                today));
        if (f.acceptedDate() != null) {
          int extra = f.extensions() * rule("denunciation-extension").days();
          out.add(
              deadline(
                  DeadlineKind.RESOLUTION,
                  "denunciation-resolution",
                  f.acceptedDate(),
                  extra,
                  f.resolvedDate(),
                  today));
        }
      }
      default -> {
        // petitions and feedback carry no statutory deadline here
      }
    }
    return out;
  }

  /** How many extensions the law allows: once if complex, twice if very complex (denunciations). */
  public static int allowedExtensions(ContentKind kind, boolean complex, boolean veryComplex) {
    if (kind != ContentKind.DENUNCIATION) {
      return 0;
    }
    return veryComplex ? 2 : complex ? 1 : 0;
  }

  static String complaintRule(Facts f) {
    String base = f.instance() == CaseInstance.SECOND ? "complaint-second" : "complaint-first";
    return base + (f.remoteArea() ? "-remote" : "") + (f.complex() ? "-complex" : "");
  }

  Rule rule(String name) {
    Rule r = rules.get(name);
    if (r == null) {
      throw new IllegalStateException("No deadline rule configured: " + name);
    }
    return r;
  }

  private Deadline deadline(
      DeadlineKind kind,
      String ruleName,
      LocalDate start,
      int extraDays,
      LocalDate met,
      LocalDate today) {
    Rule r = rule(ruleName);
    int days = r.days() + extraDays;
    LocalDate due = due(start, days, r.workingDays());
    return new Deadline(
        kind, ruleName, start, days, r.workingDays(), due, met, state(due, met, today));
  }

  /** The last day of a period of {@code days} starting the day after {@code start}. */
  public LocalDate due(LocalDate start, int days, boolean workingDays) {
    if (workingDays) {
      return calendar.addWorkingDays(start, days);
    }
    return calendar.workingDayOnOrAfter(start.plusDays(days));
  }

  public boolean isWorkingDay(LocalDate d) {
    return calendar.isWorkingDay(d);
  }

  DeadlineState state(LocalDate due, LocalDate met, LocalDate today) {
    if (met != null) {
      return met.isAfter(due) ? DeadlineState.MET_LATE : DeadlineState.MET;
    }
    if (today.isAfter(due)) {
      return DeadlineState.OVERDUE;
    }
    return ChronoUnit.DAYS.between(today, due) <= dueSoonDays
        ? DeadlineState.DUE_SOON
        : DeadlineState.IN_TERM;
  }
}
